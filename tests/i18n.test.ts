import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { en } from '../src/i18n/en.js';
import { type ExpectationName, expectationNamed, expect as named } from '../src/i18n/index.js';
import { sv } from '../src/i18n/sv.js';

/**
 * en.ts is typed against sv.ts and the tables by their keys (roles, presence
 * marks, YAML error codes, expectations, …), so the compiler checks that both
 * word the same things. Two tables take their keys from outside, zod's type
 * names and commander's headings; they are records, checked here.
 */
describe('the message catalogue', () => {
  it('has the same keys in Swedish and English in the tables keyed from outside', () => {
    expect(Object.keys(en.types).sort()).toEqual(Object.keys(sv.types).sort());
    expect(Object.keys(en.cli.titles).sort()).toEqual(Object.keys(sv.cli.titles).sort());
  });

  // That every expectation a schema names is worded, the compiler checks: `expect` takes only the catalogue's names.
  it('reads back, through zod, the expectation a schema names, and takes no other message for one', () => {
    const names = Object.keys(sv.expect) as ExpectationName[];
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const issue = z.string({ error: named(name) }).safeParse(1).error?.issues[0];
      expect(expectationNamed(issue?.message ?? ''), name).toBe(name);
      expect(en.expect[name], name).toBeTruthy();
    }
    expect(expectationNamed(z.string().safeParse(1).error?.issues[0]?.message ?? '')).toBeUndefined();
    expect(expectationNamed('expect.nosuch')).toBeUndefined();
    expect(expectationNamed('date')).toBeUndefined();
  });

  it('translates every heading commander prints', () => {
    for (const title of ['Usage:', 'Options:', 'Arguments:', 'Commands:', 'Global Options:']) {
      expect(sv.cli.titles[title]).toBeTruthy();
      expect(en.cli.titles[title]).toBeTruthy();
    }
  });
});
