import type { Node, Scalar } from 'yaml';
import { changed, EXAMPLE_PROTOCOL } from '../core/examples.js';
import type { Severity } from '../core/finding.js';
import { defineRule, type NotOkExample } from '../core/rule.js';
import type { MessageData } from '../i18n/index.js';
import { yamlLib } from './yaml-lib.js';

/**
 * Slips: what a secretary who writes YAML by hand does by mistake, found
 * where it is and worded as what to do about it. The parser says where it
 * stopped, which is often a line later (a key moved one step in reads as the
 * end of the text above) or far later (an unclosed quote runs on to the
 * next one); and some slips it takes without a word (`#2` becomes a
 * comment, a colon in a decision makes it a key). So kd looks for them
 * itself, in two places:
 *
 * - `explainStop`: when the parser stopped, a pass over the lines up to
 *   where it stopped follows the blocks by their indentation, as YAML does,
 *   and names the first slip it meets. Where a line fits no block, the
 *   repairs that could explain it (this line or one above moved to another
 *   indentation) are each read again, and the one that lets the rest be
 *   read furthest is named. It runs only for a file that has a syntax
 *   error, reads a line at most LINE_LOOK characters long, and tries only
 *   the repairs REPAIR_LINES allows; when it cannot follow the text (a line
 *   too long, an anchor, a `?` key) it names nothing and the parser's own
 *   message stands.
 * - `nodeSlip` and `keySlip`: when the parser took the text, the walk over
 *   its nodes that records positions asks, of the few nodes that can hide
 *   a slip (a plain text in a list, a text with a comment after it, the
 *   first key of a list item), whether they do. Each test starts with a
 *   character or two; only a node that passes it looks further.
 *
 * What each slip is, where kd finds it, its message and its examples:
 * `SLIPS`, the table at the end of this file.
 */

/** How far any slip looks along one line, and how much of a text a message quotes. */
export const LINE_LOOK = 1000;
export const SOURCE_MAX = 60;

/** The keys of the slips' messages. */
export type SlipKey =
  | 'yaml.tab'
  | 'yaml.nbsp'
  | 'yaml.colon'
  | 'yaml.smart-quotes'
  | 'yaml.quote-rest'
  | 'yaml.quote-unclosed'
  | 'yaml.bracket-unclosed'
  | 'yaml.colon-space'
  | 'yaml.colon-missing'
  | 'yaml.indent'
  | 'yaml.dash'
  | 'yaml.dash-space'
  | 'yaml.hash-empty'
  | 'yaml.hash-cut'
  | 'yaml.smart-quotes-kept'
  | 'yaml.dash-fold';

/** A slip found: its message with the message's data, at an offset of the YAML text. */
export type Slip = { [K in SlipKey]: { key: K; offset: number; data: MessageData<K> } }[SlipKey];

function slip<K extends SlipKey>(key: K, offset: number, data: MessageData<K>): Slip {
  return { key, offset, data } as Slip;
}

// Quotation marks Word and e-mail put in: YAML reads them as letters. fast-yaml.ts leaves a text that starts with one to the slips.
export const SMART = new Set(['“', '”', '„', '‘', '’', '‚', '«', '»']);
const NBSP = '\u00a0';
/** A key as kd's files write them: a word of ASCII letters, digits, `_` and `-`. */
const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A value after which a comment is plainly a comment: a date, a time, a number or an id (no capitals, no spaces). */
const TOKEN = /^[a-z0-9][a-z0-9:._/-]*$/;

/** The text shortened for a message. */
function short(text: string): string {
  return text.length > SOURCE_MAX ? `${text.slice(0, SOURCE_MAX)}…` : text;
}

/** The quotation mark a text can be put inside: `"`, or `'` when it holds `"` or a backslash (which `"` would read as an escape). */
function quoteFor(text: string): '"' | "'" {
  return /["\\]/.test(text) ? "'" : '"';
}

const blank = (c: string | undefined) => c === ' ' || c === '\t';
const ends = (s: string, i: number) => i >= s.length || blank(s[i]);

/** Index of the quote closing the one at `from`, or -1 when the line does not close it. */
function closingQuote(s: string, from: number): number {
  return closingQuoteFrom(s, from + 1, s[from]!);
}

/** Where a comment starts (a `#` after a space), or the line's length. */
function commentAt(s: string, from: number): number {
  for (let i = from; i < s.length; i++) if (s[i] === '#' && (i === from || blank(s[i - 1]))) return i;
  return s.length;
}

/** The colon that ends a plain key (followed by a space or the line's end), or -1. */
function keyColon(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === ':' && ends(s, i + 1)) return i;
    if (s[i] === '#' && blank(s[i - 1])) return -1;
  }
  return -1;
}

interface Flow {
  depth: number;
  /** Inside a quoted text, the quote that closes it. */
  quote?: string;
}

/** Reads a flow collection's brackets on from `from`; returns where it closes, or -1 with `state` left open. */
function readFlow(s: string, from: number, state: Flow): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (state.quote) {
      if (state.quote === '"' && c === '\\') i++;
      else if (c === state.quote) state.quote = undefined;
    } else if (c === '"' || c === "'") state.quote = c;
    else if (c === '[' || c === '{') state.depth++;
    else if (c === ']' || c === '}') {
      if (--state.depth === 0) return i;
    } else if (c === '#' && blank(s[i - 1])) return -1;
  }
  return -1;
}

type Style = 'none' | 'plain' | 'quoted' | 'open-quote' | 'flow' | 'open-flow' | 'block' | 'other';

interface Value {
  /** Column where it starts. */
  col: number;
  style: Style;
  /** Plain: the text without a comment; quoted: the quoted part. */
  text: string;
  /** After a closing quote or bracket: what follows, other than a comment. */
  rest: string;
  flow?: Flow;
}

function readValue(s: string, from: number): Value {
  let c = from;
  while (blank(s[c])) c++;
  const ch = s[c];
  if (ch === undefined || ch === '#') return { col: c, style: 'none', text: '', rest: '' };
  if (ch === '"' || ch === "'") {
    const close = closingQuote(s, c);
    if (close === -1) return { col: c, style: 'open-quote', text: s.slice(c).trimEnd(), rest: '' };
    return { col: c, style: 'quoted', text: s.slice(c, close + 1), rest: s.slice(close + 1, commentAt(s, close + 1)).trim() };
  }
  if (ch === '[' || ch === '{') {
    const flow: Flow = { depth: 0 };
    const close = readFlow(s, c, flow);
    if (close === -1) return { col: c, style: 'open-flow', text: s.slice(c, commentAt(s, c)).trimEnd(), rest: '', flow };
    return { col: c, style: 'flow', text: s.slice(c, close + 1), rest: s.slice(close + 1, commentAt(s, close + 1)).trim() };
  }
  if (ch === '|' || ch === '>') return { col: c, style: 'block', text: '', rest: '' };
  if ('&*!%@`'.includes(ch)) return { col: c, style: 'other', text: '', rest: '' };
  return { col: c, style: 'plain', text: s.slice(c, commentAt(s, c)).trimEnd(), rest: '' };
}

