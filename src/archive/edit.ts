import { Document, isMap, isScalar, isSeq, type Node, type Pair, parseDocument, Scalar, visit, type YAMLMap, YAMLSeq } from 'yaml';
import type { Person, Term } from '../schema/index.js';

/**
 * The YAML kd writes into an archive: kd init's first files, the edits of
 * files a secretariat also edits by hand (people.yml, network.yml), and the
 * front matter of the protocols kd makes. An edit takes a file's text and
 * returns the new text; what it adds is one flow-style line an entry, like
 * the lines the files are written in, and no line is ever folded.
 *
 * An edit of network.yml changes the text only where the edit is (a `to:`
 * after a membership's `from:`, a line after the last entry), so a folded
 * `mission: >`, a list written `[a, b]`, comments and every other byte stay
 * as the secretariat wrote them; writing the whole tree out again would
 * unfold the first and pad the second. An edit of people.yml likewise only
 * adds a line at the end for each new person.
 */

/** A new entry in people.yml. */
export interface NewPersonEntry {
  id: string;
  person: Person;
}

/** A new membership on a network's roster. */
export interface NewMember {
  person: string;
  from: string;
  acting?: true;
}

/** A change to network.yml's roster: memberships that end, and members that join. */
export interface RosterChange {
  /** Positions in `roster` of the memberships that end, on `endsOn`. */
  ending: readonly number[];
  endsOn: string;
  /** Added after the last membership. */
  joining: readonly NewMember[];
}

/** A term added to network.yml, with the memberships it ends and the members it brings in. */
export interface TermChange extends RosterChange {
  term: Term;
}

