import * as z from 'zod';
import { type ExpectationName, expect } from '../i18n/index.js';

/**
 * Building blocks shared by the file schemas. Every custom error names an
 * expectation of the message catalogue (`expect('date')`, checked by the
 * compiler), so that a finding can say in Swedish or English what was expected.
 */

/*
 * zod checks objects by the rules as written, not by code it writes for each
 * shape with `new Function`: measured with kd's schemas, compiling saved
 * nothing at 10,000 protocols and cost a small archive's check 2 % of its run.
 * No code is made from a schema, either.
 */
z.config({ jitless: true });

export const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const TIME_RANGE_RE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;
export const ITEM_RANGE_RE = /^\d+(?:-\d+)?(?:,\s*\d+(?:-\d+)?)*$/;
export const DECISION_REF_RE = /^([a-z0-9]+(?:-[a-z0-9]+)*) (\d+)\/(\d{4}) §(\d+):(\d+)$/;

/** Canonical form of a decision id, so `kd-gruppen 01/2019 §2:1` and `kd-gruppen 1/2019 §2:1` are one. */
export function normaliseRef(ref: string): string {
  const m = DECISION_REF_RE.exec(ref.trim());
  return m ? `${m[1]} ${Number(m[2])}/${m[3]} §${Number(m[4])}:${Number(m[5])}` : ref.trim();
}

export function isRealDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Minutes since midnight of `HH:MM`. */
export function minutes(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * Characters no value may hold, however the YAML wrote them (raw control
 * bytes are refused by the loader; these arrive as escapes such as `"\e"`,
 * `"\0"`, `"\uFFFE"` or `"\u202E"`, or raw above ASCII):
 * - C0 and C1 control characters and DEL, except tab and line feed in
 *   multi-line text, and CR only as part of a CRLF line end;
 * - noncharacters: U+FDD0–U+FDEF and the last two code points of every
 *   plane (U+FFFE, U+FFFF, U+1FFFE, …), which XML 1.0 partly forbids;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069), which make text display in another order than it reads;
 * - lone surrogates, which are no character at all.
 */
export type ForbiddenKind = 'control' | 'cr' | 'noncharacter' | 'bidi' | 'surrogate';

const PLANE_ENDS = Array.from(
  { length: 17 },
  (_, p) => `\\u{${(p * 0x10000 + 0xfffe).toString(16)}}\\u{${(p * 0x10000 + 0xffff).toString(16)}}`,
).join('');
/** Everything refused except tab, line feed and CR, which depend on the kind of value. */
const ALWAYS = `\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\ufdd0-\\ufdef\\ud800-\\udfff${PLANE_ENDS}`;
/** In multi-line text: CR only before LF. (`u` mode: a surrogate pair is one code point, so the surrogate range matches only lone halves.) */
const FORBIDDEN_MULTILINE = new RegExp(`[${ALWAYS}]|\\r(?!\\n)`, 'u');
const FORBIDDEN_LINE = new RegExp(`[${ALWAYS}\\t\\n\\r]`, 'u');
/** What never reaches a terminal or a one-line output: every forbidden character, tab and line ends included. */
const UNSAFE_G = new RegExp(`[${ALWAYS}\\t\\n\\r]`, 'gu');
/** As above but tab and line ends kept: for outputs that encode them their own way (JSON, GitHub workflow commands). */
const UNSAFE_BUT_WHITESPACE_G = new RegExp(`[${ALWAYS}]`, 'gu');

export interface ForbiddenChar {
  /** Index in UTF-16 code units. */
  index: number;
  /** `U+001B`, as the catalogue names a character. */
  code: string;
  kind: ForbiddenKind;
}

/** `U+XXXX` of a code point (at least four hex digits). */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function kindOf(cp: number): ForbiddenKind {
  if (cp === 0x0d) return 'cr';
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'surrogate';
  return 'noncharacter';
}

/** The first character a value may not hold; `multiline` allows tab, line feed and CRLF. */
export function forbiddenChar(value: string, multiline: boolean): ForbiddenChar | undefined {
  const m = (multiline ? FORBIDDEN_MULTILINE : FORBIDDEN_LINE).exec(value);
  if (!m) return undefined;
  const cp = m[0].codePointAt(0)!;
  return { index: m.index, code: codePointName(cp), kind: kindOf(cp) };
}