/** One line as block YAML reads it: list markers, then a key with its value, or a text, or nothing. */
interface Shape {
  /** Columns of the `- ` markers it starts with. */
  items: number[];
  /** Column of what follows the markers. */
  col: number;
  kind: 'key' | 'text' | 'empty';
  key: string;
  /** Column of the key's colon. */
  colon: number;
  value: Value;
}

function shapeOf(s: string, indent: number): Shape | undefined {
  let c = indent;
  const items: number[] = [];
  while (s[c] === '-' && ends(s, c + 1)) {
    items.push(c);
    c++;
    while (blank(s[c])) c++;
  }
  const none: Value = { col: c, style: 'none', text: '', rest: '' };
  const ch = s[c];
  if (ch === undefined || ch === '#') return { items, col: c, kind: 'empty', key: '', colon: -1, value: none };
  // A complex key (`? `) and a directive are not what a secretary writes; the parser's message stands.
  if ((ch === '?' && ends(s, c + 1)) || ch === '%') return undefined;
  if (ch === '"' || ch === "'") {
    const close = closingQuote(s, c);
    let k = close + 1;
    while (close !== -1 && blank(s[k])) k++;
    if (close !== -1 && s[k] === ':' && ends(s, k + 1)) {
      return { items, col: c, kind: 'key', key: s.slice(c, close + 1), colon: k, value: readValue(s, k + 1) };
    }
    return { items, col: c, kind: 'text', key: '', colon: -1, value: readValue(s, c) };
  }
  if ('[{|>&*!@`'.includes(ch)) return { items, col: c, kind: 'text', key: '', colon: -1, value: readValue(s, c) };
  const colon = keyColon(s, c);
  if (colon !== -1) return { items, col: c, kind: 'key', key: s.slice(c, colon).trimEnd(), colon, value: readValue(s, colon + 1) };
  return { items, col: c, kind: 'text', key: '', colon: -1, value: readValue(s, c) };
}

/** A block being read: a mapping of keys or a list of `- ` items, at an indentation. */
interface Block {
  indent: number;
  kind: 'map' | 'seq';
  /** The line that opened it. */
  first: Line;
  /** Lines at its indentation so far. */
  count: number;
  /** Indentation of what opened it: the key or item above it, -1 for the top level. */
  parent: number;
  /** A list at the same indentation as the key it belongs to (`key:` then `- a`). */
  compact: boolean;
  /** A mapping that is a list item's (`- key: …`). */
  item: boolean;
  /** A list's: the key its first item starts with (`- no: 1` → `no`). */
  firstKey?: string;
  /** A list's: how many of its items so far are mappings that start with `firstKey`. */
  keyed?: number;
  /** A mapping's keys so far. */
  keys?: Set<string>;
}

interface Line {
  /** Its index among the text's lines. */
  n: number;
  start: number;
  indent: number;
  body: string;
  /** The innermost mapping and list open above it: where a line moved from beside it most likely belongs. */
  inner?: { map?: number; seq?: number };
}

/** A block a line further left closed, while every line since stands further right than that line: innermost last. */
interface Closed {
  block: Pick<Block, 'indent' | 'kind'>;
  by: Line;
  /** The block a `key:` above would have opened, had the line that closed it stood further right. */
  empty?: boolean;
}

/** A slip the pass met, and on which line it saw it (later than the slip when a line further down gave it away). */
interface Met {
  slip: Slip;
  seen: number;
  /** A slip whose error the parser reports far from it (an unclosed quote runs on to the next quote). */
  far?: boolean;
}

/** The YAML text by lines, with a line perhaps moved to another indentation (a repair being tried). */
interface Source {
  text: string;
  /** Offset of each line's start. */
  starts: readonly number[];
  moved?: { n: number; body: string };
  /** Where each line's kind stands in the text (a key's name, `-` and the key of an item): `name` at 2 in people.yml. */
  where: ReadonlyMap<string, ReadonlySet<number>>;
}

/** A line's kind, to compare it with lines of its kind elsewhere: its key, after `-` for a list item (`-` and the first character of any other item). */
const LINE_KIND = /^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_-]*:)(?=\s|$)|(.))?/;
function kindOf(body: string): { indent: number; kind: string } | undefined {
  const m = LINE_KIND.exec(body.length > LINE_LOOK ? body.slice(0, LINE_LOOK) : body)!;
  if (m[3]) return { indent: m[1]!.length, kind: `${m[2] ? '-' : ''}${m[3]}` };
  return m[2] ? { indent: m[1]!.length, kind: `-${/[\p{L}\d]/u.test(m[4] ?? '') ? 'a' : (m[4] ?? '')}` } : undefined;
}

function bodyAt(src: Source, n: number): string {
  if (src.moved?.n === n) return src.moved.body;
  const end = n + 1 < src.starts.length ? src.starts[n + 1]! - 1 : src.text.length;
  return src.text.slice(src.starts[n], end);
}

/** How far a pass over the lines got: the line of the first slip it met (or one past the last line it read), and how many blocks it found indented otherwise than the text's custom. */
interface Reading {
  met?: Met;
  reach: number;
  odd: number;
}

/** Lines read on after the line where a repair is tried, to see how far the repair carries. */
const RESCAN = 40;
/** Repairs tried at most, and blocks looked at for them. */
const REPAIRS = 24;
const LOOK_BACK = 8;
/**
 * Lines all the repairs of one text may read together. Each reads the text
 * from its start, so a slip deep in a long text gets fewer tries; a slip
 * past this many lines gets none, and the parser's own message.
 */
const REPAIR_LINES = 20_000;

/**
 * The slip that made the parser stop at `stop` (an offset of `text`), found
 * by reading the lines as block YAML up to the first line after the one
 * where the parser stopped. Undefined when the pass meets none there, or
 * cannot follow the text, or meets one well before the stop that the parser
 * would have stopped at.
 */
