import { en } from './en.js';
import { sv } from './sv.js';

export type { Expectation } from './expectation.js';

export type Catalogue = typeof sv;
/** The languages kd speaks, each with a catalogue; kd.yml's `locale` takes one of them. */
export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The expectations the catalogue words (`date`, `time-range`, …): what a schema's custom error may name. */
export type ExpectationName = keyof Catalogue['expect'];

const EXPECT = 'expect.';

/**
 * The zod error message that names an expectation, for a schema's `error`
 * option: `z.string({ error: expect('date') })`. A name the catalogue does
 * not word does not compile.
 */
export function expect(name: ExpectationName): `expect.${ExpectationName}` {
  return `${EXPECT}${name}`;
}

function isExpectationName(name: string): name is ExpectationName {
  return Object.hasOwn(sv.expect, name);
}

/** The expectation a zod issue's message names, when a schema made it with `expect`; otherwise (zod's own wording) undefined. */
export function expectationNamed(message: string): ExpectationName | undefined {
  const name = message.startsWith(EXPECT) ? message.slice(EXPECT.length) : undefined;
  return name !== undefined && isExpectationName(name) ? name : undefined;
}

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

/**
 * A finding's key path as the secretary reads it: list positions counted
 * from 1 and named (`items[2].decisions[0].owner` → "punkt 3, beslut 1,
 * owner"); the keys themselves stay as they are written in the file.
 */
export function readablePath(lang: Lang, path: string): string {
  const ui = catalogues[lang].ui;
  return path
    .split('.')
    .map((segment) => {
      const m = /^([^[]*)((?:\[\d+\])+)$/.exec(segment);
      if (!m) return segment;
      const [key, ...more] = [...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) + 1);
      const name = m[1]!;
      const first = Object.hasOwn(ui.entry, name)
        ? `${ui.entry[name]} ${key}`
        : name === ''
          ? String(key)
          : ui.entryOf({ key: name, n: key! });
      return [first, ...more].join(' ');
    })
    .join(', ');
}

/** Words one finding's message in the given language. */
export function formatMessage(lang: Lang, msg: { key: MessageKey; data: unknown }): string {
  const fn = catalogues[lang].messages[msg.key] as (d: unknown) => string;
  return fn(msg.data ?? {});
}
