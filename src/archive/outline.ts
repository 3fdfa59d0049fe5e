import type { Heading, Root, RootContent } from 'mdast';

/** One `## N. Title` section of a protocol body. */
export interface Section {
  no: number;
  title: string;
  /** The heading as written, for messages. */
  heading: string;
  line: number;
  column: number;
}

/**
 * What kd learns of a body's sections: the sections, or the place where it
 * could not decide them within its limits (the file then gets a finding).
 */
export type Outline = { ok: true; sections: Section[] } | { ok: false; line: number; column: number; found: string };

/**
 * remark, loaded only when a body needs it: the line scan decides most
 * protocols alone, and loading remark is a sixth of a `kd check` on a small
 * archive. A sync reader that meets a body needing remark before it is
 * loaded throws RemarkNeeded; `withRemark` loads it and reads again.
 */
let processor: { parse(text: string): unknown } | undefined;

/** Thrown where a body needs remark and it is not loaded yet; never reaches a user (see withRemark). */
export class RemarkNeeded extends Error {}

/** Loads remark for the outline readers (once). */
export async function loadRemark(): Promise<void> {
  if (processor !== undefined) return;
  const [{ unified }, { default: remarkParse }] = await Promise.all([import('unified'), import('remark-parse')]);
  processor = unified().use(remarkParse);
}

/** Runs a sync reader of protocol text, loading remark and running it again if the text needs it. */
export async function withRemark<T>(read: () => T): Promise<T> {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof RemarkNeeded)) throw error;
    await loadRemark();
    return read();
  }
}

function parse(text: string): Root {
  if (processor === undefined) throw new RemarkNeeded();
  return processor.parse(text) as Root;
}

/**
 * The most remark is given at once. remark (micromark) takes time quadratic
 * in some inputs — setext underlines, lazy lines, list items, nested
 * containers, link brackets on one line — so it reads a whole body only when
 * the line scan cannot decide and the body is no larger than a protocol
 * (3–6 KB, a hundred lines) with room to spare, its lines no longer than a
 * long paragraph and nested no deeper than REMARK_MAX_DEPTH on any line.
 */
export const REMARK_MAX_CHARS = 16 * 1024;
export const REMARK_MAX_LINES = 400;
export const REMARK_MAX_LINE_CHARS = 2000;
export const REMARK_MAX_DEPTH = 8;
/** The longest heading whose inline markup remark reads on its own, and all of them in one body. */
const INLINE_MAX_CHARS = 400;
const INLINE_TOTAL_CHARS = 32 * 1024;
/** Containers (block quotes and list items) inside each other; a protocol needs a handful. */
const MAX_DEPTH = 32;

/**
 * The item sections of a protocol body: top-level level-2 headings that
 * start with a number. They are read as remark reads them (so a `## 1.`
 * inside a code block or an HTML block is not a section), by a line scan in
 * time linear in the body; remark reads only what the scan leaves open.
 */
export function outline(body: string, bodyLine: number): Section[] {
  const read = readOutline(body, bodyLine);
  return read.ok ? read.sections : [];
}

let memo: { body: string; bodyLine: number; outline: Outline } | undefined;

/**
 * The sections, or where the body could not be read within kd's limits.
 * The last answer is kept: the front matter check and the file record ask
 * for the same body one after the other.
 */
export function readOutline(body: string, bodyLine: number): Outline {
  if (memo && memo.bodyLine === bodyLine && memo.body === body) return memo.outline;
  const result = decide(body, bodyLine);
  memo = { body, bodyLine, outline: result };
  return result;
}

function decide(body: string, bodyLine: number): Outline {
  const scanned = scan(body, bodyLine, true);
  if (scanned.ok) {
    const sections = withInline(scanned, body, bodyLine);
    if (Array.isArray(sections)) return { ok: true, sections };
    return refuseOrParse(body, bodyLine, sections);
  }
  return refuseOrParse(body, bodyLine, scanned);
}

function refuseOrParse(body: string, bodyLine: number, at: Unsure): Outline {
  if (withinRemarkBudget(body)) return { ok: true, sections: parseOutline(body, bodyLine) };
  return { ok: false, line: at.line + bodyLine, column: at.column, found: at.found };
}