export function explainStop(text: string, stop: number): Slip | undefined {
  const starts = [0];
  let stopLine = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i < stop) stopLine++;
    starts.push(i + 1);
  }
  const where = new Map<string, Set<number>>();
  for (let n = 0; n < starts.length; n++) {
    const k = kindOf(text.slice(starts[n], Math.min(starts[n]! + 2 * SOURCE_MAX, n + 1 < starts.length ? starts[n + 1]! : text.length)));
    if (k && where.size < LINE_LOOK) where.set(k.kind, (where.get(k.kind) ?? new Set()).add(k.indent));
  }
  const met = read({ text, starts, where }, { stopLine }).met;
  if (met === undefined) return undefined;
  // The parser took every line before its stop; a slip the pass thinks it saw well before it is the pass's mistake.
  if (met.seen < stopLine - 1 && !met.far) return undefined;
  return met.slip;
}

/**
 * One pass over the lines, following the blocks by their indentation as
 * YAML does. It stops at the first slip: in the first pass (`stopLine`
 * given) with the slip worded, after the first line past the parser's
 * stop; in a pass that tries a repair (`until` and `unit` given) at the
 * first line that does not fit, or after `until`.
 */
function read(src: Source, how: { stopLine: number } | { until: number; unit: number }): Reading {
  const trying = 'until' in how;
  const lines: Line[] = [];
  const blocks: Block[] = [];
  const closed: Closed[] = [];
  const steps = new Map<number, number>();
  let odd = 0;
  /** The line before opened a block (`key:`, `-`): its indentation, and whether a key opened it. */
  let open: { indent: number; byKey: boolean } | undefined;
  /** The line before ended in a plain text, which goes on on lines indented further than `owner`. */
  let plain: { owner: number; line: Line; text: string; col: number; below?: boolean } | undefined;
  /** A block text (`|`, `>`) goes on over lines indented as far as its first line (`content`), further than its key (`owner`). */
  let literal: { owner: number; content?: number; first?: Line; count: number } | undefined;
  /** Just after a block text: the indentation its lines had (or would have had), for a line of it that slipped out. */
  let afterLiteral: number | undefined;
  /** A quote or bracket still open from a line above. */
  let pending: { owner: number; line: Line; col: number; flow?: Flow; quote?: '"' | "'" } | undefined;
  // Two spaces, as kd writes its files, unless the text has mostly indented its blocks by another step.
  const unit = () => {
    if (trying) return how.unit;
    let best = 2;
    for (const [step, n] of steps) if (n >= 3 && n > (steps.get(best) ?? 0)) best = step;
    return best;
  };
  /** Where a block opened by a key or item at `parent` usually stands. */
  const usual = (parent: number) => (parent < 0 ? 0 : parent + unit());
  const stop = (met: Met, n: number): Reading => ({ met: trying ? undefined : met, reach: n, odd });

  const count = src.starts.length;
  const until = trying ? Math.min(how.until, count - 1) : count - 1;
  let last = false;
  for (let n = 0; n <= until && !last; n++) {
    const start = src.starts[n]!;
    const body = bodyAt(src, n);
    if (body.length > LINE_LOOK) return { reach: trying ? n : -1, odd };
    let indent = 0;
    while (body[indent] === ' ') indent++;
    const line: Line = { n, start, indent, body };
    const first = body[indent];
    if (first === undefined) continue;
    afterLiteral = undefined;
    if (literal !== undefined) {
      const { owner, content } = literal;
      if (content === undefined && indent > owner) {
        literal = { ...literal, content: indent, first: line, count: 1 };
        continue;
      }
      if (content !== undefined && indent >= content) {
        literal.count++;
        continue;
      }
      if (content !== undefined && indent > owner) {
        // Between the key and the text's lines: a key moved in, or a line of the text moved out (or the text's first line moved in).
        if (trying) return { reach: n, odd };
        const hard = hardSpace(body);
        if (hard !== undefined) return stop({ slip: slip('yaml.nbsp', start + hard.col, { place: hard.place }), seen: n }, n);
        const to = /^[A-Za-z_][A-Za-z0-9_-]*:(\s|$)/.test(body.slice(indent))
          ? owner
          : literal.count === 1 && indent === usual(owner) && content !== indent
            ? undefined
            : content;
        const at = to === undefined ? literal.first! : line;
        return stop({ slip: slip('yaml.indent', at.start + at.indent, { found: at.indent, expected: to ?? indent }), seen: n }, n);
      }
      afterLiteral = content ?? usual(owner);
      literal = undefined;
    }
    if (pending) {
      const closes = pending.flow ? readFlow(body, indent, pending.flow) !== -1 : closingQuoteFrom(body, indent, pending.quote!) !== -1;
      // Further right than its key, the quoted text or list goes on; at or left of it, only a line that is no key or item can close it.
      if (indent > pending.owner || first === '#' || (closes && !/^(-\s|[A-Za-z_][A-Za-z0-9_-]*:(\s|$))/.test(body.slice(indent)))) {
        if (closes) pending = undefined;
        continue;
      }
      return stop(unclosed(pending, n), n);
    }
    // Whitespace other than spaces where YAML counts the indentation.
    let lead = indent;
    while (body[lead] === '\t' || body[lead] === NBSP || body[lead] === ' ') lead++;
    const tab = body.lastIndexOf('\t', lead - 1);
    if (tab !== -1 && lead < body.length && body[lead] !== '#') return stop({ slip: slip('yaml.tab', start + tab, {}), seen: n }, n);
    // The parser takes a hard space for a letter: the line reads on, and it stops further down.
    const hard = hardSpace(body);
    if (hard !== undefined) return stop({ slip: slip('yaml.nbsp', start + hard.col, { place: hard.place }), seen: n, far: true }, n);
    if (first === '#') continue;
    if (indent === 0 && (body.startsWith('---') || body.startsWith('...'))) return { reach: trying ? n : -1, odd };
    const shape = shapeOf(body, indent);
    if (shape === undefined) return { reach: trying ? n : -1, odd };
    lines.push(line);
    line.inner = {};
    for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - LOOK_BACK); i--) line.inner[blocks[i]!.kind] ??= blocks[i]!.indent;
    while (closed.length > 0 && closed[closed.length - 1]!.by.indent >= indent) closed.pop();
    const wants = shape.items.length > 0 ? 'seq' : shape.kind === 'key' ? 'map' : 'text';
    /** The line does not fit where it stands: which line moved, and where to, is the repair that lets the pass read furthest. */
    const misfit = (before: readonly Block[], popped: readonly Block[], abandoned?: number): Reading => {
      if (trying) return { reach: n, odd };
      const met = repair(src, line, before, popped, closed, abandoned, unit());
      return met ? stop(met, n) : { reach: -1, odd };
    };

    // A line further right than a plain text above goes on with that text.
    if (plain && indent > plain.owner) {
      const above = plain;
      plain = undefined;
      if (shape.kind !== 'key') {
        // `- ` read as part of a text: the parser takes it, but it was meant as an item.
        if (shape.items.length > 0) odd++;
        continue;
      }
      if (shape.items.length === 0 && IDENT.test(shape.key) && KEY_NO_SPACE.test(above.text)) {
        // `place:Stadshuset` above is one text to YAML, which this line's key then goes on.
        return stop({ slip: colonSpace(above.line, above.col, above.line.body.indexOf(':', above.col)), seen: n }, n);
      }
      const word =
        above.below && above.line.indent === indent && shape.items.length === 0
          ? /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]+\S/.exec(above.text)
          : null;
      if (word) {
        // `name Anna Hallberg` under its key, with keys after it: the first key, without its colon.
        const found = short(above.text);
        return stop(
          { slip: slip('yaml.colon-missing', above.line.start + above.col + word[1]!.length, { key: word[1]!, found }), seen: n },
          n,
        );
      }
      if (shape.items.length === 0 && !IDENT.test(shape.key) && !/^["']/.test(shape.key)) {
        return stop(
          { slip: colonIn(line, shape.col, shape.colon, body.slice(shape.col, commentAt(body, shape.col)).trimEnd()), seen: n },
          n,
        );
      }
      return misfit(blocks.slice(), []);
    }
    plain = undefined;
    // The first line after the parser's stop that does not go on with a text above is the last one read: it may be the slip the stop was about.
    if (!trying && n > how.stopLine) last = true;

    let abandoned: number | undefined;
    if (open && (indent > open.indent || (indent === open.indent && open.byKey && shape.items.length > 0))) {
      // The first line of the block the line above opened.
      const parent = open.indent;
      open = undefined;
      if (indent > parent) steps.set(indent - parent, (steps.get(indent - parent) ?? 0) + 1);
      if (indent !== usual(parent)) odd++;
      if (wants === 'text') {
        // A text on the line below its key: the key's value.
        const hit = afterValue(line, shape.value, n);
        if (hit) return stop(hit, n);
        if (shape.value.style === 'plain') plain = { owner: parent, line, text: shape.value.text, col: shape.value.col, below: true };
        else if (shape.value.style !== 'quoted' && shape.value.style !== 'flow') return { reach: trying ? n : -1, odd };
        continue;
      }
      blocks.push({ indent, kind: wants, first: line, count: 1, parent, compact: indent === parent, item: false, ...keysOf(wants, shape) });
    } else {
      if (open) {
        // `key:` with nothing under it: an empty value, which kd's files never mean.
        abandoned = open.indent;
        odd++;
      }
      open = undefined;
      const popped: Block[] = [];
      for (let top = blocks[blocks.length - 1]; top; top = blocks[blocks.length - 1]) {
        if (top.indent > indent || (top.indent === indent && top.compact && top.kind !== wants)) popped.push(blocks.pop()!);
        else break;
      }
      for (const block of popped) closed.push({ block, by: line });
      // The block the line above opened stays empty: it is closed too, where it would have stood.
      if (abandoned !== undefined && wants !== 'text')
        closed.push({ block: { indent: usual(abandoned), kind: wants }, by: line, empty: true });
      const top = blocks[blocks.length - 1];
      if (lines.length === 1 && wants !== 'text') {
        if (indent !== 0) odd++;
        blocks.push({ indent, kind: wants, first: line, count: 1, parent: -1, compact: false, item: false, ...keysOf(wants, shape) });
      } else if (top && top.indent === indent && top.kind === wants) {
        // A key twice in a mapping: the parser reports it itself, but a repair that makes one does not fit.
        if (trying && wants === 'map' && top.keys?.has(shape.key)) return { reach: n, odd };
        top.count++;
        if (wants === 'map') top.keys?.add(shape.key);
      } else {
        const met = wrongPlace(
          line,
          shape,
          wants,
          lines.length === 1 ? { indent: 0, kind: 'map', item: false } : top,
          src.where,
          afterLiteral,
        );
        // The blocks open above the line before it closed any: copied only here, as a copy for every line of a deep text would be quadratic.
        if (met === 'moved') return misfit([...blocks, ...popped.slice().reverse()], popped, abandoned);
        if (met === undefined) return { reach: trying ? n : -1, odd };
        return stop(met, n);
      }
    }

    // What follows the markers, and the key, on the line.
    for (let i = 1; i < shape.items.length; i++) {
      blocks.push({
        indent: shape.items[i]!,
        kind: 'seq',
        first: line,
        count: 1,
        parent: shape.items[i - 1]!,
        compact: false,
        item: false,
      });
    }
    const item = shape.items[shape.items.length - 1];
    if (item !== undefined) {
      // A list of mappings that all start with the same key (the items, `- no: …`) takes no text: a text there was meant elsewhere.
      const list = blocks[blocks.length - 1]!;
      if (shape.kind === 'key' && (list.firstKey ?? shape.key) === shape.key) list.keyed = (list.keyed ?? 0) + 1;
      else if (shape.kind !== 'key' && (list.keyed ?? 0) >= 2) odd++;
    }
    if (shape.kind === 'key' && item !== undefined) {
      blocks[blocks.length - 1]!.firstKey ??= shape.key;
      blocks.push({
        indent: shape.col,
        kind: 'map',
        first: line,
        count: 1,
        parent: item,
        compact: false,
        item: true,
        keys: new Set([shape.key]),
      });
    }
    const owner = shape.kind === 'key' ? shape.col : (item ?? indent);
    if (shape.kind === 'empty' || (shape.kind === 'key' && shape.value.style === 'none')) {
      open = { indent: owner, byKey: shape.kind === 'key' };
      continue;
    }
    const hit = afterValue(line, shape.value, n);
    if (hit) return stop(hit, n);
    const value = shape.value;
    if (value.style === 'plain') plain = { owner, line, text: value.text, col: value.col };
    else if (value.style === 'block') literal = { owner, count: 0 };
    else if (value.style === 'open-quote' || value.style === 'open-flow') {
      pending = { owner, line, col: value.col, ...(value.flow ? { flow: value.flow } : { quote: value.text[0] as '"' | "'" }) };
    } else if (value.style === 'other') return { reach: trying ? n : -1, odd };
  }
  // A quote or bracket still open where the text ends.
  if (pending && until === count - 1) return stop(unclosed(pending, until), until);
  return { reach: until + 1, odd };
}

