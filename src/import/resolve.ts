import type { RootContent } from 'mdast';
import type { Catalogue } from '../i18n/index.js';
import { TODO } from '../model/file.js';
import type { Archive, NetworkRecord } from '../model/index.js';
import { membersOn } from '../model/index.js';
import { nextNumber } from '../query/plan.js';
import type { Person } from '../schema/index.js';
import { slug } from '../schema/index.js';
import { itemsOf, type LegacyProtocol, type NamedPerson } from './legacy.js';
import { municipalityOf, normaliseName, type PeopleIndex } from './names.js';

export interface NewPerson {
  id: string;
  person: Person;
  /** Where the name was met, for the summary. */
  file: string;
  line: number;
}

/** What a draft can lack: the summary names each, and the catalogue words each as a task for the secretariat. */
export type Missing = 'date' | 'time' | 'place' | 'chair' | 'secretary';

/** The counts the summary line gives, as the catalogue words them. */
export type ImportCounts = Parameters<Catalogue['import']['counts']>[0];

export interface ImportSummary extends ImportCounts {
  /** Names not in people.yml: added with --add-people, otherwise left out of the attendance. */
  unknownNames: { name: string; line: number; id?: string }[];
  /** Owners that are neither a person nor a label kd.yml declares (`sekretariatet`): declared with --add-people, otherwise kd check reports them. */
  unknownOwners: string[];
  /** Present people who are not on the network's roster that day: kd check warns about those in regrets or absent. */
  notOnRoster: string[];
  /** Roster members the protocol does not mention: add them under regrets or absent (or, with --absent-unmentioned, placed there). */
  unmentioned: string[];
  /** Entries read as people where kd was unsure (a second name right after a name could be an organisation). */
  review: { line: number; text: string }[];
  /** Page markers, running headers and signature lines taken out. */
  noise: { line: number; text: string }[];
  notUnderstood: { line: number; text: string }[];
  /** What the draft still lacks. */
  missing: Missing[];
}

export interface ImportOptions {
  network: NetworkRecord;
  addPeople: boolean;
  /** Roster members the text never mentions are placed under absent. */
  absentUnmentioned?: boolean;
  date?: string;
  time?: string;
  place?: string;
  /** The highest number each network's year has been given in this import, so that two drafts of one batch never share one. */
  numbers?: Map<string, number>;
  /** Labels in the language of the archive. */
  words: { unknownOrganisation: string; notUnderstoodHeading: string; importedFrom: (file: string) => string };
}

export interface ImportDraft {
  file: string;
  data: Record<string, unknown>;
  body: RootContent[];
  summary: ImportSummary;
  newPeople: NewPerson[];
}

/**
 * Turns what the legacy parser read into a draft protocol of the archive:
 * names become person ids (or, with --add-people, new people), lists become
 * attendance categories, clauses decisions or agreements. `people` is shared
 * across the files of one import, so a new person is added once.
 */
