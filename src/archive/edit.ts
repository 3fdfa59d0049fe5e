import { Document, isMap, isSeq, parseDocument, Scalar, visit } from 'yaml';
import type { Person, Term } from '../schema/index.js';

/**
 * The YAML kd writes into an archive: kd init's first files, the edits of
 * files a secretariat also edits by hand (people.yml, network.yml), and the
 * front matter of the protocols kd makes. An edit
 * takes a file's text and returns the new text. It changes the document as
 * a tree, so comments, order and layout it does not touch stay as they
 * were; what it adds is one flow-style line an entry, like the lines the
 * files are written in. No line is ever folded.
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

/** A term added to network.yml, with the memberships it ends and the members it brings in. */
export interface TermChange {
  term: Term;
  /** Positions in `roster` of the memberships that end, on `endsOn`. */
  ending: readonly number[];
  endsOn: string;
  joining: readonly NewMember[];
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

/** people.yml with the people added after the others (an id already there is replaced). */
export function addPeople(text: string, people: readonly NewPersonEntry[]): string {
  const doc = parseDocument(text);
  for (const { id, person } of people) doc.set(id, flow(doc, person));
  return written(doc);
}

/** kd.yml with labels added at the end of `owners` (those already there are not repeated). */
export function addOwners(text: string, labels: readonly string[]): string {
  const doc = parseDocument(text);
  const known = new Set((doc.toJS() as { owners?: string[] } | null)?.owners ?? []);
  const added = [...new Set(labels)].filter((label) => !known.has(label));
  if (added.length === 0) return text;
  // A new list is appended as text, so that the rest of the file keeps its bytes; the labels are ids, which need no quoting.
  if (!doc.has('owners'))
    return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}owners:\n${added.map((l) => `  - ${l}\n`).join('')}`;
  for (const label of added) doc.addIn(['owners'], label);
  return written(doc);
}

/** network.yml with the memberships added at the end of `roster`. */
export function addRosterMembers(text: string, members: readonly NewMember[]): string {
  const doc = parseDocument(text);
  for (const member of members) doc.addIn(['roster'], flow(doc, member));
  return written(doc);
}

/** network.yml with a new term: the ending memberships get their `to`, the joining members and the term are added last. */
export function addTerm(text: string, change: TermChange): string {
  const doc = parseDocument(text);
  const roster = doc.get('roster');
  if (isSeq(roster)) {
    for (const i of change.ending) {
      const node = roster.items[i];
      if (isMap(node)) node.set('to', change.endsOn);
    }
    for (const member of change.joining) roster.add(flow(doc, member));
  }
  doc.addIn(['terms'], flow(doc, change.term));
  return written(doc);
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
