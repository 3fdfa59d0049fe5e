/**
 * The rows of a list in date order whose date lies from `from` to `to`
 * (either open), found by binary search: a report of one half-year of a
 * long archive looks at that half, not at every row of the archive.
 */
export function dated<T>(rows: readonly T[], date: (row: T) => string, from?: string, to?: string): readonly T[] {
  const first = (before: (d: string) => boolean) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(date(rows[mid]!))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = from === undefined ? 0 : first((d) => d < from);
  const end = to === undefined ? rows.length : first((d) => d <= to);
  return start === 0 && end === rows.length ? rows : rows.slice(start, end);
}

/** The rows by a key, each group in the rows' order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list === undefined) out.set(k, [row]);
    else list.push(row);
  }
  return out;
}

const byNetwork = new WeakMap<readonly object[], Map<string, object[]>>();

/**
 * The rows of one network, in the list's order. The archive's lists of
 * decisions and assignments are made once per loaded archive, and so is
 * their split by network: a query per network and half-year does not scan
 * the whole archive each time.
 */
export function ofNetwork<T extends { network: string }>(rows: readonly T[], network: string): readonly T[] {
  let known = byNetwork.get(rows) as Map<string, T[]> | undefined;
  if (known === undefined) {
    known = groupBy(rows, (row) => row.network);
    byNetwork.set(rows, known);
  }
  return known.get(network) ?? [];
}
