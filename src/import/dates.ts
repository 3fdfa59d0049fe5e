import { isRealDate } from '../schema/index.js';

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augusti: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | undefined {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isRealDate(s) ? s : undefined;
}

/** Every date written in a text, in order: 2019-01-18, 190118, "18 januari 2019" (or without year, given `year`). */
export function datesIn(text: string, year?: number): { date: string; index: number }[] {
  const out: { date: string; index: number }[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) out.push({ date: d, index: m.index });
  }
  for (const m of text.matchAll(/(?<![\d-])(\d{2})(\d{2})(\d{2})(?![\d-])/g)) {
    const d = iso(2000 + Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) out.push({ date: d, index: m.index });
  }
  for (const m of text.matchAll(/\b(\d{1,2})\s+([a-zåäö]+)\.?(?:\s+(\d{4}))?/gi)) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const y = m[3] ? Number(m[3]) : year;
    if (!month || y === undefined) continue;
    const d = iso(y, month, Number(m[1]));
    if (d) out.push({ date: d, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A meeting time written "12.30-16.00", "kl. 12:30–16:00" or "kl 13-16", as HH:MM-HH:MM. */
export function timeIn(text: string): { time: string; index: number; end: number } | undefined {
  const m = /(?:kl\.?\s*)?\b(\d{1,2})(?:[.:](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[.:](\d{2}))?\b/.exec(text);
  if (!m) return undefined;
  const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3]), Number(m[4] ?? 0)];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59 || (m[2] === undefined && m[4] === undefined && !/kl/.test(m[0]))) return undefined;
  if (h1 * 60 + m1 >= h2 * 60 + m2) return undefined;
  return { time: `${pad(h1)}:${pad(m1)}-${pad(h2)}:${pad(m2)}`, index: m.index, end: m.index + m[0].length };
}

/** A single clock time "11.25", "kl 08:45". */
export function clockIn(text: string): string | undefined {
  const m = /(\d{1,2})[.:](\d{2})/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${pad(Number(m[1]))}:${m[2]}`;
}