/** A quote or a bracket that its line leaves open, and no line closes. */
function unclosed(pending: { line: Line; col: number; quote?: '"' | "'" }, seen: number): Met {
  const found = short(pending.line.body.slice(pending.col).trimEnd());
  const at = pending.line.start + pending.col;
  if (pending.quote) return { slip: slip('yaml.quote-unclosed', at, { found, quote: pending.quote }), seen, far: true };
  return { slip: slip('yaml.bracket-unclosed', at, { found, close: pending.line.body[pending.col] === '{' ? '}' : ']' }), seen, far: true };
}

/** A mapping's first key, to tell a key written twice. */
function keysOf(kind: 'map' | 'seq', shape: Shape): Pick<Block, 'keys'> {
  return kind === 'map' ? { keys: new Set([shape.key]) } : {};
}

/**
 * Tries moving lines to other indentations, and keeps the move that lets a
 * pass read furthest past the line that did not fit; of moves that carry as
 * far, the one that leaves fewest blocks indented against the text's custom,
 * then the smaller move, then the earlier line. The moves tried: the line
 * itself, to each block open above it and to where the block its key above
 * opened would stand; the first line of a block that has only it so far, to
 * where such a block usually stands; and a line further left that closed
 * blocks (a key moved to the left margin), back into each of them.
 */
