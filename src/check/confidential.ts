import { changed, EXAMPLE_PROTOCOL } from '../core/examples.js';
import { archiveRule, at } from './context.js';

/** The example protocol with its item confidential and a correction appended; `correction` is the entry's fields. */
const correctedSecret = (correction: string) =>
  changed(
    EXAMPLE_PROTOCOL,
    ['    title: Gemensam upphandling\n', '    title: Gemensam upphandling\n    confidential: { reason: 19 kap. 3 § OSL }\n'],
    ['---\n\n## 1.', `corrections:\n  - { ${correction} }\n---\n\n## 1.`],
  );

/** "punkt 3", "punkterna 2–3", "§ 3", "item 3": the item numbers a correction's text names. */
const NAMED_ITEMS = /(?:\bpunkt(?:erna|en)?|§|\bitems?)\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?/giu;

function namedItems(what: string): number[] {
  const out: number[] = [];
  for (const m of what.matchAll(NAMED_ITEMS)) {
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Math.min(Number(m[2]), from + 100) : from;
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
}

/**
 * A correction (rättelse) of a confidential item repeats what is secret in
 * the one place the public rendering still prints in full, so it is to be
 * marked confidential as the item is. Only the correction's own words say
 * which item it corrects, so this is a warning, at the correction.
 */
export const confidentialRule = archiveRule({
  id: 'confidential',
  messages: { 'confidential.correction': 'warning' },
  examples: {
    ok: [
      {
        files: {
          [EXAMPLE_PROTOCOL]: correctedSecret(
            'date: 2024-02-20, by: sara-sund, what: "Punkt 1: avtalet gäller larm.", confidential: { reason: 19 kap. 3 § OSL }',
          ),
        },
      },
    ],
    notOk: [
      {
        // Corrects the confidential item 1 in words the public version would print.
        files: { [EXAMPLE_PROTOCOL]: correctedSecret('date: 2024-02-20, by: sara-sund, what: "Punkt 1: avtalet gäller larm."') },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 22, column: 46, key: 'confidential.correction', data: { item: 1 } }],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      const secret = new Set(p.data.items.filter((i) => i.confidential !== undefined).map((i) => i.no));
      if (secret.size === 0) continue;
      p.data.corrections?.forEach((c, i) => {
        if (c.confidential !== undefined) return;
        const item = namedItems(c.what).find((n) => secret.has(n));
        if (item !== undefined) report(at(p.file, p.positions, `corrections[${i}].what`), 'confidential.correction', { item });
      });
    }
  },
});
