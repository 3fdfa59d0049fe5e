import { afterAll, afterEach } from 'vitest';

/**
 * Every test speaks through the Io it gives kd, never through the real
 * stdout and stderr: what kd prints there lands between the test lines of
 * the run (a finding, a notice) and says nothing about which test it came
 * from. This setup file (vitest.config.ts) catches such a write and fails
 * the test that made it, naming what was written.
 *
 * vitest's console capture is not a write here, nor is the empty write
 * execFileSync makes of a child's empty stderr.
 */
const leaked: string[] = [];
for (const name of ['stdout', 'stderr'] as const) {
  const stream = process[name];
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (text !== '') leaked.push(`${name}: ${text.trimEnd()}`);
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

function check() {
  if (leaked.length === 0) return;
  const said = leaked.splice(0);
  throw new Error(`written to the real stdout or stderr instead of the test's Io:\n${said.join('\n')}`);
}

afterEach(check);
afterAll(check);
