import { SMART } from './slips.js';
import type { PlaceTable } from './yaml.js';

/**
 * A reader for the YAML kd itself writes, and secretaries write like it: a
 * block mapping of simple keys, block lists of texts and of `- key: value`
 * items, single-line flow lists and maps, plain and quoted texts on one
 * line, integers, `true` and `false`, whole-line comments and `# ` comments
 * after a value, and a folded text (`key: >`) of lines at one indentation.
 * The strict reader (yaml.ts) builds the whole YAML tree, a position table
 * from it, and looks for slips; for this plain subset one pass over the
 * lines gives the same value and positions several times faster.
 *
 * It is a gate, not a parser of YAML: whatever it is not sure it reads
 * exactly as the strict reader does, with not a single finding there, it
 * refuses, and the strict reader reads the text. A refusal costs time; an
 * acceptance that reads otherwise would be a wrong answer. So it refuses
 * tabs, CR, a BOM, control and non-ASCII space characters anywhere;
 * anchors, aliases, tags, `?` keys, `|` texts, document markers and
 * directives (none of them start a key or a value it takes); a key
 * written twice; a `key:` with no value; a text over more than one line
 * (other than the folded kind above); any plain text YAML 1.2's core
 * schema reads as something other than a text, an integer, `true` or
 * `false`; and every family of text the slips of slips.ts look for in a
 * parsed text (a comment straight after `#`, a text that starts with `-`
 * or a typographic quote, a `- key: value` item whose key is no small
 * word, a hard space).
 *
 * One pass over the lines with a stack of the blocks open, each character
 * looked at a bounded number of times: linear in the text, whatever it
 * holds. The only regular expressions are one character class over the
 * whole text and one over each key (at most KEY_MAX characters).
 */

/**
 * Characters after which the text is left to the strict reader: tab (YAML
 * refuses it in indentation, slips read it), CR, controls, C1 controls
 * with NEL, hard and other non-ASCII spaces, zero-width and direction
 * marks, line and paragraph separators, BOM, specials and lone surrogates
 * (a pair, an emoji, is fine: the `u` flag matches whole code points).
 */
const REFUSED =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff0-\uffff\ud800-\udfff]/u;

