import fc from 'fast-check';

/**
 * Writes a meeting as legacy minutes — plain Swedish text in one of many
 * notations, chosen by a Style — for the round-trip property in
 * tests/import-roundtrip.test.ts. The meeting is plain data with names, not
 * ids; every choice of notation is a field of Style, so fast-check can pick
 * and shrink them.
 */

export interface PersonRef {
  name: string;
  municipality?: string;
  organisation?: string;
}

export type Category = 'present' | 'partial' | 'remote' | 'substitute' | 'regrets' | 'absent';

export interface Attendee extends PersonRef {
  category: Category;
  /** For partial attendance: "11:00", or items in kd's numbering. */
  until?: string;
  items?: { from: number; to: number };
  /** For a substitute: whom they stood in for. */
  substituteFor?: PersonRef;
  chair?: boolean;
  secretary?: boolean;
}

export interface MeetingDecision {
  text: string;
  owner?: string;
  due?: string;
}

export interface MeetingItem {
  no: number;
  title: string;
  prose: string[];
  decisions: MeetingDecision[];
}

export interface Meeting {
  file: string;
  network: string;
  organisation: string;
  number: number;
  date: string;
  time: string;
  place: string;
  kind: 'protokoll' | 'anteckningar';
  attendees: Attendee[];
  guests: { name: string; organisation: string; role?: string }[];
  items: MeetingItem[];
}

const c = <T>(...values: T[]) => fc.constantFrom(...values);

export const TITLES = ['Protokoll', 'Minnesanteckningar', 'Anteckningar från mötet i', 'Sammanträdesprotokoll', 'Protokoll nr'] as const;
export const DATE_FORMATS = ['iso', 'yymmdd', 'slash', 'monthname', 'weekday', 'dotted'] as const;
export const TIME_FORMATS = ['kl.–', 'hh:mm', 'kl -', 'klockan till'] as const;
export const FIELD_LAYOUTS = ['colon', 'nextline', 'tab'] as const;
export const HEADER_SHAPES = ['separate', 'timeplace', 'timeplace-all', 'flattened'] as const;
export const PRESENT_HEADINGS = ['Närvarande', 'Beslutande', 'Ledamöter', 'Deltagare', 'Närvarande ledamöter'] as const;
export const LIST_LAYOUTS = ['inline', 'perLine', 'wrapped'] as const;
export const ENTRY_SHAPES = ['name, muni kommun', 'name, role, muni', 'name (party), muni', 'name, muni', 'muni name', 'name tf role muni', 'name', 'name<TAB>muni'] as const;
export const PARTIAL_STYLES = ['note', 'prose'] as const;
export const UNTIL_NOTES = ['fram till 11.00', 'till kl 11.00', 'fram till kl. 11.00', 'till 11:00'] as const;
export const ITEMS_NOTES = ['tom p', 'p a-b', 'pkt a, a+1-b', '§ a-b', 'pkt a-b', 't.o.m. §'] as const;
export const REMOTE_STYLES = ['(digitalt)', '(via Teams)', 'heading', 'prose'] as const;
export const SUBSTITUTE_STYLES = ['ersätter', '(ers. för)', 'prose'] as const;
export const REGRETS_STYLES = ['Anmält förhinder', 'Förhinder', 'prose'] as const;
export const ABSENT_STYLES = ['Frånvarande', 'Ej närvarande', 'prose'] as const;
export const GUEST_HEADINGS = ['Övriga deltagare', 'Dessutom närvarande'] as const;
export const GUEST_SHAPES = ['name, org', 'name, role, org', 'Från org deltar'] as const;
export const OFFICERS = ['none', 'notes', 'header', 'signature'] as const;
export const NUMBERING = ['1.', '§ 1', 'Punkt 1', '§ 56'] as const;
export const DECISION_STYLES = ['Beslut + att', 'Beslut: + att', 'Beslut: att', 'Beslut + - att', 'Nätverket beslutar att', 'Beslutades att'] as const;
export const ASSIGNMENT_STYLES = ['clause', 'sentence'] as const;
export const DUE_FORMATS = ['d month', 'd month yyyy', 'iso'] as const;
export const PAGE_MARKERS = ['none', '1(3)', 'Sida 1 av 3', '- 1 -'] as const;

