import type { Finding } from '../core/finding.js';
import type { ProtocolRecord } from '../model/index.js';
import { findingAt, type Rule } from './context.js';

/** The path DESIGN.md prescribes for a protocol. */
export function protocolPath(network: string, date: string, number: number): string {
  return `networks/${network}/protocols/${date.slice(0, 4)}/${date}-${number}.md`;
}

/** Numbers are unique, without gaps and in date order within a network's year. */
export const numbering: Rule = (archive) => {
  const out: Finding[] = [];
  for (const net of archive.networks.values()) {
    const byYear = new Map<number, ProtocolRecord[]>();
    for (const p of net.protocols) {
      if (p.data.network !== net.id) continue;
      const list = byYear.get(p.year);
      if (list) list.push(p);
      else byYear.set(p.year, [p]);
    }
    for (const [year, list] of byYear) {
      const byNumber = [...list].sort((a, b) => a.data.number - b.data.number || (a.file < b.file ? -1 : 1));
      const used = new Map<number, ProtocolRecord>();
      for (const p of byNumber) {
        const other = used.get(p.data.number);
        if (other)
          out.push(
            findingAt('number-duplicate', p.file, p.positions, 'number', 'number-duplicate', { number: p.data.number, other: other.file }),
          );
        else used.set(p.data.number, p);
      }
      // A year with an unreadable protocol may hold the missing number: do not guess.
      if (!net.brokenYears.has(String(year))) {
        let expected = 1;
        for (const n of [...used.keys()].sort((a, b) => a - b)) {
          if (n !== expected)
            out.push(findingAt('number-gap', used.get(n)!.file, used.get(n)!.positions, 'number', 'number-gap', { expected, found: n }));
          expected = n + 1;
        }
      }
      // net.protocols is in date order; a number lower than an earlier meeting's is out of order.
      // Reported once, on the protocol whose number runs ahead of its date.
      let previous: ProtocolRecord | undefined;
      const reported = new Set<ProtocolRecord>();
      for (const p of list) {
        if (previous && !reported.has(previous) && p.data.date > previous.data.date && p.data.number < previous.data.number) {
          out.push(
            findingAt('number-order', previous.file, previous.positions, 'number', 'number-order', {
              number: previous.data.number,
              other: p.file,
            }),
          );
          reported.add(previous);
        }
        if (!previous || p.data.number > previous.data.number) previous = p;
      }
    }
  }
  return out;
};

/** The file name and folders match network, date and number. */
export const fileName: Rule = (archive) =>
  archive.protocols.flatMap((p) => {
    const expected = protocolPath(p.folder, p.data.date, p.data.number);
    return expected === p.file ? [] : [findingAt('file-name', p.file, p.positions, 'date', 'file-name', { expected, found: p.file })];
  });

/** Items are numbered 1..n, and every item has its `## N.` section and every section an item. */
export const items: Rule = (archive) => {
  const out: Finding[] = [];
  for (const p of archive.protocols) {
    p.data.items.forEach((item, i) => {
      if (item.no !== i + 1)
        out.push(findingAt('item-numbering', p.file, p.positions, `items[${i}].no`, 'item-numbering', { expected: i + 1, found: item.no }));
    });
    const itemNos = new Set(p.data.items.map((item) => item.no));
    const sectionNos = new Set<number>();
    for (const s of p.sections) {
      if (!itemNos.has(s.no) || sectionNos.has(s.no)) {
        out.push({
          rule: 'section-extra',
          severity: 'error',
          file: p.file,
          line: s.line,
          column: s.column,
          message: { key: 'section-extra', data: { found: s.heading } },
        });
      }
      sectionNos.add(s.no);
    }
    p.data.items.forEach((item, i) => {
      const section = p.sections.find((s) => s.no === item.no);
      if (!section) {
        out.push(findingAt('section-missing', p.file, p.positions, `items[${i}]`, 'section-missing', { no: item.no, title: item.title }));
      } else if (normalise(section.title) !== normalise(item.title)) {
        out.push({
          rule: 'section-title',
          severity: 'warning',
          file: p.file,
          line: section.line,
          column: section.column,
          path: `items[${i}].title`,
          message: { key: 'section-title', data: { no: item.no, expected: item.title, found: section.title } },
        });
      }
    });
  }
  return out;
};

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}
