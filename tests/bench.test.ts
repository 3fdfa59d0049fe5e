import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the generator is plain JavaScript, outside the typed sources
import { generate } from '../bench/generate.js';
import { run } from './helpers.js';

/** The benchmark is not a test; its generator is: what it writes must check clean. */
describe('the benchmark generator', () => {
  it('writes 200 protocols over 20 networks that pass kd check', async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'kd-bench-')), 'archive');
    const info = generate({ out, protocols: 200, seed: 7 });
    expect(info).toMatchObject({ protocols: 200, networks: 20 });
    const result = await run(['check', '--format', 'json'], { cwd: out, env: { KD_CACHE: 'off' } });
    expect(JSON.parse(result.stdout).findings).toEqual([]);
    expect(result.code).toBe(0);
  });
});
