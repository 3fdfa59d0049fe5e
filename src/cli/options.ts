import * as z from 'zod';
import { KdError } from '../core/errors.js';
import { expect } from '../i18n/index.js';
import { asOfIn, halfYear, type Period } from '../query/period.js';
import { DATE_RE, isRealDate, timeRange } from '../schema/index.js';
import { TERM_ID_RE } from '../schema/network.js';
import { option } from './command.js';
import { today } from './meta.js';

/*
 * One zod type per kind of option value, each checked the way the schema
 * checks the same value in a file. A failure is worded `expect(name)`, the
 * catalogue's words for what was expected, which command.ts turns into
 * "unexpected … for --flag, expected …".
 */

/** Taken as given. */
export const text = z.string().optional();

/** A flag: true when given. */
export const flag = z.boolean().default(false);

/** A real date, YYYY-MM-DD. */
export const date = z
  .string()
  .regex(DATE_RE, { error: expect('date'), abort: true })
  .refine(isRealDate, { error: expect('real-date') });

/** A meeting's time, HH:MM-HH:MM. */
export const timeSpan = z.string().refine((v) => timeRange.safeParse(v).success, { error: expect('time-range') });

/** A half-year, 2019H1 or 2019H2, as the period it covers. */
export const half = z.string().transform((value, ctx): Period => {
  // 2019h1 is as clear as 2019H1.
  const period = halfYear(value.trim().toUpperCase());
  if (period) return period;
  ctx.addIssue({ code: 'custom', message: expect('half'), input: value });
  return z.NEVER;
});

/** A year, 1900–2999. */
export const year = z.string().transform((value, ctx): number => {
  const y = Number(value);
  if (Number.isInteger(y) && y >= 1900 && y <= 2999) return y;
  ctx.addIssue({ code: 'custom', message: expect('year'), input: value });
  return z.NEVER;
});

/** A share of seats, 1/3 or 0.5 (or 0,5), above 0 and at most 1. */
export const share = z.string().transform((value, ctx): number => {
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(value.trim());
  const v = m ? Number(m[1]) / Number(m[2]) : Number(value.replace(',', '.'));
  if (Number.isFinite(v) && v > 0 && v <= 1) return v;
  ctx.addIssue({ code: 'custom', message: expect('share'), input: value });
  return z.NEVER;
});

/** A term's id as network.yml accepts it (it is written there). */
export const termId = z.string().regex(TERM_ID_RE, { error: expect('term-id') });

/** The options several commands share, declared once. */
export const networkOption = option('--network <id>', 'network', text);
export const halfOption = option('--half <half>', 'half', half.optional());
export const fromOption = option('--from <date>', 'from', date.optional());
export const toOption = option('--to <date>', 'to', date.optional());
export const atOption = option('--at <rev>', 'at', text);
export const outOption = option('--out <file>', 'out', text);
export const forceOption = option('--force', 'force', flag);
export const dryRunOption = option('--dry-run', 'dryRun', flag);
export const placeOption = option('--place <text>', 'place', text);
export const timeOption = option('--time <time>', 'time', timeSpan.optional());

/** `--format`, its formats listed in the help, and the one used when it is not given. */
export function formatOption<const F extends readonly [string, ...string[]]>(formats: F, fallback: F[number]) {
  return option('--format <format>', 'format', z.enum(formats).default(fallback as never), { listed: formats });
}

/** `--as-of` of a half-year summary (report, digest): the day it is presented. */
export const presentedOption = option('--as-of <date>', 'reportAsOf', date.optional());

/** The as-of day of a summary of `period`: the one given, else today in the period, else its end. */
export function presentedOn(period: Period, given: string | undefined): string {
  const day = asOfIn(period, today(), given);
  if (day === undefined) throw new KdError('as-of-outside', { date: given!, from: period.from, to: period.to });
  return day;
}