export function withinRemarkBudget(body: string): boolean {
  if (body.length > REMARK_MAX_CHARS) return false;
  const lines = body.split(/\r\n|\r|\n/);
  return (
    lines.length <= REMARK_MAX_LINES && lines.every((line) => line.length <= REMARK_MAX_LINE_CHARS && markersAt(line) <= REMARK_MAX_DEPTH)
  );
}

/** How many block quote and list markers a line begins with: the containers it can open at once. */
function markersAt(line: string): number {
  let depth = 0;
  let k = 0;
  for (;;) {
    while (line[k] === ' ' || line[k] === '\t') k++;
    const c = line[k];
    if (c === '>') k++;
    else if ((c === '-' || c === '*' || c === '+') && (line[k + 1] === ' ' || line[k + 1] === '\t')) k += 2;
    else if (c !== undefined && c >= '0' && c <= '9') {
      let d = k;
      while (line[d]! >= '0' && line[d]! <= '9' && d - k < 10) d++;
      if (!(line[d] === '.' || line[d] === ')') || !(line[d + 1] === ' ' || line[d + 1] === '\t')) return depth;
      k = d + 2;
    } else return depth;
    depth++;
  }
}

/**
 * The same sections without remark, for bodies a line scan decides alone:
 * undefined when the body has an HTML block, a heading with inline markup or
 * anything else the scan leaves to remark.
 */
export function scanOutline(body: string, bodyLine: number): Section[] | undefined {
  const scanned = scan(body, bodyLine, false);
  return scanned.ok && scanned.jobs.length === 0 ? scanned.sections : undefined;
}

/**
 * The sections as the line scan decides them, HTML blocks followed and only
 * headings with inline markup read by remark; undefined when the whole body
 * would have to go to remark.
 */
export function scanWithInline(body: string, bodyLine: number): Section[] | undefined {
  const scanned = scan(body, bodyLine, true);
  if (!scanned.ok) return undefined;
  const sections = withInline(scanned, body, bodyLine);
  return Array.isArray(sections) ? sections : undefined;
}

/** The sections as remark reads them. */
export function parseOutline(body: string, bodyLine: number): Section[] {
  const tree = parse(body);
  const sections: Section[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 2) continue;
    const section = sectionOf(plainText(node), (node.position?.start.line ?? 1) + bodyLine - 1, node.position?.start.column ?? 1);
    if (section) sections.push(section);
  }
  return sections;
}

/**
 * A heading's text as a section: `1. Title`. The same as matching
 * /^(\d+)\.\s*(.*)$/ on the trimmed text, without that pattern's quadratic
 * backtracking on a long run of spaces before a line separator.
 */
function sectionOf(text: string, line: number, column: number): Section | undefined {
  const heading = text.trim();
  const m = /^(\d+)\./.exec(heading);
  if (!m) return undefined;
  const rest = heading.slice(m[0].length).replace(/^\s+/, '');
  if (/[\n\r\u2028\u2029]/.test(rest)) return undefined;
  return { no: Number(m[1]), title: rest.trim(), heading: `## ${heading}`, line, column };
}