function repair(
  src: Source,
  line: Line,
  before: readonly Block[],
  popped: readonly Block[],
  closed: readonly Closed[],
  abandoned: number | undefined,
  unit: number,
): Met | undefined {
  const tries = new Map<string, { line: Line; to: number }>();
  const most = Math.min(REPAIRS, Math.floor(REPAIR_LINES / (line.n + RESCAN)));
  const add = (l: Line, to: number) => {
    if (to >= 0 && to !== l.indent && tries.size < most) tries.set(`${l.n} ${to}`, { line: l, to });
  };
  const usual = (parent: number) => (parent < 0 ? 0 : parent + unit);
  if (abandoned !== undefined) add(line, usual(abandoned));
  for (const b of before.slice(-LOOK_BACK)) add(line, b.indent);
  for (const b of [...popped, ...before].slice(-LOOK_BACK)) {
    if (!b.item && b.first.indent === b.indent && b.first !== line) add(b.first, usual(b.parent));
  }
  for (const c of closed.slice(-LOOK_BACK)) {
    const mover = shapeOf(c.by.body, c.by.indent);
    if (c.by.indent < line.indent && (c.empty || (mover?.kind === 'key' && mover.items.length === 0))) add(c.by, c.block.indent);
  }

  // Each repair scored, better first: how far the pass reads, how few odd blocks, whether lines of its kind stand where it would
  // (`name:` where the other names are), whether it joins the block beside it, how small the move, how early the line.
  let best: { line: Line; to: number; score: number[] } | undefined;
  for (const t of tries.values()) {
    const moved = { n: t.line.n, body: ' '.repeat(t.to) + t.line.body.slice(t.line.indent) };
    const reading = read({ ...src, moved }, { until: line.n + RESCAN, unit });
    if (reading.reach <= line.n) continue;
    const kind = shapeOf(t.line.body, t.line.indent)?.items.length ? 'seq' : 'map';
    const seen = kindOf(t.line.body);
    const familiar = seen && src.where.get(seen.kind)?.has(t.to) ? 1 : 0;
    const beside = t.line.inner?.[kind] === t.to ? 1 : 0;
    const score = [reading.reach, -reading.odd, familiar, beside, -Math.abs(t.to - t.line.indent), -t.line.n, t.to];
    if (best === undefined || isBetter(score, best.score)) best = { ...t, score };
  }
  if (best === undefined) return undefined;
  return { slip: slip('yaml.indent', best.line.start + best.line.indent, { found: best.line.indent, expected: best.to }), seen: line.n };
}

function isBetter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

