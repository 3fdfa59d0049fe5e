import type { Section } from '../archive/outline.js';
import { changed, EXAMPLE_ARCHIVE, EXAMPLE_PROTOCOL, NEXT_PROTOCOL, nextMeeting, protocolWithItem } from '../core/examples.js';
import { type Archive, decisionId, type ProtocolRecord } from '../model/index.js';
import { archiveRule, at, perArchive } from './context.js';

/** Protocols of the second meeting that the numbering examples file beside the example archive's, numbered or named amiss. */
const APRIL_AS_1 = 'networks/ledning/protocols/2024/2024-04-11-1.md';
const APRIL_AS_3 = 'networks/ledning/protocols/2024/2024-04-11-3.md';
const JANUARY_AS_2 = 'networks/ledning/protocols/2024/2024-01-18-2.md';
const APRIL_BY_DATE = 'networks/ledning/protocols/2024/2024-04-11.md';

/** The path DESIGN.md prescribes for a protocol. */
export function protocolPath(network: string, date: string, number: number): string {
  return `networks/${network}/protocols/${date.slice(0, 4)}/${date}-${number}.md`;
}

/** Each network's protocols by year (those filed under their own network, in date order), with the year's readability. */
const protocolYears = perArchive((archive: Archive) =>
  [...archive.networks.values()].flatMap((net) => {
    const byYear = new Map<number, ProtocolRecord[]>();
    for (const p of net.protocols) {
      if (p.data.network !== net.id) continue;
      const list = byYear.get(p.year);
      if (list) list.push(p);
      else byYear.set(p.year, [p]);
    }
    return [...byYear].map(([year, list]) => ({ list, readable: !net.brokenYears.has(String(year)) }));
  }),
);

/** The number a protocol's file name gives it (`2019-01-10-1.md`), when the name has its date. */
function fileNumber(p: ProtocolRecord): number | undefined {
  const m = /\/(\d{4}-\d{2}-\d{2})-(\d{1,9})\.md$/.exec(p.file);
  return m && m[1] === p.data.date ? Number(m[2]) : undefined;
}

/** How far a year's numbers, in date order, are from 1, 2, 3 …: repeats, missing numbers below the highest, and steps down. */
function disorder(numbers: readonly number[]): number {
  const seen = new Set<number>();
  let count = 0;
  let max = 0;
  numbers.forEach((n, i) => {
    if (seen.has(n)) count++;
    seen.add(n);
    if (i > 0 && n < numbers[i - 1]!) count++;
    max = Math.max(max, n);
  });
  return count + max - seen.size;
}

/** At most this many protocols a year are weighed as the one mistake; past them numbers are taken as written. */
const WEIGHED = 100;

/**
 * One slip, one finding. When a protocol's `number:` disagrees with its file
 * name, and the file name's number fits the year better (fewer repeats,
 * gaps and steps down), the `number:` line is the mistake: it alone is
 * reported (by file-name, at `number:`), and every other rule counts the
 * protocol by its file name's number. Otherwise "rename the file" would
 * stand next to "expected 1" and a duplicate in the next protocol, all for
 * one wrong digit.
 */
export const numberSlips = perArchive((archive: Archive) => {
  const slips = new Map<ProtocolRecord, number>();
  for (const { list } of protocolYears(archive)) {
    const numbers = list.map((p) => p.data.number);
    const before = disorder(numbers);
    let weighed = 0;
    list.forEach((p, i) => {
      const named = fileNumber(p);
      if (named === undefined || named === p.data.number || ++weighed > WEIGHED) return;
      const fixed = numbers.with(i, named);
      if (disorder(fixed) < before) slips.set(p, named);
    });
  }
  return slips;
});

/** The number the rules count a protocol by: its `number:`, or its file name's when `number:` is the slip. */
export function protocolNumber(archive: Archive, p: ProtocolRecord): number {
  return numberSlips(archive).get(p) ?? p.data.number;
}

/** Each year's protocols, and the first with each number, in number order; the others are duplicates. */
const numberedYears = perArchive((archive: Archive) =>
  protocolYears(archive).map(({ list, readable }) => ({ list, numbers: byNumber(archive, list), readable })),
);

function byNumber(archive: Archive, list: readonly ProtocolRecord[]) {
  const no = (p: ProtocolRecord) => protocolNumber(archive, p);
  const sorted = [...list].sort((a, b) => no(a) - no(b) || (a.file < b.file ? -1 : 1));
  const used = new Map<number, ProtocolRecord>();
  const duplicates: { p: ProtocolRecord; other: ProtocolRecord }[] = [];
  for (const p of sorted) {
    const other = used.get(no(p));
    if (other) duplicates.push({ p, other });
    else used.set(no(p), p);
  }
  return { used, duplicates };
}

