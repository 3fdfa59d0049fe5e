import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { sv } from '../src/i18n/sv.js';
import { REPO } from './helpers.js';

/** The parts of the catalogue typed loosely (records) get their completeness checked here. */
describe('the message catalogue', () => {
  it('has the same keys in Swedish and English, in every table', () => {
    for (const table of ['messages', 'expect', 'types', 'yamlCodes'] as const) {
      expect(Object.keys(en[table]).sort()).toEqual(Object.keys(sv[table]).sort());
    }
    expect(Object.keys(en.cli.titles).sort()).toEqual(Object.keys(sv.cli.titles).sort());
    expect(Object.keys(en.cli.errors).sort()).toEqual(Object.keys(sv.cli.errors).sort());
  });

  it('words every expectation the schemas name', async () => {
    const dir = path.join(REPO, 'src', 'schema');
    const names = new Set<string>();
    for (const file of await readdir(dir)) {
      for (const m of (await readFile(path.join(dir, file), 'utf8')).matchAll(/'expect\.([a-z-]+)'/g)) names.add(m[1]!);
    }
    expect(names.size).toBeGreaterThan(10);
    for (const name of names) {
      expect(sv.expect[name], name).toBeTruthy();
      expect(en.expect[name], name).toBeTruthy();
    }
  });

  it('translates every heading commander prints', () => {
    for (const title of ['Usage:', 'Options:', 'Arguments:', 'Commands:', 'Global Options:']) {
      expect(sv.cli.titles[title]).toBeTruthy();
      expect(en.cli.titles[title]).toBeTruthy();
    }
  });
});