function closingQuoteFrom(s: string, from: number, q: string): number {
  for (let i = from; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') i++;
    else if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** A hard space where YAML counts: in the indentation, after a list's dash or after a key's colon. */
function hardSpace(body: string): { col: number; place: 'indent' | 'dash' | 'colon' } | undefined {
  const at = body.indexOf(NBSP);
  if (at === -1) return undefined;
  let i = 0;
  while (i < at && (blank(body[i]) || (body[i] === '-' && (blank(body[i + 1]) || body[i + 1] === NBSP)))) i++;
  if (i === at) return { col: at, place: body[at - 1] === '-' ? 'dash' : 'indent' };
  if (body[at - 1] === ':' && IDENT.test(body.slice(i, at - 1))) return { col: at, place: 'colon' };
  return undefined;
}

/** The slips a value shows on its own line: a colon in a plain text, a text that goes on after its closing quote. */
function afterValue(line: Line, value: Value, seen: number): Met | undefined {
  if (value.style === 'plain') {
    const inner = value.text.search(/:(\s|$)/);
    if (inner !== -1) return { slip: colonIn(line, value.col, value.col + inner, value.text), seen };
  }
  if (value.style === 'quoted' && value.rest !== '') {
    const whole = line.body.slice(value.col, commentAt(line.body, value.col + value.text.length)).trimEnd();
    return { slip: slip('yaml.quote-rest', line.start + value.col, { found: short(whole), quote: quoteFor(whole) }), seen };
  }
  return undefined;
}

/** A colon and a space inside a text: YAML reads a key there. When the text starts with Word's quotation marks, those are the slip. */
function colonIn(line: Line, col: number, colon: number, text: string): Slip {
  if (SMART.has(text[0]!)) return slip('yaml.smart-quotes', line.start + col, { found: short(text), mark: text[0]! });
  return slip('yaml.colon', line.start + colon, { found: short(text), quote: quoteFor(text) });
}

/** `place:Stadshuset`: a key and its value without the space between, which YAML reads as one text. */
function colonSpace(line: Line, col: number, colon: number): Slip {
  const found = line.body.slice(col, commentAt(line.body, col)).trimEnd();
  return slip('yaml.colon-space', line.start + colon, { key: line.body.slice(col, colon), found: short(found) });
}

const KEY_NO_SPACE = /^[A-Za-z_][A-Za-z0-9_-]*:\S/;

/**
 * A line at an indentation where no block of its kind is open. At a list's
 * indentation, a text, or the key its items start with, is an item without
 * its dash; at a mapping's, a text is a key without its colon (or, in a
 * list item's mapping, an item without its dash). Otherwise the line, or a
 * line above it, is moved ('moved'). Undefined: the pass cannot tell.
 */
function wrongPlace(
  line: Line,
  shape: Shape,
  wants: 'map' | 'seq' | 'text',
  top: Pick<Block, 'indent' | 'kind' | 'item' | 'firstKey'> | undefined,
  where: Source['where'],
  afterLiteral: number | undefined,
): Met | 'moved' | undefined {
  const { indent, body, n: seen } = line;
  const content = body.slice(shape.col, commentAt(body, shape.col)).trimEnd();
  const at = line.start + indent;
  if (top?.indent === indent && top.kind === 'seq' && (wants === 'text' || (wants === 'map' && top.firstKey === shape.key))) {
    if (/^-[^\s-]/.test(content)) return { slip: slip('yaml.dash-space', at, { found: short(content) }), seen };
    return { slip: slip('yaml.dash', at, { found: short(content) }), seen };
  }
  if (wants !== 'text') return 'moved';
  if (top?.indent !== indent) return undefined;
  if (KEY_NO_SPACE.test(content)) return { slip: colonSpace(line, indent, body.indexOf(':', indent)), seen };
  const word = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]+\S/.exec(content);
  // A text reads as a key and its value when its word is a key of the text, or it is two words.
  const keyLike = word !== null && (where.has(`${word[1]}:`) || where.has(`-${word[1]}:`) || /^\S+\s+\S+$/.test(content));
  // Otherwise, just after a block text (`>`), it is a line of that text moved out of it.
  if (afterLiteral !== undefined && !keyLike) {
    return { slip: slip('yaml.indent', at, { found: indent, expected: afterLiteral }), seen };
  }
  // In a list item's mapping, a text that does not read as a key is an item without its dash.
  if (top.item && !keyLike) return { slip: slip('yaml.dash', at, { found: short(content) }), seen };
  if (word) return { slip: slip('yaml.colon-missing', at + word[1]!.length, { key: word[1]!, found: short(content) }), seen };
  return undefined;
}

/**
 * The slip a node of a document that parsed hides, if any. `inList` says
 * the node is an item of a block list. Called for every node; every test
 * starts with a check of a character or two.
 */
export function nodeSlip(text: string, node: Node, inList: boolean): Slip | undefined {
  const { isMap, isScalar } = yamlLib();
  if (isScalar(node)) return scalarSlip(text, node, inList);
  if (inList && isMap(node) && !node.flow) {
    const key = node.items[0]?.key;
    if (!isScalar(key) || key.type !== 'PLAIN' || typeof key.value !== 'string' || !key.range) return undefined;
    const name = key.value;
    // `- att anta planen. Bilaga: budget` is a mapping whose key has spaces in it, and `- Östra: Göinge` one of one key
    // that is no word of small ASCII letters: kd's keys are neither.
    const isText = /\s/.test(name) || SMART.has(name[0]!) || (node.items.length === 1 && !/^[a-z_][a-z0-9_-]*$/.test(name));
    if (!isText) return undefined;
    const start = key.range[0];
    const end = Math.min(text.length, start + LINE_LOOK);
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl === -1 || nl > end ? end : nl);
    const whole = line.slice(0, commentAt(line, 0)).trimEnd();
    const colon = keyColon(line, 0);
    if (SMART.has(name[0]!)) return slip('yaml.smart-quotes', start, { found: short(whole), mark: name[0]! });
    return slip('yaml.colon', start + colon, { found: short(whole), quote: quoteFor(whole) });
  }
  return undefined;
}

/** A key that starts with a hard space: the line was indented with one, which YAML reads as part of the key. */
export function keySlip(key: Scalar): Slip | undefined {
  if (typeof key.value !== 'string' || key.value[0] !== NBSP || !key.range) return undefined;
  return slip('yaml.nbsp', key.range[0], { place: 'indent' });
}

function scalarSlip(text: string, node: Scalar, inList: boolean): Slip | undefined {
  if (node.type !== 'PLAIN' || !node.range) return undefined;
  const [start, end] = node.range;
  const value = node.value;
  // A `#` straight after the value's start or a space: a comment, which YAML leaves out.
  if (node.comment !== undefined) {
    if (value === null && text[start] === '#' && !ends(text, start + 1) && text[start + 1] !== '\n' && !onItsOwnLine(text, start)) {
      const rest = lineFrom(text, start);
      return slip('yaml.hash-empty', start, { found: short(rest), quote: quoteFor(rest) });
    }
    if (typeof value === 'string' && !TOKEN.test(value)) {
      let i = end;
      while (blank(text[i]) && i - end < LINE_LOOK) i++;
      if (i > end && text[i] === '#' && !ends(text, i + 1) && text[i + 1] !== '\n') {
        const kept = text.slice(start, end);
        const whole = `${kept} ${lineFrom(text, i)}`;
        return slip('yaml.hash-cut', i, { found: short(kept), cut: short(lineFrom(text, i)), quote: quoteFor(whole) });
      }
    }
  }
  if (typeof value !== 'string' || value === '') return undefined;
  // A hard space where the line's indentation ends: YAML read it as the first letter of the text.
  if (value[0] === NBSP && onItsOwnLine(text, start)) return slip('yaml.nbsp', start, { place: 'indent' });
  // `present:` and a hard space: YAML reads the key and its value as one text, the value of the key above.
  const colon = value.indexOf(`:${NBSP}`);
  if (colon > 0 && IDENT.test(value.slice(0, colon)) && onItsOwnLine(text, start))
    return slip('yaml.nbsp', start + colon + 1, { place: 'colon' });
  // `-att anta planen` on a line of its own under its key: an item without the space after its dash, which YAML reads as a text.
  if (value[0] === '-' && /^-[^\s\d-]/.test(value) && onItsOwnLine(text, start)) {
    return slip('yaml.dash-space', start, { found: short(lineFrom(text, start)) });
  }
  if (SMART.has(value[0]!) && value.length > 1 && SMART.has(value[value.length - 1]!)) {
    return slip('yaml.smart-quotes-kept', start, { found: short(value), mark: value[0]! });
  }
  if (inList) return foldSlip(text, start, end);
  return undefined;
}

/** Whether only spaces stand before `at` on its line. */
function onItsOwnLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text[i] === ' ' && at - i < LINE_LOOK) i--;
  return i < 0 || text[i] === '\n';
}

/** The rest of the line from `from`, trimmed, at most LINE_LOOK characters. */
function lineFrom(text: string, from: number): string {
  const window = text.slice(from, from + LINE_LOOK);
  const nl = window.indexOf('\n');
  return (nl === -1 ? window : window.slice(0, nl)).trimEnd();
}

/**
 * A list item's plain text that goes on over lines: a line of it that starts
 * with `- ` was meant as an item of its own, one step too far right; a line
 * set where the item's text starts, after a line that ends a sentence, was
 * probably meant as an item too, without its dash.
 */