export interface Style {
  title: (typeof TITLES)[number];
  dateFormat: (typeof DATE_FORMATS)[number];
  timeFormat: (typeof TIME_FORMATS)[number];
  dateLayout: (typeof FIELD_LAYOUTS)[number];
  timeLayout: (typeof FIELD_LAYOUTS)[number];
  placeLayout: (typeof FIELD_LAYOUTS)[number];
  header: (typeof HEADER_SHAPES)[number];
  presentHeading: (typeof PRESENT_HEADINGS)[number];
  colon: boolean;
  presentLayout: (typeof LIST_LAYOUTS)[number];
  otherLayout: (typeof LIST_LAYOUTS)[number];
  /** Cycled over the people of a list: several shapes in one document. */
  shapes: (typeof ENTRY_SHAPES)[number][];
  byMunicipality: boolean;
  partial: (typeof PARTIAL_STYLES)[number];
  untilNote: (typeof UNTIL_NOTES)[number];
  itemsNote: (typeof ITEMS_NOTES)[number];
  remote: (typeof REMOTE_STYLES)[number];
  substitute: (typeof SUBSTITUTE_STYLES)[number];
  regrets: (typeof REGRETS_STYLES)[number];
  absent: (typeof ABSENT_STYLES)[number];
  guestHeading: (typeof GUEST_HEADINGS)[number];
  guestShape: (typeof GUEST_SHAPES)[number];
  officers: (typeof OFFICERS)[number];
  numbering: (typeof NUMBERING)[number];
  agenda: boolean;
  prose: boolean;
  /** Cycled over the items. */
  decisions: (typeof DECISION_STYLES)[number][];
  assignment: (typeof ASSIGNMENT_STYLES)[number];
  due: (typeof DUE_FORMATS)[number];
  pageMarker: (typeof PAGE_MARKERS)[number];
  runningHeader: boolean;
  signatureLine: boolean;
  /** Where the two page breaks fall, as block positions (taken modulo the number of blocks). */
  breaks: [number, number];
}

/** Every choice of notation, by Style key: one value is one notation. */
export const CHOICES = {
  title: TITLES,
  dateFormat: DATE_FORMATS,
  timeFormat: TIME_FORMATS,
  dateLayout: FIELD_LAYOUTS,
  timeLayout: FIELD_LAYOUTS,
  placeLayout: FIELD_LAYOUTS,
  header: HEADER_SHAPES,
  presentHeading: PRESENT_HEADINGS,
  colon: [true, false],
  presentLayout: LIST_LAYOUTS,
  otherLayout: LIST_LAYOUTS,
  shapes: ENTRY_SHAPES,
  byMunicipality: [false, true],
  partial: PARTIAL_STYLES,
  untilNote: UNTIL_NOTES,
  itemsNote: ITEMS_NOTES,
  remote: REMOTE_STYLES,
  substitute: SUBSTITUTE_STYLES,
  regrets: REGRETS_STYLES,
  absent: ABSENT_STYLES,
  guestHeading: GUEST_HEADINGS,
  guestShape: GUEST_SHAPES,
  officers: OFFICERS,
  numbering: NUMBERING,
  agenda: [false, true],
  prose: [false, true],
  decisions: DECISION_STYLES,
  assignment: ASSIGNMENT_STYLES,
  due: DUE_FORMATS,
  pageMarker: PAGE_MARKERS,
  runningHeader: [false, true],
  signatureLine: [false, true],
} as const satisfies { [K in Exclude<keyof Style, 'breaks'>]: readonly unknown[] };

/** The plainest notation of all: each key's first choice. */
export const PLAIN: Style = {
  ...(Object.fromEntries(Object.entries(CHOICES).map(([key, values]) => [key, values[0]])) as Omit<Style, 'shapes' | 'decisions' | 'breaks'>),
  shapes: [ENTRY_SHAPES[3]],
  decisions: [DECISION_STYLES[0]],
  breaks: [7, 11],
};

/** PLAIN with one key set to one of its choices (lists hold that one choice). */
export function withChoice(key: keyof typeof CHOICES, value: unknown): Style {
  return { ...PLAIN, [key]: key === 'shapes' || key === 'decisions' ? [value] : value } as Style;
}

