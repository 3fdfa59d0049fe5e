import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRemark } from '../src/archive/outline.js';
import { checkArchive } from '../src/check/archive.js';
import { processFile } from '../src/model/file.js';
import { archiveWith, MINI, SAMPLE } from './helpers.js';

/**
 * Mutations of valid protocols — lines and characters deleted, duplicated,
 * swapped, replaced — must never crash kd, never hang, and never give a
 * clean result for a file whose front matter cannot be read. `npm test`
 * runs a few hundred cases; `npm run fuzz` runs 10,000.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';

function protocols(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...protocols(p));
    else if (p.endsWith('.md') && p.includes(`${path.sep}protocols${path.sep}`)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}
const BASES = [...protocols(SAMPLE), ...protocols(MINI)];
const CHARS = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  '\t',
  ' ',
  '\n',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  ',',
  '?',
  'å',
  '\u0000',
  '\u00a0',
  '\\',
];

type Op = {
  kind: 'deleteLine' | 'duplicateLine' | 'swapLines' | 'deleteChar' | 'duplicateChar' | 'replaceChar';
  a: number;
  b: number;
  ch: string;
};
const op = fc.record({
  kind: fc.constantFrom<Op['kind']>('deleteLine', 'duplicateLine', 'swapLines', 'deleteChar', 'duplicateChar', 'replaceChar'),
  a: fc.nat(),
  b: fc.nat(),
  ch: fc.constantFrom(...CHARS),
});

function mutate(text: string, ops: Op[]): string {
  let t = text;
  for (const o of ops) {
    if (o.kind.endsWith('Line') || o.kind === 'swapLines') {
      const lines = t.split('\n');
      const i = o.a % lines.length;
      const j = o.b % lines.length;
      if (o.kind === 'deleteLine') lines.splice(i, 1);
      else if (o.kind === 'duplicateLine') lines.splice(i, 0, lines[i]!);
      else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      t = lines.join('\n');
    } else if (t.length > 0) {
      const i = o.a % t.length;
      if (o.kind === 'deleteChar') t = t.slice(0, i) + t.slice(i + 1);
      else if (o.kind === 'duplicateChar') t = t.slice(0, i) + t[i] + t.slice(i);
      else t = t.slice(0, i) + o.ch + t.slice(i + 1);
    }
  }
  return t;
}

// These read protocol text with the sync readers directly; kd's own callers load remark through withRemark.
beforeAll(loadRemark);

describe('fuzzing protocols', () => {
  it(`never crashes, never hangs, never calls an unreadable file clean (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(op, { minLength: 1, maxLength: 6 }), (base, ops) => {
        const text = mutate(BASES[base]!, ops);
        const started = performance.now();
        const record = processFile(P2, 'protocol', Buffer.from(text));
        // A guard against hangs; how fast kd is lives in the benchmark.
        expect(performance.now() - started).toBeLessThan(1000);
        if (record.data === undefined) expect(record.findings.length).toBeGreaterThan(0);
        for (const f of record.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20191118) },
    );
  });

  it('the cross-file rules take any mutated protocol without throwing', async () => {
    const samples = fc.sample(fc.tuple(fc.nat(BASES.length - 1), fc.array(op, { minLength: 1, maxLength: 4 })), {
      numRuns: Math.max(20, Math.floor(RUNS / 15)),
      seed: 7,
    });
    for (const [base, ops] of samples) {
      const root = await archiveWith(MINI, { [P2]: mutate(BASES[base]!, ops) });
      await expect(checkArchive({ cwd: root, env: { KD_CACHE: 'off' } })).resolves.toBeDefined();
    }
  }, 120_000);
});
