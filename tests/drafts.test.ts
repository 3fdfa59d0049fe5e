import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { run, SAMPLE } from './helpers.js';

/**
 * A director must never take home a decision from a protocol not yet
 * approved without seeing that it is one. In the sample, each network's last
 * meeting of 2019 (kd-gruppen 8/2019, digital 6/2019, kompetens 6/2019) is
 * still `utkast`: five decisions, no assignment.
 */
const MARK = '(ej justerat)';
const LEGEND = '”Ej justerat”: protokollet är ännu inte justerat, och det som står i det kan ändras vid justeringen.';
const DRAFT_DECISIONS = [
  'digital 6/2019 §2:1',
  'kompetens 6/2019 §1:1',
  'kompetens 6/2019 §2:1',
  'kd-gruppen 8/2019 §1:1',
  'kd-gruppen 8/2019 §2:1',
];

const kd = async (...args: string[]) => {
  const out = await run([...args, '--archive', SAMPLE]);
  expect(out.code).toBe(0);
  return out.stdout;
};
/** The ids of the table rows that carry the mark. */
const marked = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.includes(MARK))
    .map((l) => /(?:kd-gruppen|digital|kompetens) \d+\/2019 §\d+:\d+/.exec(l)?.[0] ?? /\d+\/2019/.exec(l)?.[0]);

describe('decisions from protocols not yet approved are marked in every output', () => {
  it('the digest Hässleholm takes home: five of its seventeen decisions, with the legend once', async () => {
    const md = await kd('digest', '--municipality', 'Hässleholm', '--half', '2019H2');
    const decisions = md.slice(md.indexOf('## Beslut att förankra'), md.indexOf('## Uppdrag till kommunens'));
    expect(marked(decisions).sort()).toEqual([...DRAFT_DECISIONS].sort());
    // And the three meetings whose protocols are drafts, in what the networks dealt with.
    expect(marked(md.slice(0, md.indexOf('## Beslut att förankra')))).toEqual(['8/2019', '6/2019', '6/2019']);
    expect(decisions.split('\n').filter((l) => /^\| .*§\d+:\d+/.test(l))).toHaveLength(17);
    expect(md.split(LEGEND)).toHaveLength(2);
  });

  it('the half-year report: the meetings in their table and their headings, the decisions under their items, with the legend', async () => {
    const md = await kd('report', '--half', '2019H2');
    expect(marked(md)).toEqual(['8/2019', '8/2019', '6/2019', '6/2019', '6/2019', '6/2019']);
    const decisions = md.split('\n').filter((l) => l.includes(', ej justerat)'));
    expect(decisions.map((l) => /\(([^,]+),/.exec(l.slice(l.lastIndexOf('(')))?.[1]).sort()).toEqual([...DRAFT_DECISIONS].sort());
    // Once under each network's meeting table.
    expect(md.split(LEGEND)).toHaveLength(1 + 3);
    const json = JSON.parse(await kd('report', '--half', '2019H2', '--format', 'json')) as {
      networks: { decisions: { id: string; draft: boolean }[]; assignments: { draft: boolean }[] }[];
    };
    const drafts = json.networks.flatMap((n) => n.decisions.filter((d) => d.draft).map((d) => d.id));
    expect(drafts.sort()).toEqual([...DRAFT_DECISIONS].sort());
    expect(json.networks.flatMap((n) => n.assignments).filter((a) => a.draft)).toEqual([]);
  });

  it('kd decisions in text, json and csv, and the registers kd index writes', async () => {
    const text = await kd('decisions', '--half', '2019H2');
    expect(marked(text).sort()).toEqual([...DRAFT_DECISIONS].sort());
    expect(text.split('\n')[1]).toBe(LEGEND);
    const json = JSON.parse(await kd('decisions', '--format', 'json')) as { id: string; draft: boolean }[];
    expect(
      json
        .filter((d) => d.draft)
        .map((d) => d.id)
        .sort(),
    ).toEqual([...DRAFT_DECISIONS].sort());
    expect(json.filter((d) => !d.draft)).toHaveLength(44);
    // In CSV the date stays a date; the protocol's status has a column of its own.
    const rows: string[][] = parse(await kd('decisions', '--format', 'csv'), { delimiter: ';', bom: true });
    expect(rows[0]!.at(-1)).toBe('Protokoll');
    expect(rows.filter((r) => r.at(-1) === 'utkast').map((r) => [r[0], r[1]])).toContainEqual(['kd-gruppen 8/2019 §1:1', '2019-12-13']);
    expect(rows.filter((r) => r.at(-1) === 'utkast')).toHaveLength(5);
    const register = await readFile(path.join(SAMPLE, 'index', 'kd-gruppen', 'decisions.md'), 'utf8');
    expect(marked(register)).toEqual(['kd-gruppen 8/2019 §1:1', 'kd-gruppen 8/2019 §2:1']);
    expect(register).toContain(LEGEND);
  });

  it('the introduction for a new member, and the same in English', async () => {
    const intro = await kd('intro', '--network', 'kd-gruppen');
    expect(marked(intro)).toEqual(['kd-gruppen 8/2019 §1:1', 'kd-gruppen 8/2019 §2:1']);
    expect(intro).toContain(LEGEND);
    const en = await kd('decisions', '--half', '2019H2', '--lang', 'en');
    expect(en.split('\n').filter((l) => l.includes('(not approved)'))).toHaveLength(5);
    expect(en).toContain('"Not approved": the protocol is not yet approved, and what it says may change when it is.');
  });
});
