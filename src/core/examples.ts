/**
 * The small archive every rule example is laid over: one deciding network
 * of three municipal directors and a secretary, with personal substitutes,
 * and one approved protocol. It passes kd check; an example replaces or adds
 * the files it is about (archive-relative path → text).
 */
export const EXAMPLE_ARCHIVE: Readonly<Record<string, string>> = {
  'kd.yml': `organisation: Mellanbygdens kommuner
municipalities: [Alby, Berga, Dalsjö]
default_network: ledning
`,
  'people.yml': `astrid-alm: { name: Astrid Alm, municipality: Alby }
bertil-bok: { name: Bertil Bok, municipality: Berga }
doris-dal: { name: Doris Dal, municipality: Dalsjö }
erik-ek: { name: Erik Ek, municipality: Dalsjö }
sara-sund: { name: Sara Sund, organisation: Mellanbygdens kommuner }
`,
  'networks/ledning/network.yml': `name: Kommundirektörsgruppen
mission: Samordnar kommunernas gemensamma frågor.
decides: true
substitutes: personal
roster:
  - { person: astrid-alm, from: 2023-01-01, role: chair }
  - { person: bertil-bok, from: 2023-01-01 }
  - { person: doris-dal, from: 2023-01-01, substitute: erik-ek }
  - { person: sara-sund, from: 2023-01-01, role: secretary }
`,
  'networks/ledning/protocols/2024/2024-02-08-1.md': `---
network: ledning
number: 1
date: 2024-02-08
time: "09:00-11:30"
place: Kommunhuset, Alby
kind: protokoll
status: justerat
chair: astrid-alm
secretary: sara-sund
attendance:
  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]
items:
  - no: 1
    title: Gemensam upphandling
    decisions:
      - text: att sekretariatet tar fram ett förslag till avtal.
        owner: sara-sund
        due: 2024-04-30
---

## 1. Gemensam upphandling

Gruppen diskuterade en gemensam upphandling av larmtjänster.
`,
};

/** The path of the example archive's protocol, for examples that change it. */
export const EXAMPLE_PROTOCOL = 'networks/ledning/protocols/2024/2024-02-08-1.md';

/** The example archive's protocol with its attendance lines (the lines under `attendance:`) replaced. */
export function protocolWith(attendance: string): string {
  const text = EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!;
  return text.replace('  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]', attendance);
}

/** The path of the example network's settings and roster. */
export const EXAMPLE_NETWORK = 'networks/ledning/network.yml';

/**
 * `text` with passages replaced, each `[old, new]` (every occurrence of
 * `old`): for an example that changes one thing. A passage that is not there
 * is an error, so an example cannot quietly stop showing what it is about.
 */
export function replaced(text: string, ...replacements: [old: string, replacement: string][]): string {
  for (const [old, replacement] of replacements) {
    if (!text.includes(old)) throw new Error(`example text has no ${JSON.stringify(old)}`);
    text = text.replaceAll(old, replacement);
  }
  return text;
}

/** A file of the example archive with passages replaced (see `replaced`). */
export function changed(file: string, ...replacements: [old: string, replacement: string][]): string {
  const text = EXAMPLE_ARCHIVE[file];
  if (text === undefined) throw new Error(`no example file ${file}`);
  return replaced(text, ...replacements);
}

/** The example archive's protocol with Bertil Bok present for part of the meeting; `fields` say which part. */
export function protocolWithPartial(fields: string): string {
  return protocolWith(`  present: [astrid-alm, doris-dal, sara-sund]\n  partial:\n    - { person: bertil-bok, ${fields} }`);
}

/**
 * The example archive's protocol with a second item: its entry under
 * `items` (YAML lines) and its section of the text, either left out when
 * undefined.
 */