export function resolveDraft(
  source: string,
  legacy: LegacyProtocol,
  archive: Archive,
  index: PeopleIndex,
  added: Map<string, NewPerson>,
  opts: ImportOptions,
): ImportDraft {
  const net = opts.network;
  const config = net.config!;
  const municipalities = archive.config?.municipalities ?? [];
  const date = opts.date ?? legacy.date;
  const time = opts.time ?? legacy.time;
  const place = opts.place ?? legacy.place;
  const missing: Missing[] = (['date', 'time', 'place'] as const).filter((k) => ({ date, time, place })[k] === undefined);
  const unknownNames: ImportSummary['unknownNames'] = [];
  const unknownOwners = new Set<string>();
  const labels = new Set(archive.config?.owners ?? []);
  const newPeople: NewPerson[] = [];

  const resolve = (name: string, line: number, placeText?: string, municipalityHint?: string, surnameOnly = false): string | undefined => {
    const found = index.find(name);
    if (found) return found;
    if (surnameOnly) {
      // "Hylte: Ek/Lind": the one person of that surname in that municipality, or nobody — never a new person called "Ek".
      const matches = Object.entries(archive.people ?? {}).filter(
        ([, p]) =>
          normaliseName(p.name).split(' ').at(-1) === normaliseName(name) &&
          (municipalityHint === undefined || p.municipality === municipalityHint),
      );
      if (matches.length === 1) return matches[0]![0];
      unknownNames.push({ name, line });
      return undefined;
    }
    const id = uniqueId(slug(name), archive, added);
    unknownNames.push({ name, line, ...(opts.addPeople ? { id } : {}) });
    if (!opts.addPeople) return undefined;
    const municipality = municipalityHint ?? (placeText !== undefined ? municipalityOf(placeText, municipalities) : undefined);
    const person: Person = {
      name,
      ...(municipality ? { municipality } : { organisation: placeText ?? archive.config?.organisation ?? opts.words.unknownOrganisation }),
    };
    const entry = { id, person, file: source, line };
    added.set(id, entry);
    newPeople.push(entry);
    index.add(id, name);
    return id;
  };

  const seen = new Set<string>();
  const attendance = {
    present: [] as string[],
    partial: [] as Record<string, unknown>[],
    remote: [] as string[],
    substitutes: [] as { for: string; person: string }[],
    regrets: [] as string[],
    absent: [] as string[],
  };
  const review = [...legacy.review];
  const place1 = (list: NamedPerson[], category: 'present' | 'remote' | 'regrets' | 'absent') => {
    for (const p of list) {
      const id = resolve(p.name, p.line, p.place, p.municipality, p.surnameOnly === true);
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const items = p.partial ? itemsOf(p.partial, legacy.items) : undefined;
      if (category === 'present' && p.partial && (p.partial.from || p.partial.until || items)) {
        attendance.partial.push({
          person: id,
          ...(p.partial.from ? { from: p.partial.from } : {}),
          ...(p.partial.until ? { until: p.partial.until } : {}),
          ...(items ? { items } : {}),
        });
      } else if ((category === 'present' && p.remote) || category === 'remote') attendance.remote.push(id);
      else attendance[category].push(id);
    }
  };
  // A substitute stands in for a member: both must be known; one whose member is not named is present and listed for review.
  for (const s of legacy.substitutes) {
    const person = resolve(s.name, s.line);
    const member = s.for ? resolve(s.for, s.line) : undefined;
    if (person === undefined || seen.has(person)) continue;
    if (member !== undefined && !seen.has(member)) {
      seen.add(person);
      seen.add(member);
      attendance.substitutes.push({ for: member, person });
    } else {
      legacy.present.push({ name: s.name, line: s.line });
      review.push({ line: s.line, text: s.for ? `${s.name} / ${s.for}` : s.name });
    }
  }
  place1(legacy.present, 'present');
  place1(legacy.remote, 'remote');
  place1(legacy.regrets, 'regrets');
  place1(legacy.absent, 'absent');

  const members = date ? membersOn(config, date) : [];
  const memberIds = new Set(members.map((m) => m.person));
  const unmentioned = [...memberIds].filter((id) => !seen.has(id));
  if (opts.absentUnmentioned) for (const id of unmentioned) attendance.absent.push(id);
  const nextMeeting = date
    ? net.calendar?.meetings
        .map((m) => m.date)
        .filter((d) => d > date)
        .sort()[0]
    : undefined;
  const chair = legacy.chair ? resolve(legacy.chair.name, legacy.chair.line) : undefined;
  const secretary =
    (legacy.secretary ? resolve(legacy.secretary.name, legacy.secretary.line) : undefined) ??
    members.find((m) => m.role === 'secretary')?.person;
  const kind = legacy.kind ?? (config.decides ? 'protokoll' : 'anteckningar');
  if (kind === 'protokoll' && chair === undefined) missing.push('chair');
  if (secretary === undefined) missing.push('secretary');

  const key = config.decides ? 'decisions' : 'agreements';
  let decisions = 0;
  let assignments = 0;
  const items = legacy.items.map((item) => {
    const list = item.decisions.map((d) => {
      decisions++;
      if (d.owner === undefined) return d.text;
      assignments++;
      const person = index.find(d.owner);
      const owner = person ?? d.owner;
      if (person === undefined && !labels.has(owner)) unknownOwners.add(owner);
      const due = d.due ?? (d.dueNextMeeting ? nextMeeting : undefined);
      return { text: d.text, owner, ...(due && date && due > date ? { due } : {}) };
    });
    return { no: item.no, title: item.source ? `${item.title} (${item.source})` : item.title, ...(list.length > 0 ? { [key]: list } : {}) };
  });

  const year = date?.slice(0, 4);
  const batchKey = `${net.id}/${year}`;
  const number =
    legacy.number !== undefined && (legacy.year === undefined || String(legacy.year) === year)
      ? legacy.number
      : date
        ? Math.max(nextNumber(net, date), (opts.numbers?.get(batchKey) ?? 0) + 1)
        : 1;
  opts.numbers?.set(batchKey, Math.max(opts.numbers.get(batchKey) ?? 0, number));
  const data: Record<string, unknown> = {
    network: net.id,
    number,
    ...(date ? { date } : {}),
    // What the source did not say is a visible TODO that kd check reports, not a guess.
    time: time ?? TODO,
    place: place ?? TODO,
    kind,
    status: 'utkast',
    ...(chair ? { chair } : {}),
    ...(secretary ? { secretary } : {}),
    ...(legacy.theme ? { theme: legacy.theme } : {}),
    attendance: Object.fromEntries(Object.entries(attendance).filter(([, v]) => v.length > 0)),
    guests: legacy.guests.map((g) => ({
      name: g.name,
      organisation: g.organisation ?? opts.words.unknownOrganisation,
      ...(g.role ? { role: g.role } : {}),
    })),
    items,
  };

  const lastItemLine = legacy.items.at(-1)?.line ?? 0;
  const trailing = legacy.notUnderstood.filter((u) => u.line > lastItemLine);
  const body: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: legacy.header ?? opts.words.importedFrom(source) }] },
    ...legacy.intro.map((text): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })),
    ...legacy.items.flatMap((item): RootContent[] => [
      {
        type: 'heading',
        depth: 2,
        children: [{ type: 'text', value: `${item.no}. ${item.source ? `${item.title} (${item.source})` : item.title}` }],
      },
      ...item.text.map((text): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })),
    ]),
    ...(trailing.length > 0
      ? [
          { type: 'heading', depth: 2, children: [{ type: 'text', value: opts.words.notUnderstoodHeading }] } as RootContent,
          ...trailing.map((u): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value: u.text }] })),
        ]
      : []),
  ];

  return {
    file: date ? `networks/${net.id}/protocols/${year}/${date}-${number}.md` : '',
    data,
    body,
    newPeople,
    summary: {
      present: attendance.present.length,
      partial: attendance.partial.length,
      remote: attendance.remote.length,
      regrets: attendance.regrets.length,
      absent: attendance.absent.length,
      guests: legacy.guests.length,
      items: items.length,
      decisions,
      assignments,
      unknownNames,
      unknownOwners: [...unknownOwners],
      notOnRoster: [...attendance.regrets, ...attendance.absent].filter((id) => !memberIds.has(id)),
      unmentioned: opts.absentUnmentioned ? [] : unmentioned,
      review,
      noise: legacy.noise,
      notUnderstood: legacy.notUnderstood,
      missing,
    },
  };
}

function uniqueId(base: string, archive: Archive, added: Map<string, NewPerson>): string {
  const taken = (id: string) => Object.hasOwn(archive.people ?? {}, id) || added.has(id);
  let id = base || 'person';
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}
