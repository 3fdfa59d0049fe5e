import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the generator is plain JavaScript, outside the typed sources
import { generate } from '../bench/generate.js';
import { archiveWith, filesUnder, made, REPO, run, SAMPLE } from './helpers.js';

/**
 * The registers `kd index` writes, held to the bytes: the sample's are
 * committed in archive/index; a generated archive's are kept as hashes,
 * being megabytes (tests/fixtures/expected/index-300.sha256, first written
 * by the build before kd wrote tables itself; KD_UPDATE_GOLDEN=1 writes it
 * anew, then read the diff before committing).
 */

const GOLDEN = path.join(REPO, 'tests', 'fixtures', 'expected', 'index-300.sha256');

/** Every register under `root`/index, path → text. */
async function registers(root: string): Promise<Map<string, string>> {
  const dir = path.join(root, 'index');
  const files = new Map<string, string>();
  for (const rel of await filesUnder(dir)) files.set(rel, await readFile(path.join(dir, rel), 'utf8'));
  return files;
}

async function index(root: string): Promise<Map<string, string>> {
  await rm(path.join(root, 'index'), { recursive: true, force: true });
  const out = await run(['index'], { cwd: root });
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return registers(root);
}

describe('kd index writes the registers it always wrote', () => {
  it('on the sample archive: the committed registers', async () => {
    const want = await registers(SAMPLE);
    const got = await index(await archiveWith(SAMPLE));
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [file, text] of want) expect(got.get(file), file).toBe(text);
  });

  it('on a generated archive of 300 protocols: the same hashes', async () => {
    const root = path.join(await mkdtemp(path.join(os.tmpdir(), 'kd-index-')), 'archive');
    made.push(path.dirname(root));
    generate({ out: root, protocols: 300, seed: 1 });
    const got = [...(await index(root))].map(([file, text]) => `${createHash('sha256').update(text).digest('hex')}  ${file}\n`).join('');
    if (process.env.KD_UPDATE_GOLDEN === '1') await writeFile(GOLDEN, got);
    expect(got).toBe(await readFile(GOLDEN, 'utf8'));
  });
});
