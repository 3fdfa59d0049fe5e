import { z } from 'zod';

/**
 * Building blocks shared by the file schemas. Every custom error is the name
 * of an expectation in the message catalogue (`expect.*`), so that a finding
 * can say in Swedish or English what was expected.
 */

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

export const id = z
  .string({ error: 'expect.id' })
  .regex(ID_RE, { error: 'expect.id' });

export const text = z.string({ error: 'expect.text' }).trim().min(1, { error: 'expect.text' });

export const date = z
  .string({ error: 'expect.date' })
  .regex(DATE_RE, { error: 'expect.date', abort: true })
  .refine((v) => !DATE_RE.test(v) || isRealDate(v), { error: 'expect.date' });

export const time = z.string({ error: 'expect.time' }).regex(TIME_RE, { error: 'expect.time' });

export const timeRange = z
  .string({ error: 'expect.time-range' })
  .regex(TIME_RANGE_RE, { error: 'expect.time-range', abort: true })
  .refine((v) => {
    // Also guarded here: a refinement must never throw on input the regex refused.
    const m = TIME_RANGE_RE.exec(v);
    return !m || Number(m[1]) * 60 + Number(m[2]) < Number(m[3]) * 60 + Number(m[4]);
  }, { error: 'expect.time-range-order' });

export const itemRange = z.union(
  [
    z.int({ error: 'expect.item-range' }).positive({ error: 'expect.item-range' }),
    z.string({ error: 'expect.item-range' }).regex(ITEM_RANGE_RE, { error: 'expect.item-range' }),
  ],
  { error: 'expect.item-range' },
);

export const decisionRef = z
  .string({ error: 'expect.decision-ref' })
  .regex(DECISION_REF_RE, { error: 'expect.decision-ref' });

export const positiveInt = z.int({ error: 'expect.positive-int' }).positive({ error: 'expect.positive-int' });

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
const TRANSLITERATE: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŋ: 'ng', ħ: 'h', ŧ: 't' };

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
