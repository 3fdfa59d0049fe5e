import { readFileSync } from 'node:fs';

/* Light on purpose: main.ts imports this on every start. */

let pkg: { name: string; version: string } | undefined;
/** kd's own package name and version, read once. */
export function kdPackage(): { name: string; version: string } {
  pkg ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return pkg;
}

/** The half-year a date is in, as --half writes it (2026H2): for examples in messages. */
export function halfOf(date: string): string {
  return `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** Today's date where kd runs, as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
