import { getResolvedPDFJS } from 'unpdf';

/**
 * Reads a PDF's text layer into plain lines for the legacy text importer.
 *
 * pdf.js (the serverless build bundled in unpdf, which runs its "worker" in
 * this thread) gives positioned text items; they are grouped into lines by
 * baseline, cells within a line by horizontal gap, and running headers,
 * footers and page numbers are taken out and listed, never silently dropped.
 * Nothing is fetched: no worker script, no font data, no CMaps.
 */

export interface PdfText {
  /** The document as text, one line per reconstructed text line, pages in order, '\n' between lines. */
  text: string;
  /**
   * Lines removed as running headers/footers/page numbers, with the line
   * number they would have had in `text` had they been kept (1-based,
   * counting the kept lines plus the removed ones in reading order) and
   * their text.
   */
  noise: { line: number; text: string }[];
  pages: number;
}

/** No page has a text layer: a scanned PDF, which must be OCR'd first. */
export class PdfNoTextError extends Error {
  constructor(message = 'The PDF has no text layer (a scanned document?); run it through OCR first.') {
    super(message);
    this.name = 'PdfNoTextError';
  }
}

/** Not a PDF, a corrupt one, or one that needs a password. */
export class PdfUnreadableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfUnreadableError';
  }
}

/** A gap wider than this many font sizes splits a line into cells. */
const CELL_GAP = 1.5;
/** A gap narrower than this many font sizes joins two items without a space. */
const WORD_GAP = 0.1;
/** Items whose baselines differ by at most this many font sizes share a line. */
const BASELINE_TOLERANCE = 0.4;
/** How many lines at the top and at the bottom of a page may be running headers/footers. */
const EDGE_LINES = 3;
/** A document that takes longer than this is given up as unreadable (pdf.js runs in this thread, between awaits). */
const TIMEOUT_MS = 120_000;

interface Item {
  str: string;
  /** Left edge, from the page's left edge. */
  x: number;
  /** Baseline, from the page's top edge. */
  y: number;
  width: number;
  size: number;
}

interface Line {
  page: number;
  /** Baseline from the top of the page. */
  y: number;
  pageHeight: number;
  size: number;
  text: string;
}

/** The subset of pdf.js's text item this module reads. */
interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  if (!looksLikePdf(bytes)) throw new PdfUnreadableError('Not a PDF file (no %PDF- header).');
  const pdfjs = await getResolvedPDFJS();
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
  });

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfUnreadableError(`Reading the PDF took longer than ${TIMEOUT_MS / 1000} s.`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([extract(task.promise), timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof getResolvedPDFJS>>['getDocument']>['promise']>;

async function extract(loading: Promise<PdfDocument>): Promise<PdfText> {
  let doc: PdfDocument;
  try {
    doc = await loading;
  } catch (error) {
    throw unreadable(error);
  }
  const pages = doc.numPages;
  const lines: Line[] = [];
  let anyText = false;
  for (let n = 1; n <= pages; n++) {
    let items: Item[];
    let pageHeight: number;
    try {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pageHeight = Math.abs(y1 - y0);
      const content = await page.getTextContent();
      items = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = toItem(raw as RawTextItem, Math.min(x0, x1), Math.max(y0, y1));
        if (item) items.push(item);
      }
      page.cleanup();
    } catch (error) {
      throw unreadable(error, n);
    }
    if (items.length > 0) anyText = true;
    for (const line of buildLines(items)) lines.push({ ...line, page: n, pageHeight });
  }
  if (!anyText) throw new PdfNoTextError();

  const isNoise = findNoise(lines, pages);
  const kept: string[] = [];
  const noise: PdfText['noise'] = [];
  lines.forEach((line, i) => {
    if (isNoise[i]) noise.push({ line: i + 1, text: line.text });
    else kept.push(line.text);
  });
  return { text: kept.join('\n'), noise, pages };
}

function unreadable(error: unknown, page?: number): PdfUnreadableError {
  if (error instanceof PdfUnreadableError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = (error as { message?: unknown } | null)?.message;
  const what =
    name === 'PasswordException'
      ? 'The PDF is encrypted and needs a password.'
      : `The PDF cannot be read${page ? ` (page ${page})` : ''}: ${typeof message === 'string' ? message : String(error)}`;
  return new PdfUnreadableError(what, { cause: error });
}

/** PDF readers accept the header anywhere in the first 1024 bytes. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  outer: for (let i = 0; i + 5 <= head.length; i++) {
    for (let j = 0; j < 5; j++) if (head[i + j] !== '%PDF-'.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

function toItem(raw: RawTextItem, left: number, top: number): Item | undefined {
  if (typeof raw.str !== 'string' || raw.str.trim() === '') return undefined;
  const t = raw.transform;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = t;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height || 1;
  const item: Item = { str: raw.str, x: e - left, y: top - f, width: Math.max(0, raw.width || 0), size };
  return [item.x, item.y, item.width, item.size].every(Number.isFinite) ? item : undefined;
}

/** Groups a page's items into lines, top to bottom, each line's cells left to right. */
function buildLines(items: Item[]): Omit<Line, 'page' | 'pageHeight'>[] {
  const sorted = [...items].sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: { y: number; size: number; items: Item[] }[] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last && Math.abs(item.y - last.y) <= BASELINE_TOLERANCE * Math.max(item.size, last.size)) {
      last.items.push(item);
      last.size = Math.max(last.size, item.size);
    } else groups.push({ y: item.y, size: item.size, items: [item] });
  }
  const lines: Omit<Line, 'page' | 'pageHeight'>[] = [];
  for (const group of groups) {
    const text = joinCells(cellsOf(group.items));
    if (text !== '') lines.push({ y: group.y, size: group.size, text });
  }
  return lines;
}

function cellsOf(items: Item[]): string[] {
  const row = [...items].sort((p, q) => p.x - q.x);
  const cells: string[] = [];
  let cell = '';
  let prev: Item | undefined;
  for (const item of row) {
    if (prev && isDuplicate(prev, item)) continue;
    if (!prev) cell = item.str;
    else {
      const gap = item.x - (prev.x + prev.width);
      const em = Math.max(prev.size, item.size);
      if (gap > CELL_GAP * em) {
        cells.push(cell);
        cell = item.str;
      } else if (gap > WORD_GAP * em) cell += ` ${item.str}`;
      else cell += item.str;
    }
    prev = item;
  }
  if (prev) cells.push(cell);
  return cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '');
}

