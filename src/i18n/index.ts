import { en } from './en.js';
import { sv } from './sv.js';

export type { Expectation } from './expectation.js';

export type Catalogue = typeof sv;
export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];

type Messages = Catalogue['messages'];
export type MessageKey = keyof Messages;
export type MessageData<K extends MessageKey> = Parameters<Messages[K]>[0] extends undefined
  ? Record<string, never>
  : Parameters<Messages[K]>[0];

const catalogues: Record<Lang, Catalogue> = { sv, en };

export function catalogue(lang: Lang): Catalogue {
  return catalogues[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}

/** Words one finding's message in the given language. */
export function formatMessage(lang: Lang, msg: { key: MessageKey; data: unknown }): string {
  const fn = catalogues[lang].messages[msg.key] as (d: unknown) => string;
  return fn(msg.data ?? {});
}
