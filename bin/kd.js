#!/usr/bin/env node
// Starts the compiled CLI; everything else lives in src/cli.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  // Lazy: touching process.stdin opens it, which only prompts need.
  get stdin() {
    return process.stdin;
  },
});