export const styleArb: fc.Arbitrary<Style> = fc.record({
  title: c(...TITLES),
  dateFormat: c(...DATE_FORMATS),
  timeFormat: c(...TIME_FORMATS),
  dateLayout: c(...FIELD_LAYOUTS),
  timeLayout: c(...FIELD_LAYOUTS),
  placeLayout: c(...FIELD_LAYOUTS),
  header: c(...HEADER_SHAPES),
  presentHeading: c(...PRESENT_HEADINGS),
  colon: fc.boolean(),
  presentLayout: c(...LIST_LAYOUTS),
  otherLayout: c(...LIST_LAYOUTS),
  shapes: fc.array(c(...ENTRY_SHAPES), { minLength: 1, maxLength: 3 }),
  byMunicipality: fc.boolean(),
  partial: c(...PARTIAL_STYLES),
  untilNote: c(...UNTIL_NOTES),
  itemsNote: c(...ITEMS_NOTES),
  remote: c(...REMOTE_STYLES),
  substitute: c(...SUBSTITUTE_STYLES),
  regrets: c(...REGRETS_STYLES),
  absent: c(...ABSENT_STYLES),
  guestHeading: c(...GUEST_HEADINGS),
  guestShape: c(...GUEST_SHAPES),
  officers: c(...OFFICERS),
  numbering: c(...NUMBERING),
  agenda: fc.boolean(),
  prose: fc.boolean(),
  decisions: fc.array(c(...DECISION_STYLES), { minLength: 1, maxLength: 3 }),
  assignment: c(...ASSIGNMENT_STYLES),
  due: c(...DUE_FORMATS),
  pageMarker: c(...PAGE_MARKERS),
  runningHeader: fc.boolean(),
  signatureLine: fc.boolean(),
  breaks: fc.tuple(fc.nat(40), fc.nat(40)),
});

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['söndagen', 'måndagen', 'tisdagen', 'onsdagen', 'torsdagen', 'fredagen', 'lördagen'];
const PARTIES = ['S', 'M', 'C', 'L', 'KD', 'V', 'MP'];
const ROLES = ['kommunchef', 'kommundirektör'];