/** Fake bold: the same text drawn twice, a hair apart. */
function isDuplicate(prev: Item, item: Item): boolean {
  return prev.str === item.str && Math.abs(prev.x - item.x) < 0.2 * item.size && Math.abs(prev.y - item.y) < 0.2 * item.size;
}

const LIST_MARKER = /^(?:\d{1,3}[.)]?|[a-zA-Z][.)]|[(]\w{1,3}[)]|[•·▪◦‣∙*–—-]|§\s*\d+)$/u;

function joinCells(cells: string[]): string {
  const [first, ...rest] = cells;
  if (first === undefined) return '';
  if (rest.length === 0) return first;
  if (LIST_MARKER.test(first)) return `${first} ${joinCells(rest)}`;
  if (first.endsWith(':')) return `${first} ${rest.join('  ')}`;
  if (rest.length === 1 && isLabel(first)) return `${first}: ${rest[0]}`;
  return cells.join('  ');
}

/** A short left-column label such as "Datum", "Närvarande" or "Justeras av". */
function isLabel(cell: string): boolean {
  return /^\p{L}/u.test(cell) && !/[\d:]/.test(cell) && !/[.,;!?]$/.test(cell) && cell.split(' ').length <= 4;
}

const PAGE_NUMBER = new RegExp(
  [
    String.raw`[-–—]?\s*\d{1,4}\s*[-–—]?`,
    String.raw`\d{1,4}\s*(?:\/|av|of)\s*\d{1,4}`,
    String.raw`\d{1,4}\s*\(\s*\d{1,4}\s*\)`,
    String.raw`(?:sida|sid\.?|s\.|page|p\.)\s*\d{1,4}(?:\s*(?:\/|av|of)\s*\d{1,4}|\s*\(\s*\d{1,4}\s*\))?`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '^(?:')
    .replace(/$/, ')$'),
  'i',
);

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/**
 * Marks running headers and footers (the same text, digits aside, at about
 * the same height on enough pages) and lone page numbers at the top or
 * bottom of a page.
 */
function findNoise(lines: Line[], pages: number): boolean[] {
  const noise = lines.map(() => false);
  const byPage = new Map<number, number[]>();
  lines.forEach((line, i) => {
    const list = byPage.get(line.page);
    if (list) list.push(i);
    else byPage.set(line.page, [i]);
  });

  if (pages >= 2) {
    const needed = Math.max(2, Math.ceil(pages / 2));
    // Candidates: the first and last few lines of each page, measured from the top and from the bottom.
    const groups = new Map<string, { i: number; page: number; pos: number; size: number }[]>();
    for (const indices of byPage.values()) {
      const edges: [string, number][] = [
        ...indices.slice(0, EDGE_LINES).map((i): [string, number] => ['top', i]),
        ...indices.slice(-EDGE_LINES).map((i): [string, number] => ['bottom', i]),
      ];
      for (const [zone, i] of edges) {
        const line = lines[i]!;
        const key = `${zone}\u0000${mask(line.text)}`;
        const pos = zone === 'top' ? line.y : line.pageHeight - line.y;
        const list = groups.get(key) ?? [];
        list.push({ i, page: line.page, pos, size: line.size });
        groups.set(key, list);
      }
    }
    for (const group of groups.values()) {
      group.sort((p, q) => p.pos - q.pos);
      let start = 0;
      for (let k = 1; k <= group.length; k++) {
        const prev = group[k - 1]!;
        const cur = group[k];
        if (cur && cur.pos - prev.pos <= Math.max(cur.size, prev.size)) continue;
        const cluster = group.slice(start, k);
        if (new Set(cluster.map((c) => c.page)).size >= needed) for (const c of cluster) noise[c.i] = true;
        start = k;
      }
    }
  }

  // Lone page numbers: the first or last line left on a page.
  for (const indices of byPage.values()) {
    const left = indices.filter((i) => !noise[i]);
    for (const i of [left[0], left.at(-1)]) if (i !== undefined && isPageNumber(lines[i]!.text)) noise[i] = true;
  }
  return noise;
}

function mask(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}
