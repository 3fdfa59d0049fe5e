#!/usr/bin/env node
// Starts the bundled CLI (scripts/bundle.mjs); everything else lives in src/cli.
import { main } from '../dist/kd/main.js';

/**
 * A standard stream whose reader may go away (`kd report | head`): once the
 * pipe is closed, what kd still writes is dropped, so kd ends with its own
 * exit code and no stack trace, as a command in a pipeline should.
 */
function pipe(stream) {
  let closed = false;
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    get isTTY() {
      return stream.isTTY;
    },
    write: (chunk) => (closed ? true : stream.write(chunk)),
  };
}

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: pipe(process.stdout),
  stderr: pipe(process.stderr),
  // Lazy: touching process.stdin opens it, which only prompts need.
  get stdin() {
    return process.stdin;
  },
});