function written(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

/** A new YAML file (kd init's), with a comment at the top for whoever opens it. */
export function newYamlFile(data: unknown, comment: string): string {
  const doc = new Document(data);
  doc.commentBefore = ` ${comment}`;
  return written(doc);
}

const flow = (doc: Document, value: unknown) => doc.createNode(value, { flow: true });

/** people.yml with the people added after the others, one line each (an id already there is replaced). */
export function addPeople(text: string, people: readonly NewPersonEntry[]): string {
  return inPlace(text, (doc, at) => {
    // A file that does not end its last line gets the line end first.
    let tail = at.text.length === 0 || at.text.endsWith('\n') ? '' : at.eol;
    for (const { id, person } of people) {
      const top = doc.contents;
      if (top === null || (isMap(top) && !top.flow && !pairOf(top, id))) {
        at.splice(at.text.length, at.text.length, `${tail}${id}: ${flowText(person)}${at.eol}`);
        tail = '';
      } else at.fail();
      doc.set(id, flow(doc, person));
    }
  });
}

/** kd.yml with labels added at the end of `owners` (those already there are not repeated); the labels are ids, which need no quoting. */
export function addOwners(text: string, labels: readonly string[]): string {
  const current = (parseDocument(text).toJS() as { owners?: string[] } | null)?.owners;
  const added = [...new Set(labels)].filter((label) => !current?.includes(label));
  if (added.length === 0) return text;
  // A new list is written whole at the end; an existing one gets its new entries after its last.
  if (current === undefined)
    return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}owners:\n${added.map((l) => `  - ${l}\n`).join('')}`;
  return inPlace(text, (doc, at) => {
    for (const label of added) append(doc, at, 'owners', label);
  });
}

/**
 * A protocol's front matter (the YAML between the `---` lines) approved:
 * `status: justerat`, and the approval record on the line after it. Only
 * those lines change.
 */
export function approveFrontMatter(yaml: string, approval: Record<string, unknown>): string {
  return inPlace(yaml, (doc, at) => {
    const map = doc.contents;
    const i = isMap(map) ? map.items.findIndex((p) => isScalar(p.key) && p.key.value === 'status') : -1;
    const status = i >= 0 ? (map as YAMLMap).items[i]!.value : undefined;
    if (!isMap(map) || !isScalar(status) || !status.range || map.flow) {
      at.fail();
      doc.set('status', 'justerat');
      doc.set('approval', flow(doc, approval));
      return;
    }
    at.splice(status.range[0], status.range[1], 'justerat');
    status.value = 'justerat';
    const end = lineEnd(at.text, status.range[1]);
    at.splice(end, end, `${at.eol}approval: ${flowText(approval)}`);
    map.items.splice(i + 1, 0, doc.createPair('approval', flow(doc, approval)) as Pair);
  });
}

/** network.yml with the roster changed: the ending memberships get their `to`, the joining members come last. */
export function changeRoster(text: string, change: RosterChange): string {
  return inPlace(text, (doc, at) => rosterEdit(doc, at, change));
}

/** network.yml with a new term: the roster changed as in changeRoster, and the term added after the others. */
export function addTerm(text: string, change: TermChange): string {
  return inPlace(text, (doc, at) => {
    rosterEdit(doc, at, change);
    append(doc, at, 'terms', change.term);
  });
}

// --- Edits in place ------------------------------------------------------

/** A piece of the original text replaced: [from, to) by `text`. */
interface Splice {
  from: number;
  to: number;
  text: string;
}

/** What an edit needs to change the text where it changes the tree; `fail()` when it meets a layout it does not know. */
interface Places {
  text: string;
  eol: string;
  splice(from: number, to: number, text: string): void;
  fail(): void;
}

/**
 * Runs an edit on the tree and, alongside, as splices of the text. The
 * spliced text is kept when it reads back as exactly the edited tree;
 * otherwise (a layout the splices do not know, such as a roster written as
 * one flow list) the tree is written out whole, which is always right.
 */
function inPlace(text: string, edit: (doc: Document, at: Places) => void): string {
  const doc = parseDocument(text);
  const splices: Splice[] = [];
  let failed = false;
  edit(doc, {
    text,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    splice: (from, to, t) => splices.push({ from, to, text: t }),
    fail: () => {
      failed = true;
    },
  });
  if (!failed && doc.errors.length === 0) {
    let out = text;
    // From the end, so that each splice's offsets are still those of the original text; of two at one place the later first, so it ends up after.
    const order = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.from - a.from || b.i - a.i);
    for (const s of order) out = out.slice(0, s.from) + s.text + out.slice(s.to);
    const back = parseDocument(out);
    if (back.errors.length === 0 && JSON.stringify(back.toJS()) === JSON.stringify(doc.toJS())) return out;
  }
  return written(doc);
}

/** The value on one line, as the files write an entry: `{ person: x, from: 2019-01-01 }`. */
function flowText(value: unknown): string {
  const doc = new Document(value);
  const node = doc.contents;
  if (isMap(node) || isSeq(node)) node.flow = true;
  return written(doc).trimEnd();
}

const lineStart = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;
function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  if (n < 0) return text.length;
  return text[n - 1] === '\r' ? n - 1 : n;
}

const pairOf = (map: YAMLMap, key: string) => map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);

function rosterEdit(doc: Document, at: Places, change: RosterChange): void {
  const roster = doc.get('roster', true);
  if (!isSeq(roster)) {
    at.fail();
    return;
  }
  for (const i of change.ending) {
    const node = roster.items[i];
    if (isMap(node)) setAfterFrom(doc, at, node, 'to', change.endsOn);
    else at.fail();
  }
  for (const member of change.joining) append(doc, at, 'roster', member);
}

/** Sets `key` on a membership: its value replaced where it stands, or a new pair right after `from`. */
function setAfterFrom(doc: Document, at: Places, map: YAMLMap, key: string, value: string): void {
  const existing = pairOf(map, key);
  if (existing) {
    const v = existing.value;
    if (isScalar(v) && v.range) at.splice(v.range[0], v.range[1], flowText(value));
    else at.fail();
    existing.value = doc.createNode(value);
    return;
  }
  const index = map.items.findIndex((p: Pair) => isScalar(p.key) && p.key.value === 'from');
  const from = map.items[index];
  const v = from?.value;
  const k = from?.key;
  if (!isScalar(v) || !v.range || !isScalar(k) || !k.range) at.fail();
  else if (map.flow) at.splice(v.range[1], v.range[1], `, ${key}: ${flowText(value)}`);
  else {
    // A block mapping: a line of its own under `from:`, at the same indentation.
    const end = lineEnd(at.text, v.range[1]);
    at.splice(end, end, `${at.eol}${' '.repeat(k.range[0] - lineStart(at.text, k.range[0]))}${key}: ${flowText(value)}`);
  }
  map.items.splice(index < 0 ? map.items.length : index + 1, 0, doc.createPair(key, value));
}

/** Adds an entry, on one line, after the last of a top-level block list (the list is made at the end when there is none). */
function append(doc: Document, at: Places, key: string, value: unknown): void {
  const seq = doc.get(key, true);
  if (seq === undefined) {
    const tail = at.text.length === 0 || at.text.endsWith('\n') ? '' : at.eol;
    at.splice(at.text.length, at.text.length, `${tail}${key}:${at.eol}  - ${flowText(value)}${at.eol}`);
    // A new list (addIn on a missing key would set the value itself, not a list of it).
    doc.set(key, new YAMLSeq());
    (doc.get(key, true) as YAMLSeq).items.push(flow(doc, value));
    return;
  } else {
    // The last entry the text has (those this edit added have no place in it yet).
    const last = isSeq(seq) && !seq.flow ? (seq.items as Node[]).findLast((n) => n.range !== undefined) : undefined;
    const prefix = last?.range ? at.text.slice(lineStart(at.text, last.range[0]), last.range[0]) : '';
    if (!last?.range || !/^ *- +$/.test(prefix)) at.fail();
    else {
      const end = lineEnd(at.text, last.range[1]);
      at.splice(end, end, `${at.eol}${prefix}${flowText(value)}`);
    }
  }
  doc.addIn([key], flow(doc, value));
}

/**
 * A protocol's front matter, without the `---` lines: `data` serialised by
 * yaml, so quoting is right by construction. `shape` may set comments, flow
 * style and quoting on the nodes before the text is written.
 */
export function frontMatterText(data: Record<string, unknown>, shape?: (doc: Document) => void): string {
  const doc = new Document(data);
  shape?.(doc);
  return written(doc).trimEnd();
}

/** Quotes every value that begins with a clock time, so that a YAML 1.1 reader never takes 11:25 for a number. */
export function quoteClockTimes(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d{1,2}:\d{2}/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** The text of a protocol kd drafts: the front matter (clock times quoted) between `---` lines, a blank line, the body. */
export function protocolText(data: Record<string, unknown>, body: string): string {
  return `---\n${frontMatterText(data, quoteClockTimes)}\n---\n\n${body}`;
}
