import { INLINE, labelAt } from './labels.js';

/**
 * Before legacy minutes are read: characters that converters leave behind
 * are normalised, noise (page markers, running headers, signature lines)
 * is taken out and reported with its line number, and flattened text (a PDF
 * converted to one long line per block) is split where a label stands inside
 * a line. Nothing is dropped without being listed.
 */

export interface SourceLine {
  /** The line number in the source file. */
  n: number;
  /** The text as read: cells of a table joined by ", ", labels set off with ": ". */
  text: string;
  /** The text as written, for the draft's body. */
  raw: string;
  /** The first of a running header's repetitions: the document's heading. */
  running?: boolean;
}

export interface Prepared {
  lines: SourceLine[];
  noise: { line: number; text: string }[];
}

const PAGE_MARKER = [
  /^\d{1,3}\s*\(\s*\d{1,3}\s*\)$/, // 2(8)
  /^(?:sida|side|sid\.?|s\.|page)\s*\d{1,3}(?:\s*(?:av|af|of|\/|\()\s*\d{1,3}\)?)?$/i, // Sida 2 av 10
  /^\d{1,3}\s*(?:\/|av|af|of)\s*\d{1,3}$/i, // 2 / 10
  /^[-–—]\s*\d{1,3}\s*[-–—]$/, // - 2 -
];
const SIGNATURE = [
  /^[_.…\-–—\s]{5,}$/, // lines to sign on
  /^(?:justerandes?|ordförandes?|sekreterarens?|justerares?)\s+(?:signatur|sign\.?|underskrift|namnteckning)$/i,
  /^(?:utdragsbestyrkande|signatur|sign\.?|namnförtydligande|dokumentet är elektroniskt signerat.*)$/i,
  /^\[(?:image|bild|figur|logo|logotyp)[^\]]*\]$/i,
];

/** An item heading with a word: comes back in the agenda, is not a running header. */
const ITEM_WORD = /^(?:punkt|pkt\.?|ärende|sak|paragraf)\s*\d/i;
/** A person's entry ("Anna Berg, Lund", "Ingrid Strand"): comes back in lists and signatures. */
const ENTRY = /^\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,3}(?:\s*[,(].{0,60})?$/u;
// Starts only where a run of whitespace starts: otherwise every space of a long run is tried, each to the run's end.
const TAIL_MARKER = /(?<!\s)\s{2,}(\d{1,3}\s*\(\s*\d{1,3}\s*\)|(?:sida|side|page)\s*\d{1,3}(?:\s*(?:av|af|of)\s*\d{1,3})?)$/i;

/** The characters Word and PDF converters leave behind, made plain. */
export function normalise(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/ﬁ/g, 'fi')
    .replace(/ﬂ/g, 'fl')
    .replace(/ﬀ/g, 'ff')
    .replace(/[‐‑]/g, '-')
    .replace(/(?<![ \t])[ \t]+$/gm, '');
}

