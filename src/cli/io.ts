import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';

export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** What a command needs from the process; tests pass their own. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  /** Answers to prompts; only asked when this and stdout are terminals. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Colour only on a terminal, and never when NO_COLOR is set or --no-color is given. */
export function chalkFor(stream: Output, env: Io['env'], wanted: boolean): ChalkInstance {
  const on = wanted && stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}

/** Shows an archive-relative path relative to where kd was run, with forward slashes. */
export function displayPath(root: string, cwd: string) {
  return (file: string) => {
    const rel = path.relative(cwd, path.join(root, ...file.split('/')));
    return rel.split(path.sep).join('/');
  };
}