function escapeChar(ch: string): string {
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  const cp = ch.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/**
 * Text from the archive made safe to show: every forbidden character, and
 * tab and line ends, written as a visible escape (`\u001b`, `\n`), so no
 * escape code reaches a terminal and no value can fake a line of output.
 * With `keepWhitespace`, tab, line feed and CR stay, for an output that
 * encodes them itself (GitHub's `%0A`).
 */
export function visible(s: string, keepWhitespace = false): string {
  return s.replace(keepWhitespace ? UNSAFE_BUT_WHITESPACE_G : UNSAFE_G, escapeChar);
}

/** Text with every forbidden character, tab and line end removed: for formats that cannot show an escape (an iCalendar content line). */
export function withoutUnsafe(s: string): string {
  return s.replace(UNSAFE_G, '');
}

/**
 * JSON text with every forbidden character written as a `\uXXXX` escape
 * (astral ones as their surrogate pair), so it parses back to the same data.
 * JSON.stringify already escapes C0 and lone surrogates; this adds DEL, C1,
 * bidirectional controls and noncharacters, which it prints raw. Only for
 * JSON text: such characters can stand only inside its strings.
 */
export function jsonVisible(json: string): string {
  return json.replace(UNSAFE_BUT_WHITESPACE_G, (ch) => {
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

/**
 * A zod check refusing forbidden characters. It aborts the value's other
 * checks, so the finding names the character instead of a format it spoils.
 * validate.ts words it from the `control` parameters.
 */
function clean(multiline: boolean) {
  return (ctx: z.core.ParsePayload<string>) => {
    const found = forbiddenChar(ctx.value, multiline);
    if (!found) return;
    ctx.issues.push({
      code: 'custom',
      message: expect('control'),
      input: ctx.value,
      params: { control: { code: found.code, kind: found.kind } },
      continue: false,
    });
  };
}

/**
 * A one-line string of the form `re`. Forbidden characters are refused
 * first; any other value not of the form is named as `name` expects it.
 * With `abort`, checks chained after this one do not run on such a value.
 */
function pattern(name: ExpectationName, re: RegExp, abort = false) {
  const error = expect(name);
  return z.string({ error }).check(clean(false)).regex(re, { error, abort });
}

export const id = pattern('id', ID_RE);

/** Free text: may span lines (tab and line feed allowed), never holds a control character. */
export const text = z
  .string({ error: expect('text') })
  .check(clean(true))
  .trim()
  .min(1, { error: expect('text') });

/** A date: YYYY-MM-DD, and a day the calendar has (2026-02-30 is written right but does not exist, and is said so). */
export const date = pattern('date', DATE_RE, true).refine((v) => !DATE_RE.test(v) || isRealDate(v), { error: expect('real-date') });

export const time = pattern('time', TIME_RE);

export const timeRange = pattern('time-range', TIME_RANGE_RE, true).refine(
  (v) => {
    // Also guarded here: a refinement must never throw on input the regex refused.
    const m = TIME_RANGE_RE.exec(v);
    return !m || Number(m[1]) * 60 + Number(m[2]) < Number(m[3]) * 60 + Number(m[4]);
  },
  { error: expect('time-range-order') },
);

export const itemRange = z.union(
  [z.int({ error: expect('item-range') }).positive({ error: expect('item-range') }), pattern('item-range', ITEM_RANGE_RE)],
  { error: expect('item-range') },
);

export const decisionRef = pattern('decision-ref', DECISION_REF_RE);

/**
 * Whether a text is a web address kd can put in front of a page's path: an
 * absolute http(s) address, written without spaces, with no login in it (it
 * would be published in every calendar file) and no query or fragment (a
 * path after them would not be a path).
 */
export function isSiteUrl(value: string): boolean {
  if (/[\s?#]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
}

/** The address an archive's pages are published at (`site_url` in kd.yml, `--base-url`). */
export const siteUrl = z
  .string({ error: expect('site-url') })
  .check(clean(false))
  .refine(isSiteUrl, { error: expect('site-url') });

export const positiveInt = z.int({ error: expect('positive-int') }).positive({ error: expect('positive-int') });

/** Parses an item range (`"1-4"`, `"2,5-6"`, `3`) into item numbers, in order. */
export function expandItemRange(range: number | string): number[] {
  if (typeof range === 'number') return [range];
  const out: number[] = [];
  for (const part of range.split(',')) {
    const [a, b] = part.trim().split('-').map(Number) as [number, number | undefined];
    const end = b ?? a;
    // A reversed range ("4-1") expands to nothing; the check reports it.
    for (let n = a; n <= end && out.length < 1000; n++) out.push(n);
  }
  return out;
}

/** Letters that do not decompose into a base letter and a mark: transliterated, never dropped. */
const TRANSLITERATE: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŋ: 'ng',
  ħ: 'h',
  ŧ: 't',
};

/** A person id from a name: lower case ASCII, å/ä → a, ö and ø → o, æ → ae, ü → u, hyphens; no letter is dropped. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[øæœßđðþłıŋħŧ]/g, (ch) => TRANSLITERATE[ch]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