export function protocolWithItem(item: string | undefined, section: string | undefined): string {
  const text = EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!;
  const end = text.indexOf('\n---\n') + 1;
  const front = item === undefined ? text.slice(0, end) : `${text.slice(0, end)}${item}\n`;
  return `${front}${text.slice(end)}${section === undefined ? '' : `\n${section}\n`}`;
}

/** The example network with Bertil Bok's roster line replaced by `lines` (one or more YAML lines of the roster). */
export function networkWithBertil(lines: string): string {
  return changed(EXAMPLE_NETWORK, ['  - { person: bertil-bok, from: 2023-01-01 }', lines]);
}

/**
 * The example network with terms of office (mandatperioder): 2023–2026,
 * which holds every date of its roster, and then `next`, the YAML line of a
 * second term, when given.
 */
export function networkWithTerms(next?: string): string {
  const terms = ['  - { id: 2023-2026, from: 2023-01-01, to: 2026-12-31 }', ...(next === undefined ? [] : [next])];
  return `${EXAMPLE_ARCHIVE[EXAMPLE_NETWORK]!}terms:\n${terms.join('\n')}\n`;
}

/** The example network with `meetings_per_term` and one term that plans `meetings`. */
export function networkWithMeetings(perTerm: number, meetings: number): string {
  return `${EXAMPLE_ARCHIVE[EXAMPLE_NETWORK]!}meetings_per_term: ${perTerm}\nterms:\n  - { id: 2023-2026, from: 2023-01-01, to: 2026-12-31, meetings: ${meetings} }\n`;
}

/** Where the example network's calendar (årshjul) would be. */
export const EXAMPLE_CALENDAR = 'networks/ledning/calendar.yml';

/** A calendar for the example network: its April meeting, and the budget meeting on `date`. */
export function calendarWith(date: string): string {
  return `meetings:
  - date: 2024-04-11
    place: Stadshuset, Berga
  - date: ${date}
    theme: Budget 2025
`;
}

/** Where the network's second meeting of 2024 is filed. */
export const NEXT_PROTOCOL = 'networks/ledning/protocols/2024/2024-04-11-2.md';

/**
 * The protocol of the network's second meeting of 2024, not yet approved,
 * with passages replaced (see `replaced`): for examples over several
 * protocols. It is not in the example archive; an example adds it. Its
 * front matter is the first meeting's up to the items, with the number,
 * date, time, place and status of the second.
 */
export function nextMeeting(...replacements: [old: string, replacement: string][]): string {
  const first = EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!;
  const head = replaced(
    first.slice(0, first.indexOf('items:\n')),
    ['number: 1', 'number: 2'],
    ['date: 2024-02-08', 'date: 2024-04-11'],
    ['time: "09:00-11:30"', 'time: "13:00-15:00"'],
    ['place: Kommunhuset, Alby', 'place: Stadshuset, Berga'],
    ['status: justerat', 'status: utkast'],
  );
  return replaced(
    `${head}items:
  - no: 1
    title: Avtal om larmtjänster
    decisions:
      - att godkänna sekretariatets förslag till avtal.
---

## 1. Avtal om larmtjänster

Sara Sund redovisade förslaget till avtal om larmtjänster.
`,
    ...replacements,
  );
}

/** The example archive's protocol with a guest from the region, at the items `items` (a YAML list). */
export function protocolWithGuest(items: string): string {
  return changed(EXAMPLE_PROTOCOL, [
    'items:',
    `guests:\n  - { name: Karin Lind, organisation: Region Mellanbygd, items: ${items} }\nitems:`,
  ]);
}

/** The next meeting's protocol (see `nextMeeting`), its item following up the decision `ref`. */
export function nextMeetingFollowingUp(ref: string): string {
  return nextMeeting(['    decisions:', `    follows_up: [${ref}]\n    decisions:`]);
}

/**
 * The base commit a frozen-protocol example names. The tester commits the
 * example's approved files and puts this id in place of the real one, which
 * differs with every run; `kd explain` shows it as a sample id.
 */
export const COMMIT_ID = '3f09fa9c1d2e';