function foldSlip(text: string, start: number, end: number): Slip | undefined {
  let nl = text.indexOf('\n', start);
  if (nl === -1 || nl >= end) return undefined;
  // The item's dash, before the text on the first line.
  let dash = start - 1;
  while (dash >= 0 && start - dash < LINE_LOOK && blank(text[dash])) dash--;
  if (text[dash] !== '-') return undefined;
  const lineStart = text.lastIndexOf('\n', dash) + 1;
  const dashCol = dash - lineStart;
  const textCol = start - lineStart;
  let prev = start;
  while (nl !== -1 && nl < end) {
    const from = nl + 1;
    let i = from;
    while (text[i] === ' ' && i - from < LINE_LOOK) i++;
    const lineEnd = text.slice(prev, nl).trimEnd();
    if (text[i] === '-' && ends(text, i + 1)) {
      // Items below that stand where this one does: the first item is the one moved.
      const next = text.indexOf('\n', i);
      let j = next + 1;
      while (next !== -1 && next < end && text[j] === ' ' && j - next < LINE_LOOK) j++;
      if (next !== -1 && next < end && j - next - 1 === i - from && text[j] === '-' && ends(text, j + 1)) {
        return slip('yaml.indent', dash, { found: dashCol, expected: i - from });
      }
      // So does the item right under a `key:` whose list would stand where this line does.
      const above =
        lineStart >= 1 ? text.slice(Math.max(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1 - LINE_LOOK), lineStart - 1) : '';
      const key = /^( *)[^\s#-][^#]*:$/.exec(above.trimEnd());
      if (key && i - from === key[1]!.length + 2) return slip('yaml.indent', dash, { found: dashCol, expected: i - from });
      return slip('yaml.indent', i, { found: i - from, expected: dashCol });
    }
    if (i - from === textCol && /[.!?]$/.test(lineEnd)) return slip('yaml.dash-fold', i, { found: short(lineFrom(text, i)) });
    prev = i;
    nl = text.indexOf('\n', i);
  }
  return undefined;
}

interface SlipEntry {
  severity: Severity;
  /** What the secretary wrote, and where kd finds it: 'stopped' where the parser stopped, 'parsed' in a text it took. */
  found: readonly ('stopped' | 'parsed')[];
  /** Failing examples, run by the rule tester and shown by `kd explain`. */
  examples: readonly NotOkExample[];
}

/**
 * The table of slips. Each names what it is, where kd finds it, how bad it
 * is (an error for what cannot be what was meant, a warning where it may
 * be), and the examples that show it; the message (catalogue key) says
 * what was expected, what was found and what to do.
 */
export const SLIPS = {
  // A tab in the indentation: YAML counts only spaces. At the tab.
  'yaml.tab': {
    severity: 'error',
    found: ['stopped'],
    examples: [
      {
        // Indented with a tab instead of spaces.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['  present:', '\tpresent:']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 12, column: 1, key: 'yaml.tab', data: {} }],
      },
    ],
  },
  // A hard space (U+00A0) from Word or e-mail in the indentation, after a dash or after a colon. At the hard space.
  'yaml.nbsp': {
    severity: 'error',
    found: ['stopped', 'parsed'],
    examples: [
      {
        // The owner pasted from an e-mail, with a hard space after the colon.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['owner: sara-sund', 'owner:\u00a0sara-sund']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 18, column: 15, key: 'yaml.nbsp', data: { place: 'colon' } }],
      },
    ],
  },
  // `place: Stadshuset: Berga`, `- att anta planen. Bilaga: budget`: a colon and a space in a text. At the colon.
  'yaml.colon': {
    severity: 'error',
    found: ['stopped', 'parsed'],
    examples: [
      {
        // A colon in the decision: the parser stops at it.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['förslag till avtal.', 'förslag: larmavtal.']) },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 17,
            column: 53,
            key: 'yaml.colon',
            data: { found: 'att sekretariatet tar fram ett förslag: larmavtal.', quote: '"' },
          },
        ],
      },
      {
        // A colon in a decision of its own: the parser reads a key "att anta planen. Bilaga" with the value "budget 2024".
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            'due: 2024-04-30',
            'due: 2024-04-30\n      - att anta planen. Bilaga: budget 2024',
          ]),
        },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 20,
            column: 32,
            key: 'yaml.colon',
            data: { found: 'att anta planen. Bilaga: budget 2024', quote: '"' },
          },
        ],
      },
    ],
  },
  // `- ”att anta planen: budget”`: Word's quotation marks meant as quotes, around a text with a colon. At the first mark.
  'yaml.smart-quotes': {
    severity: 'error',
    found: ['stopped', 'parsed'],
    examples: [
      {
        // The decision copied from Word with its quotation marks.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['due: 2024-04-30', 'due: 2024-04-30\n      - ”att anta planen: budget 2024”']),
        },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 20,
            column: 9,
            key: 'yaml.smart-quotes',
            data: { found: '”att anta planen: budget 2024”', mark: '”' },
          },
        ],
      },
    ],
  },
  // `place: "Kommunhuset" i Alby`: a text that starts with a quote and goes on after it. At the opening quote.
  'yaml.quote-rest': {
    severity: 'error',
    found: ['stopped'],
    examples: [
      {
        // The building's name in quotes, and the rest of the place after them.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['place: Kommunhuset, Alby', 'place: "Kommunhuset" i Alby']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 6, column: 8, key: 'yaml.quote-rest', data: { found: '"Kommunhuset" i Alby', quote: "'" } },
        ],
      },
    ],
  },
  // `place: "Kommunhuset, Alby` with no closing quote: the parser runs on to the next quote. At the opening quote.
  'yaml.quote-unclosed': {
    severity: 'error',
    found: ['stopped'],
    examples: [
      {
        // The closing quote forgotten: the parser reads on to the end of the front matter.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['place: Kommunhuset, Alby', 'place: "Kommunhuset, Alby']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 6, column: 8, key: 'yaml.quote-unclosed', data: { found: '"Kommunhuset, Alby', quote: '"' } },
        ],
      },
    ],
  },
  // `present: [astrid-alm, bertil-bok` with no closing bracket. At the opening bracket.
  'yaml.bracket-unclosed': {
    severity: 'error',
    found: ['stopped'],
    examples: [
      {
        // The list of those present left open.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['doris-dal, sara-sund]', 'doris-dal, sara-sund']) },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 12,
            column: 12,
            key: 'yaml.bracket-unclosed',
            data: { found: '[astrid-alm, bertil-bok, doris-dal, sara-sund', close: ']' },
          },
        ],
      },
    ],
  },
  // `place:Kommunhuset`: no space after the colon. At the colon.
  'yaml.colon-space': {
    severity: 'error',
    found: ['stopped'],
    examples: [
      {
        // The place typed without the space.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['place: Kommunhuset', 'place:Kommunhuset']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 6, column: 6, key: 'yaml.colon-space', data: { key: 'place', found: 'place:Kommunhuset, Alby' } },
        ],
      },
    ],
  },
  // `place Kommunhuset`: a key without its colon. Where the colon goes.
  'yaml.colon-missing': {
    severity: 'error',
    found: ['stopped'],
    examples: [
      {
        // The colon after the key forgotten.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['place: Kommunhuset', 'place Kommunhuset']) },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 6,
            column: 6,
            key: 'yaml.colon-missing',
            data: { key: 'place', found: 'place Kommunhuset, Alby' },
          },
        ],
      },
    ],
  },
  // A line a few steps too far in or out, or a key moved to the left margin (the parser stops a line or more below): at
  // the line that moved, with the steps to the indentation of its block, the repair that lets the rest be read.
  'yaml.indent': {
    severity: 'error',
    found: ['stopped', 'parsed'],
    examples: [
      {
        // The owner indented one space too little.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['        owner:', '       owner:']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 18, column: 8, key: 'yaml.indent', data: { found: 7, expected: 8 } }],
      },
      {
        // The owner moved to the left margin: the parser stops at the next line, the slip is this one.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['        owner:', 'owner:']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 18, column: 1, key: 'yaml.indent', data: { found: 0, expected: 8 } }],
      },
    ],
  },
  // An item without its dash, at the list's indentation or at its items' text. At the line.
  'yaml.dash': {
    severity: 'error',
    found: ['stopped'],
    examples: [
      {
        // A second decision written without its dash.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['due: 2024-04-30', 'due: 2024-04-30\n      att anta budgeten.']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 20, column: 7, key: 'yaml.dash', data: { found: 'att anta budgeten.' } }],
      },
    ],
  },
  // `-att anta budgeten.`: a dash without its space. At the dash.
  'yaml.dash-space': {
    severity: 'error',
    found: ['stopped', 'parsed'],
    examples: [
      {
        // A second decision without the space after its dash.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['due: 2024-04-30', 'due: 2024-04-30\n      -att anta budgeten.']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 20, column: 7, key: 'yaml.dash-space', data: { found: '-att anta budgeten.' } }],
      },
    ],
  },
  // `- #2 i handlingsplanen antogs.`: a value that starts with `#` is a comment, and the value is empty. At the `#`.
  'yaml.hash-empty': {
    severity: 'error',
    found: ['parsed'],
    examples: [
      {
        // A decision that starts with a number sign.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['due: 2024-04-30', 'due: 2024-04-30\n      - #2 i handlingsplanen antogs.']),
        },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 20,
            column: 9,
            key: 'yaml.hash-empty',
            data: { found: '#2 i handlingsplanen antogs.', quote: '"' },
          },
        ],
      },
    ],
  },
  // `- att anta handlingsplan #2`: a `#` and a word straight after it, after a text of words; the rest of the line is a comment.
  // A comment after a date, time, number or id (`time: 09:00-11:30 #kaffe`), or `# ` with a space, is taken as meant. At the `#`.
  'yaml.hash-cut': {
    severity: 'warning',
    found: ['parsed'],
    examples: [
      {
        // The decision loses "#2": the parser reads "att anta handlingsplan".
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['due: 2024-04-30', 'due: 2024-04-30\n      - att anta handlingsplan #2']) },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 20,
            column: 32,
            key: 'yaml.hash-cut',
            data: { found: 'att anta handlingsplan', cut: '#2', quote: '"' },
          },
        ],
      },
    ],
  },
  // `place: ”Kommunhuset, Alby”`: a text inside Word's quotation marks, which stay in the text. At the first mark.
  'yaml.smart-quotes-kept': {
    severity: 'warning',
    found: ['parsed'],
    examples: [
      {
        // The place in Word's quotation marks: they become part of it.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['place: Kommunhuset, Alby', 'place: ”Kommunhuset, Alby”']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 6, column: 8, key: 'yaml.smart-quotes-kept', data: { found: '”Kommunhuset, Alby”', mark: '”' } },
        ],
      },
    ],
  },
  // A list item's text that goes on over a line set under its text after a line that ends a sentence: an item without
  // its dash, or a text broken over lines. At the line.
  'yaml.dash-fold': {
    severity: 'warning',
    found: ['parsed'],
    examples: [
      {
        // Two decisions, the second without its dash: the parser reads one decision "att anta planen. att anta budgeten.".
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            'due: 2024-04-30',
            'due: 2024-04-30\n      - att anta planen.\n        att anta budgeten.',
          ]),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 21, column: 9, key: 'yaml.dash-fold', data: { found: 'att anta budgeten.' } }],
      },
    ],
  },
} satisfies Record<SlipKey, SlipEntry>;

