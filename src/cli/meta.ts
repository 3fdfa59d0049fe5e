import { readFileSync } from 'node:fs';

/* Light on purpose: main.ts imports this on every start. */

let pkg: { name: string; version: string } | undefined;
/** kd's own package name and version, read once. */
export function kdPackage(): { name: string; version: string } {
  pkg ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return pkg;
}

/** Today's date where kd runs, as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