/**
 * The number the rules count each item by: its `no:`, or its place in the
 * list when `no:` is the slip, that is when the text has a section with the
 * place's number and no item claims it. Then item-numbering alone reports
 * it, not also a section without an item and a heading for the wrong item.
 */
const itemNumbersOf = new WeakMap<ProtocolRecord, readonly number[]>();
const ONE_TO: (readonly number[])[] = [];
export function itemNumbers(p: ProtocolRecord): readonly number[] {
  let numbers = itemNumbersOf.get(p);
  if (!numbers) {
    const claimed = new Set(p.data.items.map((item) => item.no));
    const sections = new Set(p.sections.map((s) => s.no));
    numbers = p.data.items.map((item, i) => (item.no !== i + 1 && sections.has(i + 1) && !claimed.has(i + 1) ? i + 1 : item.no));
    // Most protocols number their items 1, 2, 3 …: they share one list of each length.
    if (numbers.every((no, i) => no === i + 1)) numbers = ONE_TO[numbers.length] ??= Object.freeze([...numbers]);
    itemNumbersOf.set(p, numbers);
  }
  return numbers;
}

/**
 * A decision's id as the right numbers give it, when its protocol's or its
 * item's number is the slip: a follow-up written with the right id is then
 * not reported as well.
 */
export function rightDecisionId(archive: Archive, p: ProtocolRecord, i: number, n: number): string {
  const item = itemNumbers(p)[i] ?? p.data.items[i]!.no;
  return decisionId(p.data.network, `${protocolNumber(archive, p)}/${p.year}`, item, n);
}

/**
 * A heading whose number is the slip: no item has its number, and an item
 * with the same title has no section. Reported once, by section-extra, as a
 * wrong number in the heading; section-missing then says nothing of the item.
 */
const misnumberedOf = new WeakMap<ProtocolRecord, ReadonlyMap<Section, number>>();
const NONE_MISNUMBERED: ReadonlyMap<Section, number> = new Map();
function misnumbered(p: ProtocolRecord): ReadonlyMap<Section, number> {
  const known = misnumberedOf.get(p);
  if (known) return known;
  const numbers = itemNumbers(p);
  const claimed = new Set(numbers);
  const own = new Set(p.sections.map((s) => s.no));
  // Items without a section, by their title: one lookup a heading, so a long protocol costs no more than a short one.
  const unheaded = new Map<string, number>();
  p.data.items.forEach((item, k) => {
    const title = normalise(item.title);
    if (!own.has(numbers[k]!) && !unheaded.has(title)) unheaded.set(title, numbers[k]!);
  });
  const out = new Map<Section, number>();
  const taken = new Set<number>();
  for (const s of p.sections) {
    if (claimed.has(s.no)) continue;
    const no = unheaded.get(normalise(s.title));
    if (no !== undefined && !taken.has(no)) {
      out.set(s, no);
      taken.add(no);
    }
  }
  // Most protocols have none: they share one empty map rather than each keep its own.
  const kept = out.size === 0 ? NONE_MISNUMBERED : out;
  misnumberedOf.set(p, kept);
  return kept;
}

/** Numbers are unique within a network's year. */
export const numberDuplicate = archiveRule({
  id: 'number-duplicate',
  messages: { 'number-duplicate': 'error' },
  examples: {
    ok: [{ files: { [NEXT_PROTOCOL]: nextMeeting() } }],
    notOk: [
      {
        // The April protocol copied from February's, its number left at 1.
        files: { [APRIL_AS_1]: nextMeeting(['number: 2', 'number: 1']) },
        findings: [{ file: APRIL_AS_1, line: 3, column: 9, key: 'number-duplicate', data: { number: 1, other: EXAMPLE_PROTOCOL } }],
      },
    ],
  },
  check(archive, report) {
    for (const { numbers } of numberedYears(archive))
      for (const { p, other } of numbers.duplicates)
        report(at(p.file, p.positions, 'number'), 'number-duplicate', { number: protocolNumber(archive, p), other: other.file });
  },
});

