import { isRealDate } from '../schema/index.js';

/** Month names and their abbreviations, Swedish first, then Danish and Norwegian where they differ. */
const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  januar: 1,
  februari: 2,
  feb: 2,
  februar: 2,
  mars: 3,
  mar: 3,
  marts: 3,
  april: 4,
  apr: 4,
  maj: 5,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  desember: 12,
  des: 12,
};
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | undefined {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  return isRealDate(s) ? s : undefined;
}

/** Two-digit years are this century: legacy minutes are from 2000 on. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

export interface FoundDate {
  date: string;
  index: number;
  end: number;
}

/**
 * Every date written in a text, in order: 2011-03-14, 110314, 20110314,
 * 14/3 2011, 14/3-11, 14.3.2011, "14 mars 2011", "måndagen den 14 mars 2011"
 * (a month name without a year takes `year`).
 */
export function datesIn(text: string, year?: number): FoundDate[] {
  // A date overlapping one an earlier notation found is not another date. The earlier ones are
  // kept in order (they never overlap each other), and a notation's matches come in order too,
  // so one pointer walks them: a line of many dates is not compared pair by pair.
  let earlier: FoundDate[] = [];
  let found: FoundDate[] = [];
  let at = 0;
  const add = (d: string | undefined, m: RegExpMatchArray) => {
    const index = m.index!;
    const end = index + m[0].length;
    while (at < earlier.length && earlier[at]!.end <= index) at++;
    if (d && !(at < earlier.length && earlier[at]!.index < end)) found.push({ date: d, index, end });
  };
  const next = () => {
    const merged: FoundDate[] = [];
    for (let i = 0, j = 0; i < earlier.length || j < found.length; )
      merged.push(j >= found.length || (i < earlier.length && earlier[i]!.index < found[j]!.index) ? earlier[i++]! : found[j++]!);
    earlier = merged;
    found = [];
    at = 0;
  };
  for (const m of text.matchAll(/(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/g)) add(iso(Number(m[1]), Number(m[2]), Number(m[3])), m);
  next();
  // The separator is whitespace, or one of - / . with whitespace around it: the same strings as
  // (?:\s*[-/.\s]\s*|\s+), without the many ways that had to split a long run of whitespace.
  for (const m of text.matchAll(/(?<![\d.:/-])(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[-/.]\s*|\s+)(\d{4}|\d{2})(?![\d:.]\d)/g)) {
    add(iso(fullYear(m[3]!), Number(m[2]), Number(m[1])), m);
  }
  next();
  for (const m of text.matchAll(
    new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?::e|:a)?\\.?\\s+(${MONTH_RE})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}])`, 'giu'),
  )) {
    const y = m[3] ? Number(m[3]) : year;
    if (y !== undefined) add(iso(y, MONTHS[m[2]!.toLowerCase()]!, Number(m[1])), m);
  }
  next();
  for (const m of text.matchAll(/(?<![\d.:/-])(20\d{2})(\d{2})(\d{2})(?![\d-])/g)) add(iso(Number(m[1]), Number(m[2]), Number(m[3])), m);
  next();
  for (const m of text.matchAll(/(?<![\d.:/-])(\d{2})(\d{2})(\d{2})(?![\d-])/g))
    add(iso(2000 + Number(m[1]), Number(m[2]), Number(m[3])), m);
  next();
  return earlier;
}

export interface FoundTime {
  /** HH:MM-HH:MM when both ends are known. */
  time?: string;
  /** The start alone, when that is all the text says ("kl 13"). */
  start?: string;
  index: number;
  end: number;
}

const clock = (h: string, m: string | undefined) =>
  Number(h) <= 23 && Number(m ?? 0) <= 59 ? `${pad(Number(h))}:${m ?? '00'}` : undefined;

/**
 * A meeting time: "kl. 9.00–12.15", "09:00-12:15", "kl 13-16", "klockan
 * 13.00 till 16.00", "9.00 12.15" (a PDF lost the dash), or only a start,
 * "kl 13" / "kl. 13.00".
 */
export function timeIn(text: string): FoundTime | undefined {
  const hm = '(\\d{1,2})(?:[.:](\\d{2}))?';
  const range = new RegExp(
    `(?:\\b(?:kl|klockan|kl\\.)\\s*)?(?<![\\d.:/-])${hm}\\s*(?:[-–—]|till|to|til)\\s*(?:ca\\.?\\s*|kl\\.?\\s*)?${hm}(?![\\d.:]\\d)`,
    'i',
  );
  const m = range.exec(text);
  if (m) {
    const withKl = /^(kl|klockan)/i.test(m[0]);
    // "13-16" without minutes or "kl" is too easily a page or item range.
    if (m[2] !== undefined || m[4] !== undefined || withKl) {
      const a = clock(m[1]!, m[2]);
      const b = clock(m[3]!, m[4]);
      if (a && b && a < b) return { time: `${a}-${b}`, index: m.index, end: m.index + m[0].length };
    }
  }
  const lost = /(?<![\d.:/-])(\d{1,2})[.:](\d{2})\s+(\d{1,2})[.:](\d{2})(?![\d.:]\d)/.exec(text);
  if (lost) {
    const a = clock(lost[1]!, lost[2]);
    const b = clock(lost[3]!, lost[4]);
    if (a && b && a < b) return { time: `${a}-${b}`, index: lost.index, end: lost.index + lost[0].length };
  }
  const start = /\b(?:kl|klockan)\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?![\d.:]\d)/i.exec(text);
  if (start) {
    const a = clock(start[1]!, start[2]);
    if (a) return { start: a, index: start.index, end: start.index + start[0].length };
  }
  return undefined;
}

/** A single clock time "11.25", "kl 08:45", "kl 15". */
export function clockIn(text: string): string | undefined {
  const m = /(\d{1,2})[.:](\d{2})/.exec(text) ?? /\bkl\.?\s*(\d{1,2})\b/i.exec(text);
  if (!m) return undefined;
  return clock(m[1]!, m[2]);
}
