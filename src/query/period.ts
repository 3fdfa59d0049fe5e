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

/** The half-year before, for comparisons: 2019H1 → 2018H2. */
export function previousHalf(half: string): string | undefined {
  const m = HALF_RE.exec(half);
  if (!m) return undefined;
  return m[2] === '2' ? `${m[1]}H1` : `${Number(m[1]) - 1}H2`;
}

export function inPeriod(date: string, period: Period | undefined): boolean {
  return period === undefined || (date >= period.from && date <= period.to);
}
