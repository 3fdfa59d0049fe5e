import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { allRules } from '../src/check/rules.js';
import { explainRule, rulesMarkdown, rulesTable } from '../src/render/rules.js';
import { REPO, run } from './helpers.js';

const START = '<!-- kd rules: start (npm run docs skriver tabellen) -->';
const END = '<!-- kd rules: end -->';

it("the README's rule table is the one the rule definitions give (npm run docs writes it)", async () => {
  const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END));
  expect(section).toBe(`\n\n${rulesMarkdown(allRules, 'sv')}\n`);
  // Every rule is in it, one row each.
  for (const rule of allRules) expect(section.split('\n').filter((l) => l.startsWith(`| \`${rule.id}\``))).toHaveLength(1);
});

it('kd rules lists every rule with its severities and title, in either language', () => {
  const sv = rulesTable(allRules, 'sv');
  expect(sv.columns.map((c) => c.title)).toEqual(['regel', 'allvarlighet', 'kontrollerar']);
  expect(sv.rows).toHaveLength(allRules.length);
  expect(sv.rows.find((r) => r[0] === 'not-on-roster')).toEqual(['not-on-roster', 'varning', 'Förhinder från icke-medlem']);
  expect(sv.rows.find((r) => r[0] === 'file')).toEqual(['file', 'fel, varning', 'Filerna går att läsa']);
  expect(rulesTable(allRules, 'en').rows.find((r) => r[0] === 'substitute')).toEqual(['substitute', 'error', 'Substitutes']);
});

it('kd explain shows what a rule checks, its messages and its failing example with what kd check says of it', () => {
  const rule = allRules.find((r) => r.id === 'substitute')!;
  const sv = explainRule(rule, 'sv');
  expect(sv.split('\n')[0]).toBe('# substitute: Ersättare');
  expect(sv).toContain('## Exempel som ger anmärkning');
  expect(sv).toContain('networks/ledning/protocols/2024/2024-02-08-1.md:13:44 fel: ');
  expect(sv).toContain('  substitutes: [{ for: bertil-bok, person: erik-ek }]');
  const en = explainRule(rule, 'en');
  expect(en).toContain('## Example that gives a finding');
  expect(en).toContain('- `substitute.personal` (error)');
});

it('kd rules and kd explain answer from the command line, and an unknown rule gets a suggestion and exit 2', async () => {
  const list = await run(['rules', '--format', 'md']);
  expect(list.code).toBe(0);
  expect(list.stdout).toBe(rulesMarkdown(allRules, 'sv'));
  const en = await run(['explain', 'substitute'], { env: { KD_LANG: 'en' } });
  expect(en.code).toBe(0);
  expect(en.stdout.split('\n')[0]).toBe('# substitute: Substitutes');
  const wrong = await run(['explain', 'roster-unacounted']);
  expect(wrong).toMatchObject({ code: 2, stdout: '' });
  expect(wrong.stderr).toBe('kd: Okänd regel ”roster-unacounted”; menade du roster-unaccounted? Se kd rules.\n');
});