/** Keys the core schema reads as a boolean or null, and the one that sets a JS object's prototype. */
const RESERVED_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__']);
/** Plain words the core schema reads as null or a boolean, other than the `true` and `false` taken. */
const RESERVED_WORDS = new Set(['True', 'TRUE', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** The first key of a `- key: value` item: a small word, else nodeSlip may take the item for a text with a colon. */
const ITEM_KEY = /^[a-z_][a-z0-9_-]*$/;
/** A longer key is refused: YAML limits an implicit key to 1024 characters, and a path is built from keys. */
const KEY_MAX = 100;
/** Flow collections nested deeper than this are refused (the reader of flow collections recurses). */
const FLOW_DEPTH = 8;
/** Longer runs of digits are refused: they may be more than a double holds exactly. */
const INT_DIGITS = 15;

const SPACE = 0x20;
const HASH = 0x23;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COMMA = 0x2c;
const DASH = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const GREATER = 0x3e;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const UNDERSCORE = 0x5f;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const isDigit = (c: number) => c >= ZERO && c <= NINE;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isKeyChar = (c: number) => isLetter(c) || isDigit(c) || c === UNDERSCORE || c === DASH;
const isBracket = (c: number) => c === OPEN_BRACKET || c === CLOSE_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE;

/**
 * The value of a plain text as the core schema reads it, or undefined when
 * it may be read as anything but a text, a decimal integer, `true` or
 * `false`: only a text that starts with a letter or a digit is taken. So
 * this is also where an empty value (`- # x`, `[a, ]`, `{ a: }`) and one
 * that starts with an indicator (`- - a`, `-x`, `&a`, `*a`, `!t`, `|`, `%`,
 * `@`, `?`, `~`) are refused.
 */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if (isDigit(c)) {
    let j = 1;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
    // 007 is 7, and 0x10, 0o7, 1.5, 1e3 are numbers: refused; 2024-01-01 and 09:00 are texts.
    if (j === s.length) return (c !== ZERO || j === 1) && j <= INT_DIGITS ? Number(s) : undefined;
    return '.eExXoO'.includes(s[j]!) ? undefined : s;
  }
  if (isLetter(c)) {
    if (s === 'true') return true;
    if (s === 'false') return false;
    return RESERVED_WORDS.has(s) ? undefined : s;
  }
  return c >= 0x80 && !SMART.has(s[0]!) ? s : undefined;
}

interface MapFrame {
  kind: 'map';
  /** Column (0-based) of its keys. */
  indent: number;
  path: string;
  value: Record<string, unknown>;
}

interface SeqFrame {
  kind: 'seq';
  /** Column (0-based) of its dashes. */
  indent: number;
  path: string;
  value: unknown[];
}

type Frame = MapFrame | SeqFrame;

/** A `key:` with nothing after it: its value is the block on the lines below. */
interface Open {
  owner: MapFrame;
  key: string;
  path: string;
  keyLine: number;
  keyColumn: number;
}

/** A folded text (`key: >`) being read: its lines, all at one indentation. */
interface Folded {
  owner: Record<string, unknown>;
  key: string;
  /** Its key's mapping's indentation: its lines stand further in. */
  above: number;
  /** Its lines' indentation, -1 before the first. */
  indent: number;
  parts: string[];
}

class Reader {
  readonly places: PlaceTable = {};
  /** The line being read: its number in the file, its start, and the end of its text without trailing spaces. */
  line = 0;
  start = 0;
  stop = 0;
  /** The flow and quote readers' position. */
  at = 0;
  open: Open | undefined;
  folded: Folded | undefined;

  constructor(
    readonly text: string,
    readonly firstLine: number,
    /** Whether to record places: a file read for its values only (the most) makes no key paths. */
    readonly keep: boolean,
  ) {}

  read(): { value: unknown; places: PlaceTable } | undefined {
    const { text } = this;
    const stack: Frame[] = [];
    let root: MapFrame | undefined;
    for (let start = 0, line = this.firstLine; start < text.length; line++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      let stop = end;
      while (stop > i && text.charCodeAt(stop - 1) === SPACE) stop--;
      this.line = line;
      this.start = start;
      this.stop = stop;
      const indent = i - start;
      start = end + 1;

      const folded = this.folded;
      if (folded) {
        const inside = folded.indent === -1 ? indent > folded.above : indent === folded.indent;
        if (inside && i < stop) {
          // Trailing spaces are kept in a folded text: refused rather than reproduced.
          if (stop !== end) return undefined;
          folded.indent = indent;
          folded.parts.push(text.slice(i, end));
          continue;
        }
        // A blank line, a line further in, a comment: folding rules not reproduced here.
        if (folded.indent === -1 || i === stop || indent > folded.indent || text.charCodeAt(i) === HASH) return undefined;
        folded.owner[folded.key] = `${folded.parts.join(' ')}\n`;
        this.folded = undefined;
      }
      if (i === stop || text.charCodeAt(i) === HASH) continue;

      const dash = text.charCodeAt(i) === DASH && i + 1 < stop && text.charCodeAt(i + 1) === SPACE;
      const open = this.open;
      if (open) {
        // The block of the `key:` above: a list, or a mapping, further in.
        if (indent <= open.owner.indent) return undefined;
        if (this.keep) this.places[open.path] = [line, indent + 1, open.keyLine, open.keyColumn];
        const frame: Frame = dash
          ? { kind: 'seq', indent, path: open.path, value: [] }
          : { kind: 'map', indent, path: open.path, value: {} };
        open.owner.value[open.key] = frame.value;
        stack.push(frame);
        this.open = undefined;
      } else if (root === undefined) {
        if (indent !== 0) return undefined;
        root = { kind: 'map', indent: 0, path: '', value: {} };
        if (this.keep) this.places[''] = [line, 1];
        stack.push(root);
      } else {
        while (stack.at(-1)!.indent > indent) stack.pop();
      }
      const top = stack.at(-1)!;
      if (top.indent !== indent) return undefined;
      if (top.kind === 'map') {
        if (!this.entry(top, i)) return undefined;
        continue;
      }
      if (!dash) return undefined;
      let c = i + 1;
      while (text.charCodeAt(c) === SPACE) c++;
      const path = this.keep ? `${top.path}[${top.value.length}]` : '';
      if (this.keep) this.places[path] = [line, c - this.start + 1];
      const colon = this.keyEnd(c, stop);
      if (colon !== -1) {
        // `- key: value`, and the item's other keys on the lines below at the key's column.
        if (!ITEM_KEY.test(text.slice(c, colon))) return undefined;
        const map: MapFrame = { kind: 'map', indent: c - this.start, path, value: {} };
        top.value.push(map.value);
        stack.push(map);
        if (!this.entry(map, c)) return undefined;
        continue;
      }
      const value = this.inline(c, path);
      if (value === undefined) return undefined;
      top.value.push(value);
    }
    if (this.open || root === undefined) return undefined;
    if (this.folded) {
      if (this.folded.indent === -1 || !text.endsWith('\n')) return undefined;
      this.folded.owner[this.folded.key] = `${this.folded.parts.join(' ')}\n`;
    }
    return { value: root.value, places: this.places };
  }

  /**
   * Where the colon of a key at `k` stands, when a key stands there: a word
   * of ASCII letters, digits, `_` and `-` that starts with a letter or `_`,
   * then `:` and a space or the line's end. Otherwise -1.
   */
  keyEnd(k: number, stop: number): number {
    const { text } = this;
    const c = text.charCodeAt(k);
    if (!isLetter(c) && c !== UNDERSCORE) return -1;
    let j = k + 1;
    while (j < stop && isKeyChar(text.charCodeAt(j))) j++;
    if (j >= stop || j - k > KEY_MAX || text.charCodeAt(j) !== COLON) return -1;
    if (j + 1 < stop && text.charCodeAt(j + 1) !== SPACE) return -1;
    return RESERVED_KEYS.has(text.slice(k, j)) ? -1 : j;
  }

  /** One `key: value` of a block mapping, at `k`; false when refused. */
  entry(frame: MapFrame, k: number): boolean {
    const { text, stop } = this;
    const colon = this.keyEnd(k, stop);
    if (colon === -1) return false;
    const key = text.slice(k, colon);
    if (Object.hasOwn(frame.value, key)) return false;
    const path = !this.keep ? '' : frame.path === '' ? key : `${frame.path}.${key}`;
    const keyColumn = k - this.start + 1;
    if (colon + 1 === stop) {
      this.open = { owner: frame, key, path, keyLine: this.line, keyColumn };
      return true;
    }
    let v = colon + 1;
    while (text.charCodeAt(v) === SPACE) v++;
    if (this.keep) this.places[path] = [this.line, v - this.start + 1, this.line, keyColumn];
    const c = text.charCodeAt(v);
    if (c === GREATER) {
      if (v + 1 !== stop) return false;
      // Set now so that the key keeps its place among the mapping's keys.
      frame.value[key] = '';
      this.folded = { owner: frame.value, key, above: frame.indent, indent: -1, parts: [] };
      return true;
    }
    const value = this.inline(v, path);
    if (value === undefined) return false;
    frame.value[key] = value;
    return true;
  }

  /** The value at `v` in a block, which runs to the line's end or a `# ` comment; undefined when refused. */
  inline(v: number, path: string): unknown {
    const { text, stop } = this;
    const c = text.charCodeAt(v);
    let value: unknown;
    let end: number;
    this.at = v;
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      value = this.flow(path, 0);
      end = this.at;
    } else if (c === QUOTE || c === APOSTROPHE) {
      value = this.quoted();
      end = this.at;
    } else {
      end = stop;
      for (let j = v; j < stop; j++) {
        const d = text.charCodeAt(j);
        // `: ` makes a key of the text before it (a slip in a list); brackets in a plain text are left to the strict reader.
        if ((d === COLON && (j + 1 === stop || text.charCodeAt(j + 1) === SPACE)) || isBracket(d)) return undefined;
        if (d === HASH && text.charCodeAt(j - 1) === SPACE) {
          end = j - 1;
          while (text.charCodeAt(end - 1) === SPACE) end--;
          break;
        }
      }
      value = resolvePlain(text.slice(v, end));
    }
    return value !== undefined && this.restIsComment(end) ? value : undefined;
  }

  /** Whether the line holds nothing from `j` on but spaces and perhaps a comment `# …` after one of them (`#word` is a slip). */
  restIsComment(j: number): boolean {
    const { text, stop } = this;
    let k = j;
    while (k < stop && text.charCodeAt(k) === SPACE) k++;
    if (k === stop) return true;
    return text.charCodeAt(k) === HASH && k > j && (k + 1 === stop || text.charCodeAt(k + 1) === SPACE);
  }

  spaces(): void {
    while (this.at < this.stop && this.text.charCodeAt(this.at) === SPACE) this.at++;
  }

  /** The flow collection whose bracket is at `this.at`, closed on this line; `this.at` ends past its closing bracket. */
  flow(path: string, depth: number): unknown[] | Record<string, unknown> | undefined {
    if (depth > FLOW_DEPTH) return undefined;
    const { text } = this;
    const list = text.charCodeAt(this.at) === OPEN_BRACKET;
    const close = list ? CLOSE_BRACKET : CLOSE_BRACE;
    this.at++;
    this.spaces();
    const seq: unknown[] = [];
    const map: Record<string, unknown> = {};
    if (text.charCodeAt(this.at) === close) {
      this.at++;
      return list ? seq : map;
    }
    for (;;) {
      if (list) {
        const item = this.keep ? `${path}[${seq.length}]` : '';
        if (this.keep) this.places[item] = [this.line, this.at - this.start + 1];
        const value = this.flowValue(item, depth);
        if (value === undefined) return undefined;
        seq.push(value);
      } else {
        const k = this.at;
        const colon = this.keyEnd(k, this.stop);
        // `{ a:b }` and `{ a: }` are not what kd writes.
        if (colon === -1 || colon + 1 === this.stop) return undefined;
        const key = text.slice(k, colon);
        if (Object.hasOwn(map, key)) return undefined;
        this.at = colon + 1;
        this.spaces();
        const child = !this.keep ? '' : path === '' ? key : `${path}.${key}`;
        if (this.keep) this.places[child] = [this.line, this.at - this.start + 1, this.line, k - this.start + 1];
        const value = this.flowValue(child, depth);
        if (value === undefined) return undefined;
        map[key] = value;
      }
      this.spaces();
      const c = text.charCodeAt(this.at);
      this.at++;
      if (c === close) return list ? seq : map;
      if (c !== COMMA) return undefined;
      this.spaces();
    }
  }

  /** A value inside a flow collection, at `this.at`: a nested collection, a quoted text or a plain one ended by `,`, `]` or `}`. */
  flowValue(path: string, depth: number): unknown {
    const { text, stop } = this;
    const c = text.charCodeAt(this.at);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return this.flow(path, depth + 1);
    if (c === QUOTE || c === APOSTROPHE) return this.quoted();
    const from = this.at;
    let j = from;
    for (; j < stop; j++) {
      const d = text.charCodeAt(j);
      if (d === COMMA || d === CLOSE_BRACKET || d === CLOSE_BRACE) break;
      if (d === OPEN_BRACKET || d === OPEN_BRACE || (d === HASH && text.charCodeAt(j - 1) === SPACE)) return undefined;
      if (d === COLON) {
        const n = j + 1 < stop ? text.charCodeAt(j + 1) : SPACE;
        if (n === SPACE || n === COMMA || isBracket(n)) return undefined;
      }
    }
    let end = j;
    while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
    this.at = j;
    return resolvePlain(text.slice(from, end));
  }

  /** A quoted text at `this.at` that closes on this line (`\"` and `\\` the only escapes taken); `this.at` ends past it. */
  quoted(): string | undefined {
    const { text, stop } = this;
    const quote = text.charCodeAt(this.at);
    let out = '';
    let from = this.at + 1;
    for (let j = from; j < stop; j++) {
      const c = text.charCodeAt(j);
      if (quote === QUOTE && c === BACKSLASH) {
        const n = text.charCodeAt(j + 1);
        if (n !== QUOTE && n !== BACKSLASH) return undefined;
        out += text.slice(from, j);
        from = ++j;
      } else if (c === quote) {
        if (quote === APOSTROPHE && text.charCodeAt(j + 1) === APOSTROPHE) {
          out += text.slice(from, ++j);
          from = j + 1;
          continue;
        }
        this.at = j + 1;
        return out + text.slice(from, j);
      }
    }
    return undefined;
  }
}

/**
 * The value and compact positions of a YAML text the strict reader would
 * take without a single finding, or undefined when the text is not plainly
 * of the shapes kd writes. With `places: false` the places are left empty:
 * what is accepted, and the value, are the same.
 */
export function fastYaml(text: string, firstLine = 1, { places = true } = {}): { value: unknown; places: PlaceTable } | undefined {
  if (REFUSED.test(text)) return undefined;
  try {
    return new Reader(text, firstLine, places).read();
  } catch {
    // Not expected (the tests look for it); should it happen, the strict reader reads the text.
    return undefined;
  }
}
