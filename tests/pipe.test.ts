import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error -- the generator is plain JavaScript, outside the typed sources
import { generate } from '../bench/generate.js';
import { made, REPO } from './helpers.js';

/** kd in a pipeline whose reader stops early (`kd decisions | head -1`): kd ends with its own exit code and says nothing. */
it('a reader that closes the pipe ends kd quietly, with its exit code and no stack trace', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'kd-pipe-'));
  made.push(out);
  generate({ out, protocols: 300, seed: 3 });
  const { CI: _, ...env } = process.env;
  const result = await new Promise<{ code: number | null; stderr: string; read: number }>((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'kd.js'), 'decisions', '--archive', out], {
      env: { ...env, KD_CACHE: 'off', NO_COLOR: '1' },
    });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Like `head -c 100`: take a little, then close the pipe while kd is still writing (its output is far larger than a pipe holds).
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
  expect(result.read).toBeGreaterThan(0);
  expect(result).toMatchObject({ code: 0, stderr: '' });
}, 60_000);
