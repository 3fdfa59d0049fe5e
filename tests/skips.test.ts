import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from './helpers.js';

/**
 * A test skipped because something is missing on this machine (the seed
 * protocols, Chromium) says so: in its title, which a verbose reporter and
 * a JUnit file show, and with a line in the run's output, which every
 * reporter shows. A bare `skipIf` is only a number in the summary.
 */
it('every skipIf names its reason in the title ("skipped: …") and warns in the run', async () => {
  const dir = path.join(REPO, 'tests');
  const silent: string[] = [];
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.test.ts')).sort()) {
    const text = await readFile(path.join(dir, name), 'utf8');
    for (const m of text.matchAll(/\b(?:describe|it|test)\.skipIf\(/g)) {
      // The title follows the condition: the call's first line or two.
      const call = text.slice(m.index, m.index + 300);
      if (!call.includes('skipped: ') || !text.includes('console.warn(')) silent.push(`${name}: ${call.split('\n')[0]}`);
    }
  }
  expect(silent).toEqual([]);
});