/** Numbers run 1, 2, 3 … without gaps within a network's year. */
export const numberGap = archiveRule({
  id: 'number-gap',
  messages: { 'number-gap': 'error' },
  examples: {
    ok: [
      // A new year's numbers start again at 1.
      {
        files: {
          'networks/ledning/protocols/2025/2025-02-06-1.md': nextMeeting(['number: 2', 'number: 1'], ['2024-04-11', '2025-02-06']),
        },
      },
    ],
    notOk: [
      {
        // Numbered 3 when there is no protocol 2.
        files: { [APRIL_AS_3]: nextMeeting(['number: 2', 'number: 3']) },
        findings: [{ file: APRIL_AS_3, line: 3, column: 9, key: 'number-gap', data: { expected: 2, found: 3 } }],
      },
    ],
  },
  check(archive, report) {
    for (const { numbers, readable } of numberedYears(archive)) {
      // A year with an unreadable protocol may hold the missing number: do not guess.
      if (!readable) continue;
      const { used } = numbers;
      let expected = 1;
      for (const n of [...used.keys()].sort((a, b) => a - b)) {
        const p = used.get(n)!;
        if (n !== expected) report(at(p.file, p.positions, 'number'), 'number-gap', { expected, found: n });
        expected = n + 1;
      }
    }
  },
});

/** Numbers follow the meetings' dates. */
export const numberOrder = archiveRule({
  id: 'number-order',
  messages: { 'number-order': 'error' },
  examples: {
    ok: [{ files: { [NEXT_PROTOCOL]: nextMeeting() } }],
    notOk: [
      {
        // A January meeting's protocol, filed late, numbered after February's.
        files: { [JANUARY_AS_2]: nextMeeting(['2024-04-11', '2024-01-18']) },
        findings: [{ file: JANUARY_AS_2, line: 3, column: 9, key: 'number-order', data: { number: 2, other: EXAMPLE_PROTOCOL } }],
      },
    ],
  },
  check(archive, report) {
    for (const { list } of numberedYears(archive)) {
      // The list is in date order; a number lower than an earlier meeting's is out of order.
      // Reported once, on the protocol whose number runs ahead of its date.
      let previous: ProtocolRecord | undefined;
      const reported = new Set<ProtocolRecord>();
      for (const p of list) {
        const no = (x: ProtocolRecord) => protocolNumber(archive, x);
        if (previous && !reported.has(previous) && p.data.date > previous.data.date && no(p) < no(previous)) {
          report(at(previous.file, previous.positions, 'number'), 'number-order', { number: no(previous), other: p.file });
          reported.add(previous);
        }
        if (!previous || no(p) > no(previous)) previous = p;
      }
    }
  },
});

/** The file name and folders match network, date and number. */
export const fileName = archiveRule({
  id: 'file-name',
  messages: { 'file-name': 'error', 'file-name.number': 'error' },
  examples: {
    ok: [{ files: { [NEXT_PROTOCOL]: nextMeeting() } }],
    notOk: [
      {
        // Named by its date alone.
        files: { [APRIL_BY_DATE]: nextMeeting() },
        findings: [{ file: APRIL_BY_DATE, line: 4, column: 7, key: 'file-name', data: { expected: NEXT_PROTOCOL, found: APRIL_BY_DATE } }],
      },
      {
        // The April protocol copied from February's and its number left at 1: the file name and the year say 2.
        files: { [NEXT_PROTOCOL]: nextMeeting(['number: 2', 'number: 1']) },
        findings: [
          { file: NEXT_PROTOCOL, line: 3, column: 9, key: 'file-name.number', data: { expected: 2, found: 1, name: '2024-04-11-2.md' } },
        ],
      },
    ],
  },
  check(archive, report) {
    const slips = numberSlips(archive);
    for (const p of archive.protocols) {
      const slip = slips.get(p);
      if (slip !== undefined) {
        const name = p.file.slice(p.file.lastIndexOf('/') + 1);
        report(at(p.file, p.positions, 'number'), 'file-name.number', { expected: slip, found: p.data.number, name });
        continue;
      }
      const expected = protocolPath(p.folder, p.data.date, p.data.number);
      if (expected !== p.file) report(at(p.file, p.positions, 'date'), 'file-name', { expected, found: p.file });
    }
  },
});

