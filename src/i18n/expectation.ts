import type { ExpectationName } from './index.js';

/** What a schema expected, as data; each catalogue words it. */
export type Expectation = { name: ExpectationName } | { type: string } | { oneOf: string[] } | { min: number } | { max: number };

interface Wording {
  expect: Record<ExpectationName, string>;
  types: Record<string, string>;
  ui: { oneOf: (values: string) => string; atLeast: (n: number) => string; atMost: (n: number) => string };
}

/** Words an expectation with one catalogue's tables and quotes. */
export function wordExpectation(w: Wording, quote: (s: string) => string, e: Expectation): string {
  if ('name' in e) return w.expect[e.name];
  if ('type' in e) return w.types[e.type] ?? e.type;
  if ('oneOf' in e) return w.ui.oneOf(e.oneOf.map(quote).join(', '));
  if ('min' in e) return w.ui.atLeast(e.min);
  return w.ui.atMost(e.max);
}
