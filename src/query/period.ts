/** A closed range of dates, both ends included (ISO strings compare as dates). */
export interface Period {
  from: string;
  to: string;
  /** "2019H1" when the period is a half-year. */
  half?: string;
}

export const HALF_RE = /^(\d{4})H([12])$/;

/** 2019H1 = 1 January – 30 June, 2019H2 = 1 July – 31 December. */
export function halfYear(half: string): Period | undefined {
  const m = HALF_RE.exec(half);
  if (!m) return undefined;
  const year = m[1]!;
  return m[2] === '1' ? { from: `${year}-01-01`, to: `${year}-06-30`, half } : { from: `${year}-07-01`, to: `${year}-12-31`, half };
}

/** The half-year a date falls in: 2019-03-14 is 2019H1. */
export function halfOf(date: string): string {
  return `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The half-year before, for comparisons: 2019H1 → 2018H2. */
export function previousHalf(half: string): string | undefined {
  const m = HALF_RE.exec(half);
  if (!m) return undefined;
  return m[2] === '2' ? `${m[1]}H1` : `${Number(m[1]) - 1}H2`;
}

/** The day `n` days after `date` (before, when negative), YYYY-MM-DD. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function inPeriod(date: string, period: Period | undefined): boolean {
  return period === undefined || (date >= period.from && date <= period.to);
}

/**
 * The day a summary of the period is told as of: the day given, else today
 * when it lies in the period (a report presented at the June or December
 * meeting), else the period's end. Undefined when a given day lies outside.
 */
export function asOfIn(period: Period, today: string, given?: string): string | undefined {
  if (given !== undefined) return inPeriod(given, period) ? given : undefined;
  return inPeriod(today, period) ? today : period.to;
}

/** The period up to and including a day in it: what has happened by then. */
export function upTo(period: Period, day: string): Period {
  return { ...period, to: day < period.to ? day : period.to };
}