export function writeDate(iso: string, format: Style['dateFormat']): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (format) {
    case 'iso':
      return iso;
    case 'yymmdd':
      return iso.slice(2).replace(/-/g, '');
    case 'slash':
      return `${d}/${m} ${y}`;
    case 'monthname':
      return `${d} ${MONTHS[m - 1]} ${y}`;
    case 'weekday':
      return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} den ${d} ${MONTHS[m - 1]} ${y}`;
    case 'dotted':
      return `${d}.${m}.${y}`;
  }
}

export function writeTime(range: string, format: Style['timeFormat']): string {
  const [a, b] = range.split('-') as [string, string];
  const dots = (t: string) => `${Number(t.slice(0, 2))}.${t.slice(3)}`;
  switch (format) {
    case 'kl.–':
      return `kl. ${dots(a)}–${dots(b)}`;
    case 'hh:mm':
      return `${a}-${b}`;
    case 'kl -':
      return `kl ${dots(a)}-${dots(b)}`;
    case 'klockan till':
      return `klockan ${dots(a)} till ${dots(b)}`;
  }
}

function writeDue(iso: string, format: Style['due']): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (format === 'iso') return iso;
  return format === 'd month' ? `${d} ${MONTHS[m - 1]}` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Eslövs kommun", "Alingsås kommun": the genitive when the name allows it. */
const kommun = (m: string, genitive: boolean) => (genitive && !/[sxz]$/i.test(m) ? `${m}s kommun` : `${m} kommun`);

/** Joins names as prose: "A", "A och B", "A, B och C". */
export function proseList(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
}

export interface Written {
  text: string;
  /** Lines written as noise (page markers, repeated running headers, signature lines). */
  noise: string[];
  /** The items' numbers as written. */
  sourceNumbers: number[];
}

export function write(m: Meeting, s: Style): Written {
  const blocks: string[] = [];
  const offset = s.numbering === '§ 56' ? 55 : 0;
  const src = (kd: number) => kd + offset;
  const colon = (heading: string) => (s.colon ? `${heading}:` : heading);

  // One entry of an attendance list, in the shape chosen for its position.
  const entry = (a: Attendee, i: number, layout: Style['presentLayout'], withNotes: boolean): string => {
    let shape = s.shapes[i % s.shapes.length]!;
    if (shape === 'name<TAB>muni' && layout !== 'perLine') shape = 'name, muni';
    let text: string;
    if (a.municipality) {
      const muni = a.municipality;
      switch (shape) {
        case 'name, muni kommun':
          text = `${a.name}, ${kommun(muni, i % 2 === 0)}`;
          break;
        case 'name, role, muni':
          text = `${a.name}, ${ROLES[i % ROLES.length]}, ${muni}`;
          break;
        case 'name (party), muni':
          text = `${a.name} (${PARTIES[i % PARTIES.length]}), ${muni}`;
          break;
        case 'name, muni':
          text = `${a.name}, ${muni}`;
          break;
        case 'muni name':
          text = `${muni} ${a.name}`;
          break;
        case 'name tf role muni':
          text = `${a.name} tf ${ROLES[(i + 1) % ROLES.length]} ${muni}`;
          break;
        case 'name':
          text = a.name;
          break;
        case 'name<TAB>muni':
          text = `${a.name}\t${muni}`;
          break;
      }
    } else {
      const org = a.organisation ?? 'Förbundet';
      text = shape === 'name' ? a.name : shape === 'name<TAB>muni' ? `${a.name}\t${org}` : shape === 'name, role, muni' ? `${a.name}, utredare, ${org}` : `${a.name}, ${org}`;
    }
    if (!withNotes) return text;
    const notes: string[] = [];
    if (a.category === 'partial' && s.partial === 'note') notes.push(partialNote(a));
    if (a.category === 'remote' && (s.remote === '(digitalt)' || s.remote === '(via Teams)')) notes.push(s.remote === '(digitalt)' ? 'digitalt' : 'via Teams');
    if (s.officers === 'notes' && a.chair) notes.push('ordförande');
    if (s.officers === 'notes' && a.secretary) notes.push('sekr.');
    if (a.category === 'substitute' && a.substituteFor) {
      if (s.substitute === 'ersätter') return `${a.name} ersätter ${a.substituteFor.name}`;
      if (s.substitute === '(ers. för)') notes.push(`ers. för ${a.substituteFor.name}`);
    }
    return notes.length === 0 ? text : `${text} ${notes.map((n) => `(${n})`).join(' ')}`;
  };

  const partialNote = (a: Attendee): string => {
    if (a.until) return s.untilNote.replace('11.00', a.until.replace(':', '.')).replace('11:00', a.until);
    const { from, to } = a.items!;
    const [x, y] = [src(from), src(to)];
    switch (s.itemsNote) {
      case 'tom p':
        return `tom p ${y}`;
      case 'p a-b':
        return `p ${x}-${y}`;
      case 'pkt a, a+1-b':
        return x + 1 < y ? `pkt ${x}, ${x + 1}-${y}` : `pkt ${x}-${y}`;
      case '§ a-b':
        return `§ ${x}-${y}`;
      case 'pkt a-b':
        return `pkt ${x}-${y}`;
      case 't.o.m. §':
        return `t.o.m. § ${y}`;
    }
  };

  // A list under its heading, in a layout.
  const list = (heading: string, people: string[], layout: Style['presentLayout']): string => {
    if (layout === 'inline') return `${colon(heading)} ${people.join(', ')}`;
    if (layout === 'perLine') return [colon(heading), ...people].join('\n');
    const lines: string[] = [];
    for (let i = 0; i < people.length; i += 3) lines.push(people.slice(i, i + 3).join(', ') + (i + 3 < people.length ? ',' : ''));
    return [colon(heading), ...lines].join('\n');
  };

  const order = (people: Attendee[]) =>
    s.byMunicipality ? [...people].sort((a, b) => (a.municipality ?? 'Ö').localeCompare(b.municipality ?? 'Ö', 'sv') || a.name.localeCompare(b.name, 'sv')) : people;

  const of = (cat: Category) => m.attendees.filter((a) => a.category === cat);
  const chair = m.attendees.find((a) => a.chair);
  const secretary = m.attendees.find((a) => a.secretary);

  // Title.
  const title =
    s.title === 'Anteckningar från mötet i' ? `Anteckningar från mötet i ${m.network}` : s.title === 'Protokoll nr' ? `Protokoll nr ${m.number}/${m.date.slice(0, 4)}` : s.title;

  // Header fields.
  const date = writeDate(m.date, s.dateFormat);
  const time = writeTime(m.time, s.timeFormat);
  const field = (label: string, value: string, layout: Style['dateLayout']) =>
    layout === 'colon' ? `${label}: ${value}` : layout === 'tab' ? `${label}\t${value}` : `${label}\n${value}`;
  const headerLines: string[] = [];
  if (s.header === 'separate') headerLines.push(field('Datum', date, s.dateLayout), field('Tid', time, s.timeLayout), field('Plats', m.place, s.placeLayout));
  else if (s.header === 'timeplace') headerLines.push(field('Datum', date, s.dateLayout), field('Tid och plats', `${time}, ${m.place}`, s.timeLayout));
  else if (s.header === 'timeplace-all') headerLines.push(field('Tid och plats', `${date}, ${time}, ${m.place}`, s.timeLayout));
  if (s.officers === 'header') {
    if (chair) headerLines.push(`Ordförande: ${chair.name}`);
    if (secretary) headerLines.push(`Sekreterare: ${secretary.name}`);
  }

  // Attendance.
  const deltagare = s.presentHeading === 'Deltagare';
  const inPresentList = m.attendees.filter((a) => {
    if (a.category === 'present') return true;
    if (a.category === 'partial') return true;
    if (a.category === 'remote') return s.remote === '(digitalt)' || s.remote === '(via Teams)' || deltagare;
    if (a.category === 'substitute') return s.substitute !== 'prose';
    return deltagare;
  });
  const presentEntries = order(inPresentList).map((a, i) => entry(a, i, s.header === 'flattened' ? 'inline' : s.presentLayout, true));
  const presentLayout = s.header === 'flattened' ? 'inline' : s.presentLayout;

  const attendance: string[] = [];
  if (s.header === 'flattened') {
    const parts = [`Datum: ${date}`, `Tid: ${time}`, `Plats: ${m.place}`, `${s.presentHeading}: ${presentEntries.join(', ')}`];
    blocks.push(title);
    if (headerLines.length > 0) blocks.push(headerLines.join('\n'));
    blocks.push(parts.join(' '));
  } else {
    blocks.push(title);
    blocks.push(headerLines.join('\n'));
    attendance.push(list(s.presentHeading, presentEntries, presentLayout));
  }
  const remote = of('remote');
  if (s.remote === 'heading' && remote.length > 0 && !deltagare) attendance.push(list('Deltog digitalt', remote.map((a, i) => entry(a, i, s.otherLayout, false)), s.otherLayout));
  if (m.guests.length > 0) {
    const guests =
      s.guestShape === 'Från org deltar'
        ? [`Från ${m.guests[0]!.organisation} deltar ${proseList(m.guests.map((g) => (g.role ? `${g.name} (${g.role})` : g.name)))}.`]
        : m.guests.map((g) => (s.guestShape === 'name, org' || !g.role ? `${g.name}, ${g.organisation}` : `${g.name}, ${g.role.toLowerCase()}, ${g.organisation}`));
    attendance.push(s.guestShape === 'Från org deltar' ? `${colon(s.guestHeading)} ${guests[0]}` : list(s.guestHeading, guests, s.otherLayout));
  }
  const prose: string[] = [];
  const regrets = of('regrets');
  if (regrets.length > 0) {
    if (s.regrets === 'prose') prose.push(`${proseList(regrets.map((a) => a.name))} hade anmält förhinder.`);
    else attendance.push(list(s.regrets, order(regrets).map((a, i) => entry(a, i, s.otherLayout, false)), s.otherLayout));
  }
  const absent = of('absent');
  if (absent.length > 0) {
    if (s.absent === 'prose') prose.push(`${proseList(absent.map((a) => a.name))} närvarade inte vid mötet.`);
    else attendance.push(list(s.absent, order(absent).map((a, i) => entry(a, i, s.otherLayout, false)), s.otherLayout));
  }
  if (s.remote === 'prose' && remote.length > 0 && !deltagare) prose.push(`${proseList(remote.map((a) => a.name))} deltog digitalt.`);
  for (const a of of('substitute')) if (s.substitute === 'prose' && a.substituteFor) prose.push(`${a.name} ersätter ${a.substituteFor.name}.`);
  if (s.partial === 'prose')
    for (const a of of('partial')) prose.push(a.until ? `${a.name} lämnade mötet kl ${a.until.replace(':', '.')}.` : `${a.name} lämnade mötet efter punkt ${src(a.items!.to)}.`);
  blocks.push(...attendance);
  if (prose.length > 0) blocks.push(prose.join('\n'));

  // Items.
  const heading = (no: number, t: string) => {
    switch (s.numbering) {
      case '1.':
        return `${no}. ${t}`;
      case '§ 1':
      case '§ 56':
        return `§ ${src(no)} ${t}`;
      case 'Punkt 1':
        return `Punkt ${no} ${t}`;
    }
  };
  if (s.agenda) blocks.push(['Dagordning', ...m.items.map((it) => heading(it.no, it.title))].join('\n'));
  m.items.forEach((it, i) => {
    blocks.push(heading(it.no, it.title));
    if (s.prose) for (const p of it.prose) blocks.push(p);
    const style = s.decisions[i % s.decisions.length]!;
    const clauses: string[] = [];
    const sentences: string[] = [];
    for (const d of it.decisions) {
      if (d.owner) {
        const task = `${d.owner} får i uppdrag att ta fram ett underlag${d.due ? ` senast ${writeDue(d.due, s.due)}` : ''}.`;
        if (s.assignment === 'clause') clauses.push(`att ${task}`);
        else sentences.push(task);
      } else clauses.push(d.text.startsWith('att ') ? d.text : `att ${d.text}`);
    }
    if (clauses.length > 0) {
      const rest = clauses.slice(1);
      switch (style) {
        case 'Beslut + att':
          blocks.push(['Beslut', ...clauses].join('\n'));
          break;
        case 'Beslut: + att':
          blocks.push(['Beslut:', ...clauses].join('\n'));
          break;
        case 'Beslut: att':
          blocks.push([`Beslut: ${clauses[0]}`, ...rest].join('\n'));
          break;
        case 'Beslut + - att':
          blocks.push(['Beslut', ...clauses.map((x) => `- ${x}`)].join('\n'));
          break;
        case 'Nätverket beslutar att':
          blocks.push([`Nätverket beslutar ${clauses[0]}`, ...rest].join('\n'));
          break;
        case 'Beslutades att':
          blocks.push([`Beslutades ${clauses[0]}`, ...rest].join('\n'));
          break;
      }
    }
    if (sentences.length > 0) blocks.push(sentences.join('\n'));
  });

  // Signatures.
  if (s.officers === 'signature' && secretary && chair) blocks.push('Vid protokollet', secretary.name, 'Justeras', `${chair.name}\nordförande`);
  const noise: string[] = [];
  if (s.signatureLine) {
    blocks.push('Justerandes signatur');
    noise.push('Justerandes signatur');
  }

  // Pages: two breaks, a marker and the running header at each page's top.
  const running = `${m.organisation} – ${m.network}`;
  const marker = (page: number) => s.pageMarker.replace('1', String(page));
  if (s.pageMarker !== 'none' || s.runningHeader) {
    const n = blocks.length;
    // Two different places between blocks, never before the first.
    const first0 = 1 + (s.breaks[0] % (n - 1));
    const second0 = 1 + ((first0 + s.breaks[1] % (n - 2)) % (n - 1));
    const cuts = [first0, second0].sort((a, b) => b - a);
    const pages = cuts.length + 1;
    cuts.forEach((cut, i) => {
      const page = pages - i;
      const top: string[] = [];
      if (s.pageMarker !== 'none') top.push(s.pageMarker === '1(3)' ? `${page}(${pages})` : s.pageMarker === 'Sida 1 av 3' ? `Sida ${page} av ${pages}` : marker(page));
      if (s.runningHeader) top.push(running);
      blocks.splice(cut, 0, ...top);
      noise.push(...top);
    });
    const first: string[] = [];
    if (s.runningHeader) first.push(running);
    if (s.pageMarker !== 'none') {
      const p1 = s.pageMarker === '1(3)' ? `1(${pages})` : s.pageMarker === 'Sida 1 av 3' ? `Sida 1 av ${pages}` : marker(1);
      first.push(p1);
      noise.push(p1);
    }
    blocks.unshift(...first);
  }
  return { text: `${blocks.filter((b) => b !== '').join('\n\n')}\n`, noise, sourceNumbers: m.items.map((it) => src(it.no)) };
}