type SlipOf<S extends Severity> = { [K in SlipKey]: (typeof SLIPS)[K]['severity'] extends S ? K : never }[SlipKey];

function withSeverity<S extends Severity>(severity: S): Record<SlipOf<S>, S> {
  return Object.fromEntries(Object.entries(SLIPS).flatMap(([key, s]) => (s.severity === severity ? [[key, severity]] : []))) as Record<
    SlipOf<S>,
    S
  >;
}

/** The slips' messages that are errors: they belong to the rule yaml-syntax, which gives them with the parser's own. */
export const SLIP_ERRORS = withSeverity('error');

/** The failing examples of the slips of one severity, for the rule their messages belong to. */
export function slipExamples(severity: Severity): NotOkExample[] {
  return Object.values(SLIPS as Record<SlipKey, SlipEntry>).flatMap((s) => (s.severity === severity ? s.examples : []));
}

/** Text that YAML reads otherwise than it looks, though it may be what was meant: a warning, and the file is read on. */
export const yamlSlipRule = defineRule({
  id: 'yaml-slip',
  messages: withSeverity('warning'),
  examples: {
    ok: [
      // A comment straight after a time is a comment; Swedish quotation marks inside a text are the text's.
      {
        files: {
          [EXAMPLE_PROTOCOL]: changed(
            EXAMPLE_PROTOCOL,
            ['time: "09:00-11:30"', 'time: 09:00-11:30 #kaffe från 08:30'],
            ['place: Kommunhuset, Alby', 'place: Kommunhuset, sal ”Ekan”, Alby'],
          ),
        },
      },
      // A decision broken over two lines in the middle of its sentence.
      {
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            'due: 2024-04-30',
            'due: 2024-04-30\n      - att anta planen\n        och budgeten.',
          ]),
        },
      },
    ],
    notOk: slipExamples('warning'),
  },
});
