import { changed, EXAMPLE_ARCHIVE, EXAMPLE_PROTOCOL, NEXT_PROTOCOL, nextMeeting, protocolWithItem } from '../core/examples.js';
import type { Archive, ProtocolRecord } from '../model/index.js';
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

/** Each network's protocols by year (those filed under their own network), with the year's readability. */
const numberedYears = perArchive((archive: Archive) =>
  [...archive.networks.values()].flatMap((net) => {
    const byYear = new Map<number, ProtocolRecord[]>();
    for (const p of net.protocols) {
      if (p.data.network !== net.id) continue;
      const list = byYear.get(p.year);
      if (list) list.push(p);
      else byYear.set(p.year, [p]);
    }
    return [...byYear].map(([year, list]) => ({ list, numbers: byNumber(list), readable: !net.brokenYears.has(String(year)) }));
  }),
);

/** The first protocol with each number, in number order; the others are duplicates. */
function byNumber(list: readonly ProtocolRecord[]) {
  const sorted = [...list].sort((a, b) => a.data.number - b.data.number || (a.file < b.file ? -1 : 1));
  const used = new Map<number, ProtocolRecord>();
  const duplicates: { p: ProtocolRecord; other: ProtocolRecord }[] = [];
  for (const p of sorted) {
    const other = used.get(p.data.number);
    if (other) duplicates.push({ p, other });
    else used.set(p.data.number, p);
  }
  return { used, duplicates };
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
        report(at(p.file, p.positions, 'number'), 'number-duplicate', { number: p.data.number, other: other.file });
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
        if (previous && !reported.has(previous) && p.data.date > previous.data.date && p.data.number < previous.data.number) {
          report(at(previous.file, previous.positions, 'number'), 'number-order', { number: previous.data.number, other: p.file });
          reported.add(previous);
        }
        if (!previous || p.data.number > previous.data.number) previous = p;
      }
    }
  },
});

/** The file name and folders match network, date and number. */
export const fileName = archiveRule({
  id: 'file-name',
  messages: { 'file-name': 'error' },
  examples: {
    ok: [{ files: { [NEXT_PROTOCOL]: nextMeeting() } }],
    notOk: [
      {
        // Named by its date alone.
        files: { [APRIL_BY_DATE]: nextMeeting() },
        findings: [{ file: APRIL_BY_DATE, line: 4, column: 7, key: 'file-name', data: { expected: NEXT_PROTOCOL, found: APRIL_BY_DATE } }],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
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
  messages: { 'section-extra': 'error' },
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
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      const itemNos = new Set(p.data.items.map((item) => item.no));
      const sectionNos = new Set<number>();
      for (const s of p.sections) {
        if (!itemNos.has(s.no) || sectionNos.has(s.no))
          report({ file: p.file, line: s.line, column: s.column }, 'section-extra', { found: s.heading });
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
    for (const p of archive.protocols)
      p.data.items.forEach((item, i) => {
        if (!p.sections.some((s) => s.no === item.no))
          report(at(p.file, p.positions, `items[${i}]`), 'section-missing', { no: item.no, title: item.title });
      });
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
    for (const p of archive.protocols)
      p.data.items.forEach((item, i) => {
        const section = p.sections.find((s) => s.no === item.no);
        if (section && normalise(section.title) !== normalise(item.title))
          report({ file: p.file, line: section.line, column: section.column, path: `items[${i}].title` }, 'section-title', {
            no: item.no,
            expected: item.title,
            found: section.title,
          });
      });
  },
});

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}
