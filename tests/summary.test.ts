import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX_CHARS, summaries as summariesOf } from '../src/archive/summary.js';
import { archiveWith, MINI, replace, run, SAMPLE } from './helpers.js';

/** What each item was about: the first paragraph of its section, or the item's own summary:. */
const section = (no: number, line: number) => ({ no, title: `Punkt ${no}`, heading: `## ${no}. Punkt ${no}`, line, column: 1 });
const summaries = (body: string, ...lines: number[]) => {
  const found = summariesOf(
    lines.map((l, i) => section(i + 1, l)),
    body,
    1,
  );
  return lines.map((_, i) => found.get(i + 1));
};

describe("an item's summary from the protocol's text", () => {
  it('is the first paragraph under the heading, its Markdown reduced to words', () => {
    const body =
      '## 1. Punkt 1\n\nSekretariatet **redogjorde** för [läget](https://example.org) och `budgeten`.\nGruppen diskuterade.\n\nAndra stycket.\n';
    expect(summaries(body, 1)).toEqual(['Sekretariatet redogjorde för läget och budgeten. Gruppen diskuterade.']);
  });

  it('reads a list as one sentence, and a quote as its text', () => {
    expect(summaries('## 1. Punkt 1\n- Osby\n- Perstorp\n1. Älmhult\n', 1)).toEqual(['Osby; Perstorp; Älmhult']);
    expect(summaries('## 1. Punkt 1\n\n> Vi ställer oss bakom förslaget.\n', 1)).toEqual(['Vi ställer oss bakom förslaget.']);
  });

  it('is none when the section has no text before the next heading or a code block', () => {
    expect(summaries('## 1. Punkt 1\n\n## 2. Punkt 2\n```\nkod\n```\n', 1, 3)).toEqual([undefined, undefined]);
  });

  it(`is cut at ${SUMMARY_MAX_CHARS} characters, and a line of any length costs no more than that`, () => {
    const [long] = summaries(`## 1. Punkt 1\n${'ord '.repeat(500)}\n`, 1);
    expect(long).toHaveLength(SUMMARY_MAX_CHARS);
    expect(long!.endsWith('…')).toBe(true);
    const started = performance.now();
    summaries(`## 1. Punkt 1\n${'['.repeat(500_000)}\n`, 1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('every item in the report and the digest, with what it was about and its decisions under it', () => {
  it('on the sample: all 2019H2 items, those without a decision too, each with its summary', async () => {
    const json = JSON.parse((await run(['report', '--half', '2019H2', '--format', 'json', '--archive', SAMPLE])).stdout) as {
      networks: { meetings: { id: string; items: { no: number; title: string; summary?: string; decisions: unknown[] }[] }[] }[];
    };
    const items = json.networks.flatMap((n) => n.meetings.flatMap((m) => m.items));
    expect(items).toHaveLength(21);
    expect(items.filter((i) => i.summary === undefined)).toEqual([]);
    expect(items.filter((i) => i.decisions.length === 0).map((i) => i.title)).toContain('Välkommen till Malin Berggren');
    const md = (await run(['report', '--half', '2019H2', '--archive', SAMPLE])).stdout;
    expect(md.split('\n').filter((l) => /^- \*\*\d+\. /.test(l))).toHaveLength(21);
    expect(md).toContain(
      '- **1. Välkommen till Malin Berggren.** Malin Berggren är sedan augusti kommundirektör i Osby och hälsades välkommen till gruppen.\n',
    );
    const digest = (await run(['digest', '--municipality', 'Hässleholm', '--half', '2019H2', '--archive', SAMPLE])).stdout;
    const content = digest.slice(digest.indexOf('## Vad nätverken behandlade'), digest.indexOf('## Beslut att förankra'));
    expect(content.split('\n').filter((l) => /^- \*\*\d+\. /.test(l))).toHaveLength(21);
    expect(content).toContain('  - Beslut: att godkänna halvårssammanställningen. (kd-gruppen 8/2019 §1:1, ej justerat)\n');
  });

  it('summary: on the item wins over the first paragraph', async () => {
    const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';
    const root = await archiveWith(MINI, {
      [P1]: replace('    title: Budget\n', '    title: Budget\n    summary: Budgeten för 2019 behandlades.\n'),
    });
    const md = (await run(['report', '--half', '2019H1'], { cwd: root })).stdout;
    expect(md).toContain('- **1. Budget.** Budgeten för 2019 behandlades.\n');
    expect(md).toContain('- **1. Budget.** Budgeten presenterades.\n');
  });
});