/** A line whose digits are masked: running headers differ only in their page number. */
const shape = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** `known`: line numbers a reader already found to be noise (a PDF's running headers, found by their position on the page). */
export function prepare(input: string, known: ReadonlySet<number> = new Set()): Prepared {
  const raw = normalise(input).split('\n');
  const noise: Prepared['noise'] = [];
  const isNoise = (t: string) => PAGE_MARKER.some((re) => re.test(t)) || SIGNATURE.some((re) => re.test(t));

  // Running headers: a longer line that comes back next to page markers, or three times or more. Items,
  // labels, clauses and people's entries come back too (an agenda, a signature) and are never headers.
  const counts = new Map<string, number>();
  const nearMarker = new Map<string, number>();
  const markerAt = raw.map((line) => {
    const full = line.trim();
    return TAIL_MARKER.test(full) || PAGE_MARKER.some((re) => re.test(full));
  });
  const near = (i: number) => markerAt.slice(Math.max(0, i - 3), i + 4).some(Boolean);
  raw.forEach((line, i) => {
    const full = line.trim();
    const tail = TAIL_MARKER.exec(full);
    const t = tail ? full.slice(0, tail.index).trim() : full;
    if (t.length < 12 || labelAt(t) || /^(?:samt\s+)?att\s/i.test(t) || /^(?:§\s*)?\d/.test(t) || ITEM_WORD.test(t) || ENTRY.test(t))
      return;
    counts.set(shape(t), (counts.get(shape(t)) ?? 0) + 1);
    if (tail || near(i) || i < 3) nearMarker.set(shape(t), (nearMarker.get(shape(t)) ?? 0) + 1);
  });
  const running = new Set([...counts].filter(([s, c]) => c >= 3 || (c >= 2 && (nearMarker.get(s) ?? 0) >= 2)).map(([s]) => s));
  const seen = new Set<string>();

  const lines: SourceLine[] = [];
  raw.forEach((line, i) => {
    const n = i + 1;
    const t = line.trim().replace(/^[•·▪◦●■►♦❖➢✓]\s*/, '');
    if (t === '') {
      lines.push({ n, text: '', raw: '' });
      return;
    }
    if (known.has(n) || isNoise(t)) {
      noise.push({ line: n, text: t });
      return;
    }
    // A page marker at the end of a line: "Protokoll 2011-03-14   2(8)".
    const tail = TAIL_MARKER.exec(t);
    const text = tail ? t.slice(0, tail.index).trim() : t;
    const s = shape(text);
    if (running.has(s)) {
      // The first one is the document's heading: kept, and marked as such; the others are noise.
      if (seen.has(s)) {
        noise.push({ line: n, text: t });
        return;
      }
      seen.add(s);
      if (tail) noise.push({ line: n, text: tail[1]! });
      lines.push({ n, text, raw: text, running: true });
      return;
    }
    if (tail) noise.push({ line: n, text: tail[1]! });
    for (const part of splitFlattened(text)) lines.push({ n, text: cells(part), raw: part });
  });
  return { lines, noise };
}

/** Splits a line where a label with a colon stands inside it: "… Tid: 9.00 Plats: Hylte Närvarande: …". */
function splitFlattened(text: string): string[] {
  const cuts = [...text.matchAll(INLINE)].map((m) => m.index).filter((i) => i > 0);
  // A title with a colon in prose ("Beslut: att …" after a sentence) splits too; a lone "kl:" does not exist as a label.
  // Items run together: "… ärendet. § 13 Budget".
  // (The lookahead first: the lookbehind, tried at every space of a long run, would read the run back each time.)
  for (const m of text.matchAll(/(?=[§\d])(?<=[.!?]\s+)(?:§\s*\d{1,4}|\d{1,2}\.)\s+\p{Lu}/gu)) cuts.push(m.index);
  // A decision to note, after a sentence on the same line: "… redovisade läget. Informationen noteras."
  for (const m of text.matchAll(
    /(?=[IRPA])(?<=[.!?]\s+)(?:Informationen|Rapporten|Redovisningen|Protokollet|Anteckningarna)\s+(?:noteras|läggs|lades|godkänns|godkändes)\b/gu,
  ))
    cuts.push(m.index);
  if (cuts.length === 0) return [text];
  const parts: string[] = [];
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    // "Anmält förhinder:" is one label, not "Anmält" and "förhinder:".
    // Only the label's length is needed: a short prefix keeps this linear on a flattened line of any length.
    const here = labelAt(text.slice(at, at + 80));
    if (here && at + here.label.length > cut) continue;
    parts.push(text.slice(at, cut).trim());
    at = cut;
  }
  parts.push(text.slice(at).trim());
  return parts.filter((p) => p !== '');
}

/** Table cells (a tab, or three spaces or more, between them) as one comma list; a label cell becomes "Label: …". */
function cells(text: string): string {
  if (!/\t|\s{3,}/.test(text)) return text;
  const parts = text
    .split(/\t+|\s{3,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  // Prose with sloppy spacing is left alone.
  if (parts.some((p) => p.split(/\s+/).length > 8)) return text.replace(/\s{2,}/g, ' ');
  const label = labelAt(parts[0]!);
  if (label && label.value === '' && parts.length > 1) return `${parts[0]!.replace(/:$/, '')}: ${parts.slice(1).join(', ')}`;
  return parts.join(', ');
}