function plainText(node: Heading | RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

// ---------------------------------------------------------------------------
// The line scan. It follows CommonMark's block structure as micromark (and so
// remark) builds it — block quotes and list items with their indentation and
// lazy lines, paragraphs, ATX and setext headings, thematic breaks, fenced and
// indented code, HTML blocks — one line at a time, in time linear in the body.
// Where micromark's reading would need more than a line scan knows, it stops
// and says where ("unsure"). The text of a section heading with inline markup
// is read by remark ("jobs": the heading's own lines, which read the same on
// their own, each at most INLINE_MAX_CHARS long, all of them in one parse).
// tests/bounded.test.ts and a differential fuzz against remark hold it to this.

interface Unsure {
  ok: false;
  /** 0-based line of the body. */
  line: number;
  column: number;
  found: string;
}

interface Job {
  /** 0-based body line where the heading starts. */
  line: number;
  /** The heading's lines as written: they read the same on their own. */
  text: string;
}

interface Scanned {
  ok: true;
  sections: Section[];
  jobs: Job[];
  /** Jobs and sections in body order: sections[k] or a job's result. */
  order: ({ section: Section } | { job: Job })[];
}

interface Item {
  quote: false;
  /** Columns a line must be indented to continue the item. */
  size: number;
  initialBlank: boolean;
  furtherBlank: boolean;
}
type Container = { quote: true } | Item;

type Leaf =
  | { kind: 'none' }
  /** first: how the paragraph's text begins — 'plain' can never read as `1.`. */
  | { kind: 'paragraph'; start: number; column: number; first: 'plain' | 'check' | 'definition'; listLike: boolean }
  | { kind: 'code' }
  | { kind: 'fence'; marker: string; size: number }
  | { kind: 'html'; type: number };

const NONE: Leaf = { kind: 'none' };
/** Characters that start inline markup (or are replaced in text), so a heading's text may differ from its source. */
const INLINE = /[\\&*_`[\]!<\0]/;
const HTML_BLOCK_NAMES = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(
    ' ',
  ),
);
const HTML_RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

/** A line as a message shows it: trimmed, and cut short. */
const shorten = (line: string) => {
  const shown = line.trim();
  return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
};
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c: string | undefined) => isAlpha(c) || isDigit(c);

function scan(body: string, bodyLine: number, html: boolean): Scanned | Unsure {
  const lines = body.split(/\r\n|\r|\n/);
  const order: Scanned['order'] = [];
  const stack: Container[] = [];
  let leaf: Leaf = NONE;
  /** One line's text and a cursor in it: char index, the column there (tabs to multiples of 4), and virtual spaces left of a tab half consumed. */
  let line = '';
  let i = 0;
  let col = 0;
  let virt = 0;
  let last = -1;
  let n = 0;

  const unsure = (): Unsure => {
    let k = 0;
    while (isSpace(line[k])) k++;
    return { ok: false, line: n, column: k + 1, found: shorten(line) };
  };
  /** Columns of whitespace at the cursor, counted up to `cap`. */
  const ws = (cap: number): number => {
    let w = virt;
    let c = col;
    for (let j = i; w < cap && j < line.length; j++) {
      const ch = line[j];
      if (ch === ' ') {
        w++;
        c++;
      } else if (ch === '\t') {
        const t = 4 - (c % 4);
        w += t;
        c += t;
      } else break;
    }
    return w;
  };
  /** The index of the first character after the whitespace at the cursor. */
  const afterWs = (): number => {
    let j = i;
    while (isSpace(line[j])) j++;
    return j;
  };
  const consume = (columns: number): void => {
    let k = columns;
    while (k > 0) {
      if (virt > 0) {
        const t = Math.min(virt, k);
        virt -= t;
        k -= t;
        continue;
      }
      const ch = line[i];
      if (ch === ' ') {
        i++;
        col++;
        k--;
      } else if (ch === '\t') {
        const t = 4 - (col % 4);
        i++;
        col += t;
        virt = t;
      } else break;
    }
  };
  /** One optional space (or one column of a tab) after a marker. */
  const optionalSpace = (): void => {
    if (virt > 0) virt--;
    else if (line[i] === ' ') {
      i++;
      col++;
    } else if (line[i] === '\t') {
      const t = 4 - (col % 4);
      i++;
      col += t;
      virt = t - 1;
    }
  };
  const blankFrom = (j: number) => j > last;

  /** A thematic break from index j: three or more of one of * - _ with only spaces and tabs among them. */
  const thematicAt = (j: number): boolean => {
    const marker = line[j];
    if (marker !== '*' && marker !== '-' && marker !== '_') return false;
    let count = 0;
    for (let k = j; k < line.length; k++) {
      const ch = line[k];
      if (ch === marker) count++;
      else if (!isSpace(ch)) return false;
    }
    return count >= 3;
  };
  /** A setext underline from index j: one or more = or -, then only spaces and tabs. */
  const setextAt = (j: number): string | undefined => {
    const marker = line[j];
    if (marker !== '=' && marker !== '-') return undefined;
    let k = j;
    while (line[k] === marker) k++;
    while (isSpace(line[k])) k++;
    return k >= line.length ? marker : undefined;
  };
  /** An ATX opening from index j: its level, or 0. */
  const atxAt = (j: number): number => {
    let k = j;
    while (line[k] === '#' && k - j < 7) k++;
    const level = k - j;
    if (level < 1 || level > 6) return 0;
    return k >= line.length || isSpace(line[k]) ? level : 0;
  };
  /** A fence opening from index j, or undefined. */
  const fenceAt = (j: number): { marker: string; size: number } | undefined => {
    const marker = line[j];
    if (marker !== '`' && marker !== '~') return undefined;
    let k = j;
    while (line[k] === marker) k++;
    if (k - j < 3) return undefined;
    if (marker === '`' && line.indexOf('`', k) !== -1) return undefined;
    return { marker, size: k - j };
  };
  const closesFence = (fence: { marker: string; size: number }): boolean => {
    if (ws(4) > 3) return false;
    let k = afterWs();
    const start = k;
    while (line[k] === fence.marker) k++;
    if (k - start < fence.size) return false;
    while (isSpace(line[k])) k++;
    return k >= line.length;
  };
  /**
   * An HTML block opening from index j, as micromark reads it: its type
   * (1–7), with where its end condition starts on this line; undefined when
   * the line does not open one.
   */
  const htmlAt = (j: number): { type: number; from: number } | undefined => {
    if (line[j] !== '<') return undefined;
    let k = j + 1;
    const c = line[k];
    if (c === '!') {
      k++;
      if (line[k] === '-') return line[k + 1] === '-' ? { type: 2, from: k + 2 } : undefined;
      if (line[k] === '[') return line.startsWith('CDATA[', k + 1) ? { type: 5, from: k + 7 } : undefined;
      return isAlpha(line[k]) ? { type: 4, from: k + 1 } : undefined;
    }
    if (c === '?') return { type: 3, from: k + 1 };
    let closing = false;
    if (c === '/') {
      closing = true;
      k++;
    }
    if (!isAlpha(line[k])) return undefined;
    const nameStart = k;
    while (isAlnum(line[k]) || line[k] === '-') k++;
    const after = line[k];
    if (!(after === undefined || after === '/' || after === '>' || isSpace(after))) return undefined;
    const name = line.slice(nameStart, k).toLowerCase();
    const slash = after === '/';
    if (!slash && !closing && HTML_RAW_NAMES.has(name)) return { type: 1, from: k };
    if (HTML_BLOCK_NAMES.has(name)) {
      if (slash) return line[k + 1] === '>' ? { type: 6, from: k + 2 } : undefined;
      return { type: 6, from: k };
    }
    return completeTag(k, closing) ? { type: 7, from: line.length } : undefined;
  };
  /** The rest of micromark's type-7 opening: a complete tag followed only by whitespace. */
  const completeTag = (from: number, closing: boolean): boolean => {
    let k = from;
    if (closing) {
      while (isSpace(line[k])) k++;
    } else {
      for (;;) {
        while (isSpace(line[k])) k++;
        const ch = line[k];
        if (ch === '/') {
          k++;
          break;
        }
        if (!(ch === ':' || ch === '_' || isAlpha(ch))) break;
        while (isAlnum(line[k]) || line[k] === '-' || line[k] === '.' || line[k] === ':' || line[k] === '_') k++;
        while (isSpace(line[k])) k++;
        if (line[k] !== '=') continue;
        k++;
        while (isSpace(line[k])) k++;
        const v = line[k];
        if (v === undefined || v === '<' || v === '=' || v === '>' || v === '`') return false;
        if (v === '"' || v === "'") {
          const end = line.indexOf(v, k + 1);
          if (end === -1) return false;
          k = end + 1;
          const next = line[k];
          if (!(next === '/' || next === '>' || isSpace(next))) return false;
        } else {
          while (k < line.length && !isSpace(line[k]) && !'"\'/<=>`'.includes(line[k]!)) k++;
        }
      }
    }
    if (line[k] !== '>') return false;
    k++;
    while (isSpace(line[k])) k++;
    return k >= line.length;
  };
  /**
   * Whether an HTML block of types 1–5 ends on this line from index j, by
   * micromark's states (its continuation starts afresh on each line).
   */
  const htmlEnds = (type: number, j: number, first: boolean): boolean => {
    let state: 'cont' | 'comment' | 'decl' | 'cdata' | 'rawOpen' | 'rawEnd' =
      first && (type === 2 || type === 3 || type === 4) ? 'decl' : 'cont';
    let buffer = '';
    for (let k = j; k < line.length; k++) {
      const ch = line[k]!;
      for (;;) {
        if (state === 'cont') {
          if (ch === '-' && type === 2) state = 'comment';
          else if (ch === '<' && type === 1) state = 'rawOpen';
          else if (ch === '>' && type === 4) return true;
          else if (ch === '?' && type === 3) state = 'decl';
          else if (ch === ']' && type === 5) state = 'cdata';
          break;
        }
        if (state === 'comment' || state === 'cdata') {
          // The second `-` of `--` or `]` of `]]`: what follows may close the block.
          if (ch === (state === 'comment' ? '-' : ']')) {
            state = 'decl';
            break;
          }
          state = 'cont';
          continue;
        }
        if (state === 'decl') {
          if (ch === '>') return true;
          if (ch === '-' && type === 2) break;
          state = 'cont';
          continue;
        }
        if (state === 'rawOpen') {
          if (ch === '/') {
            state = 'rawEnd';
            buffer = '';
            break;
          }
          state = 'cont';
          continue;
        }
        // rawEnd
        if (ch === '>') {
          if (HTML_RAW_NAMES.has(buffer.toLowerCase())) return true;
          state = 'cont';
          continue;
        }
        if (isAlpha(ch) && buffer.length < 8) {
          buffer += ch;
          break;
        }
        state = 'cont';
      }
    }
    return false;
  };
  /** A list item opening at the cursor (indentation w ≤ 3 columns): its size, or undefined. */
  const listAt = (w: number, interrupt: boolean): { size: number; blank: boolean; markerEnd: number } | undefined => {
    const j = afterWs();
    const c = line[j];
    let k = j;
    if (c === '*' || c === '+' || c === '-') {
      if (c !== '+' && thematicAt(j)) return undefined;
      k = j + 1;
    } else if (isDigit(c)) {
      while (isDigit(line[k]) && k - j < 10) k++;
      const digits = k - j;
      if (digits > 9) return undefined;
      if (interrupt && (digits !== 1 || c !== '1')) return undefined;
      if (line[k] !== '.' && line[k] !== ')') return undefined;
      k++;
    } else return undefined;
    const marker = k - j;
    if (blankFrom(k)) return interrupt ? undefined : { size: w + marker + 1, blank: true, markerEnd: k };
    if (!isSpace(line[k])) return undefined;
    return { size: w + marker, blank: false, markerEnd: k };
  };

  for (n = 0; n < lines.length; n++) {
    line = lines[n]!;
    i = 0;
    col = 0;
    virt = 0;
    last = line.length - 1;
    while (last >= 0 && isSpace(line[last])) last--;

    // Containers that go on.
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const c = stack[matched]!;
      if (c.quote) {
        const w = ws(4);
        if (w > 3 || line[afterWs()] !== '>') break;
        consume(w);
        i++;
        col++;
        optionalSpace();
        continue;
      }
      if (blankFrom(i)) {
        c.furtherBlank = c.furtherBlank || c.initialBlank;
        consume(Math.min(c.size, ws(c.size)));
        continue;
      }
      const further = c.furtherBlank;
      c.furtherBlank = false;
      c.initialBlank = false;
      if (further || !(virt > 0 || isSpace(line[i]))) break;
      if (ws(c.size) < c.size) break;
      consume(c.size);
    }
    const allMatched = matched === stack.length;

    // Fenced code and HTML take every line their containers let through.
    if (allMatched && leaf.kind === 'fence') {
      if (closesFence(leaf)) leaf = NONE;
      continue;
    }
    if (allMatched && leaf.kind === 'html') {
      if (leaf.type >= 6) {
        if (blankFrom(i)) leaf = NONE;
      } else if (htmlEnds(leaf.type, i, false)) leaf = NONE;
      continue;
    }

    // New containers. micromark decides once a line whether they interrupt:
    // after a paragraph or indented code whose containers all went on.
    const interrupt = allMatched && (leaf.kind === 'paragraph' || leaf.kind === 'code');
    let opened = false;
    for (;;) {
      const w = ws(4);
      if (w > 3) break;
      const j = afterWs();
      if (line[j] === '>') {
        if (!opened) stack.length = matched;
        opened = true;
        leaf = NONE;
        consume(w);
        i++;
        col++;
        optionalSpace();
        stack.push({ quote: true });
      } else {
        const item = listAt(w, interrupt);
        if (!item) break;
        if (!opened) stack.length = matched;
        opened = true;
        leaf = NONE;
        consume(w);
        col += item.markerEnd - i;
        i = item.markerEnd;
        let size = item.size;
        if (!item.blank) {
          const s = ws(6);
          if (s <= 4) {
            consume(s);
            size += s;
          } else {
            consume(1);
            size += 1;
          }
        }
        stack.push({ quote: false, size, initialBlank: item.blank, furtherBlank: false });
      }
      if (stack.length > MAX_DEPTH) return unsure();
    }

    const lazy = !allMatched && !opened;
    const blank = blankFrom(i);

    // A paragraph goes on, lazily or not, unless something interrupts it.
    if (leaf.kind === 'paragraph') {
      if (blank) {
        if (lazy) stack.length = matched;
        leaf = NONE;
        continue;
      }
      const w = ws(4);
      if (w >= 4) continue;
      const j = afterWs();
      if (!lazy) {
        const underline = setextAt(j);
        if (underline) {
          if (leaf.first === 'definition') return unsure();
          if (underline === '-' && stack.length === 0) {
            const found = setextSection(leaf, n);
            if (found === false) return unsure();
            if (found) order.push(found);
          }
          leaf = NONE;
          continue;
        }
      }
      if (!html && line[j] === '<') return unsure();
      const h = html ? htmlAt(j) : undefined;
      if (h?.type === 7 && lazy) {
        // micromark keeps this one inside the containers the line did not continue.
        leaf = { kind: 'html', type: 7 };
        continue;
      }
      const interrupts = atxAt(j) > 0 || thematicAt(j) || fenceAt(j) !== undefined || (h !== undefined && h.type < 7);
      if (!interrupts) continue;
      if (lazy) stack.length = matched;
      leaf = NONE;
    } else if (lazy) {
      // Only a paragraph takes a lazy line; anything else ends with the containers the line left.
      stack.length = matched;
      leaf = NONE;
    }

    // A block of its own.
    if (blank) {
      if (leaf.kind !== 'code') leaf = NONE;
      continue;
    }
    const w = ws(4);
    if (w >= 4) {
      // Indented code begun on a lazy line ends with it: micromark looks no further.
      if (leaf.kind !== 'code') leaf = lazy ? NONE : { kind: 'code' };
      continue;
    }
    const j = afterWs();
    const level = atxAt(j);
    if (level > 0) {
      leaf = NONE;
      if (level === 2 && stack.length === 0) {
        const found = atxSection(j);
        if (found === false) return unsure();
        if (found) order.push(found);
      }
      continue;
    }
    const fence = fenceAt(j);
    if (fence) {
      // The fence's own line never closes it; the next line is its content or its end.
      leaf = { kind: 'fence', ...fence };
      continue;
    }
    if (line[j] === '<') {
      if (!html) return unsure();
      const h = htmlAt(j);
      if (h) {
        leaf = { kind: 'html', type: h.type };
        if (h.type < 6 && htmlEnds(h.type, h.from, true)) leaf = NONE;
        continue;
      }
    }
    if (thematicAt(j)) {
      leaf = NONE;
      continue;
    }
    const c = line[j]!;
    leaf = {
      kind: 'paragraph',
      start: n,
      column: j + 1,
      first: c === '[' ? 'definition' : isDigit(c) || INLINE.test(c) || /\s/.test(c) ? 'check' : 'plain',
      listLike: /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/.test(line.slice(0, j + 12)),
    };
  }
  const sections: Section[] = [];
  const jobs: Job[] = [];
  for (const o of order) 'section' in o ? sections.push(o.section) : jobs.push(o.job);
  return { ok: true, sections, jobs, order };

  /** The section an ATX level-2 heading at index j makes: a section, undefined (none), a job, or false when unsure. */
  function atxSection(j: number): { section: Section } | { job: Job } | undefined | false {
    let k = j + 2;
    while (isSpace(line[k])) k++;
    let end = last + 1;
    // A closing sequence: #s at the end, after whitespace (or making up the whole text).
    let h = end;
    while (h > k && line[h - 1] === '#') h--;
    if (h < end && (h === k || isSpace(line[h - 1]))) {
      end = h;
      while (end > k && isSpace(line[end - 1])) end--;
    }
    const content = line.slice(k, Math.max(k, end));
    const first = content[0];
    if (first === undefined) return undefined;
    if (!isDigit(first) && !INLINE.test(first) && !/\s/.test(first)) return undefined;
    if (!INLINE.test(content)) {
      const section = sectionOf(content, n + bodyLine, j + 1);
      return section ? { section } : undefined;
    }
    if (line.length > INLINE_MAX_CHARS) return false;
    return { job: { line: n, text: line } };
  }

  /** The section a setext level-2 heading ending on line `underline` makes. */
  function setextSection(
    p: Extract<Leaf, { kind: 'paragraph' }>,
    underline: number,
  ): { section: Section } | { job: Job } | undefined | false {
    if (p.first === 'plain') return undefined;
    if (underline - p.start === 1) {
      const text = lines[p.start]!;
      let end = text.length;
      while (end > 0 && isSpace(text[end - 1])) end--;
      const content = text.slice(p.column - 1, end);
      if (!INLINE.test(content)) {
        const section = sectionOf(content, p.start + bodyLine, p.column);
        return section ? { section } : undefined;
      }
    }
    if (p.listLike) return false;
    let size = 0;
    for (let k = p.start; k <= underline; k++) if ((size += lines[k]!.length + 1) > INLINE_MAX_CHARS) return false;
    return { job: { line: p.start, text: lines.slice(p.start, underline + 1).join('\n') } };
  }
}

