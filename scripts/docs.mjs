#!/usr/bin/env node
// Writes the README's rule table from the rule definitions (run after `npm run build`):
// `npm run docs`. tests/docs.test.ts fails when the README and the rules disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { allRules } from '../dist/check/rules.js';
import { rulesMarkdown } from '../dist/render/rules.js';

export const START = '<!-- kd rules: start (npm run docs skriver tabellen) -->';
export const END = '<!-- kd rules: end -->';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a === -1 || b < a) {
  console.error(`README.md has no ${START} … ${END} section`);
  process.exit(2);
}
const next = `${readme.slice(0, a + START.length)}\n\n${rulesMarkdown(allRules, 'sv')}\n${readme.slice(b)}`;
if (next !== readme) writeFileSync(file, next);