/** Items are numbered 1..n. */
export const itemNumbering = archiveRule({
  id: 'item-numbering',
  messages: { 'item-numbering': 'error' },
  examples: {
    ok: [
      {
        files: {
          [EXAMPLE_PROTOCOL]: protocolWithItem(
            '  - no: 2\n    title: Kompetensförsörjning',
            '## 2. Kompetensförsörjning\n\nGruppen delade erfarenheter av rekrytering av socialsekreterare.',
          ),
        },
      },
    ],
    notOk: [
      {
        // Numbered as on the agenda, where item 2 was struck before the meeting.
        files: {
          [EXAMPLE_PROTOCOL]: protocolWithItem(
            '  - no: 3\n    title: Kompetensförsörjning',
            '## 3. Kompetensförsörjning\n\nGruppen delade erfarenheter av rekrytering av socialsekreterare.',
          ),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 20, column: 9, key: 'item-numbering', data: { expected: 2, found: 3 } }],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols)
      p.data.items.forEach((item, i) => {
        if (item.no !== i + 1) report(at(p.file, p.positions, `items[${i}].no`), 'item-numbering', { expected: i + 1, found: item.no });
      });
  },
});

/** Every `## N.` section of the text belongs to one item. */
export const sectionExtra = archiveRule({
  id: 'section-extra',
  messages: { 'section-extra': 'error', 'section-number': 'error' },
  examples: {
    ok: [
      // A heading without a number is no item's section.
      { files: { [EXAMPLE_PROTOCOL]: `${EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!}\n## Justering\n\nAstrid Alm, ordförande\n` } },
    ],
    notOk: [
      {
        // "Övriga frågor" written in the text but not added under items.
        files: { [EXAMPLE_PROTOCOL]: protocolWithItem(undefined, '## 2. Övriga frågor\n\nInga övriga frågor.') },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 26, column: 1, key: 'section-extra', data: { found: '## 2. Övriga frågor' } }],
      },
      {
        // The heading numbered 3 for item 2: one finding at the heading, none for the item.
        files: {
          [EXAMPLE_PROTOCOL]: protocolWithItem('  - no: 2\n    title: Övriga frågor', '## 3. Övriga frågor\n\nInga övriga frågor.'),
        },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 28, column: 1, key: 'section-number', data: { found: '## 3. Övriga frågor', expected: 2 } },
        ],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      const itemNos = new Set(itemNumbers(p));
      const wrong = misnumbered(p);
      const sectionNos = new Set<number>();
      for (const s of p.sections) {
        const where = { file: p.file, line: s.line, column: s.column };
        const no = wrong.get(s);
        if (no !== undefined) report(where, 'section-number', { found: s.heading, expected: no });
        else if (!itemNos.has(s.no) || sectionNos.has(s.no)) report(where, 'section-extra', { found: s.heading });
        sectionNos.add(s.no);
      }
    }
  },
});

/** Every item has its `## N.` section. */
export const sectionMissing = archiveRule({
  id: 'section-missing',
  messages: { 'section-missing': 'error' },
  examples: {
    ok: [
      {
        files: {
          [EXAMPLE_PROTOCOL]: protocolWithItem('  - no: 2\n    title: Övriga frågor', '## 2. Övriga frågor\n\nInga övriga frågor.'),
        },
      },
    ],
    notOk: [
      {
        // Item 2 added under items, its section not yet written.
        files: { [EXAMPLE_PROTOCOL]: protocolWithItem('  - no: 2\n    title: Övriga frågor', undefined) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 20, column: 5, key: 'section-missing', data: { no: 2, title: 'Övriga frågor' } }],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      const numbers = itemNumbers(p);
      const headed = new Set(misnumbered(p).values());
      p.data.items.forEach((item, i) => {
        const no = numbers[i]!;
        if (!headed.has(no) && !p.sections.some((s) => s.no === no))
          report(at(p.file, p.positions, `items[${i}]`), 'section-missing', { no, title: item.title });
      });
    }
  },
});

/** A section's heading says the item's title (a warning: wording may differ on purpose). */
export const sectionTitle = archiveRule({
  id: 'section-title',
  messages: { 'section-title': 'warning' },
  examples: {
    ok: [
      // Capitals and spaces may differ.
      { files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['## 1. Gemensam upphandling', '## 1. Gemensam  Upphandling']) } },
    ],
    notOk: [
      {
        // The heading says what was discussed; the item's title says otherwise.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['## 1. Gemensam upphandling', '## 1. Upphandling av larmtjänster']) },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 22,
            column: 1,
            key: 'section-title',
            data: { no: 1, expected: 'Gemensam upphandling', found: 'Upphandling av larmtjänster' },
          },
        ],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      const numbers = itemNumbers(p);
      p.data.items.forEach((item, i) => {
        const section = p.sections.find((s) => s.no === numbers[i]);
        if (section && normalise(section.title) !== normalise(item.title))
          report({ file: p.file, line: section.line, column: section.column, path: `items[${i}].title` }, 'section-title', {
            no: numbers[i]!,
            expected: item.title,
            found: section.title,
          });
      });
    }
  },
});

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}