/** The scan's sections with its jobs read by remark, in one parse; or where that would exceed the limits. */
function withInline(scanned: Scanned, body: string, bodyLine: number): Section[] | Unsure {
  if (scanned.jobs.length === 0) return scanned.sections;
  let total = 0;
  const definitions = body.includes(']:');
  for (const job of scanned.jobs) {
    total += job.text.length + 2;
    if (total > INLINE_TOTAL_CHARS || (definitions && /[[\]]/.test(job.text))) {
      return { ok: false, line: job.line, column: 1, found: shorten(job.text.split('\n', 1)[0]!) };
    }
  }
  // Each job on its own, a blank line between: batch line → job.
  const at = new Map<number, Job>();
  let batchLine = 1;
  for (const job of scanned.jobs) {
    at.set(batchLine, job);
    batchLine += job.text.split('\n').length + 1;
  }
  const tree = parse(scanned.jobs.map((j) => j.text).join('\n\n'));
  const found = new Map<Job, Section>();
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 2) continue;
    const job = at.get(node.position?.start.line ?? 0);
    if (!job) continue;
    const section = sectionOf(plainText(node), job.line + bodyLine, node.position?.start.column ?? 1);
    if (section) found.set(job, section);
  }
  const sections: Section[] = [];
  for (const o of scanned.order) {
    if ('section' in o) sections.push(o.section);
    else {
      const s = found.get(o.job);
      if (s) sections.push(s);
    }
  }
  return sections;
}
