import { createInterface } from 'node:readline/promises';
import { KdError } from '../core/errors.js';
import type { Io } from './io.js';

/** True when a person can be asked: both input and output are a terminal. */
export function interactive(io: Io): boolean {
  return io.stdin?.isTTY === true && io.stdout.isTTY === true;
}

export interface Question {
  text: string;
  /** Taken for an empty answer; a function gets the answers given so far. */
  default?: string | undefined | ((previous: readonly string[]) => string | undefined);
  /** Returns an explanation when the answer is not acceptable. */
  check?: (answer: string) => string | undefined;
}

/**
 * Asks questions one after another on the terminal. An empty answer takes
 * the default; an unacceptable one is explained and asked again. If the
 * input ends, kd stops with a message instead of waiting for ever.
 */
export async function ask(io: Io, questions: Question[]): Promise<string[]> {
  const rl = createInterface({ input: io.stdin as NodeJS.ReadableStream, terminal: false });
  // Lines are queued as they arrive: typed ahead, or piped in all at once,
  // none is lost between two questions.
  const lines: string[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;
  let ended = false;
  rl.on('line', (line) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(line);
    } else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    waiting?.(undefined);
  });
  const next = () =>
    new Promise<string | undefined>((resolve) => {
      if (lines.length > 0) resolve(lines.shift());
      else if (ended) resolve(undefined);
      else waiting = resolve;
    });

  const answers: string[] = [];
  try {
    for (const q of questions) {
      const fallback = typeof q.default === 'function' ? q.default(answers) : q.default;
      for (;;) {
        io.stdout.write(`${q.text}${fallback ? ` [${fallback}]` : ''}: `);
        const line = await next();
        if (line === undefined) throw new KdError('no-input', {});
        let answer = line.trim();
        if (answer === '' && fallback) answer = fallback;
        const problem = q.check?.(answer);
        if (problem === undefined) {
          answers.push(answer);
          break;
        }
        io.stdout.write(`${problem}\n`);
      }
    }
  } finally {
    rl.close();
  }
  return answers;
}
