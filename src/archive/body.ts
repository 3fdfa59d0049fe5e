import { readFileSync } from 'node:fs';
import type { Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitFrontMatter } from './frontmatter.js';
import { loadRemark, type Section, withinRemarkBudget } from './outline.js';
import { archivePath, type FolderCache } from './paths.js';
import { MAX_FILE_BYTES } from './read.js';
import { decodeText } from './text.js';

/** A protocol's body: the Markdown after the front matter, and the file line it starts on. */
export interface Body {
  body: string;
  bodyLine: number;
}

/**
 * The body of a protocol the archive has already read and validated. It is
 * read again through the archive's one path check, under the same size cap;
 * a file that changed in between so that it no longer splits gives an empty
 * body rather than a half-read one.
 */
export async function readBody(root: string, file: string, folders?: FolderCache): Promise<Body> {
  // Its front matter is split as the archive's reader splits it, which may need remark.
  await loadRemark();
  const bytes = readFileSync(await archivePath(root, file, folders));
  if (bytes.length > MAX_FILE_BYTES) return { body: '', bodyLine: 1 };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { body: '', bodyLine: 1 };
  const split = splitFrontMatter(decoded.text, file);
  return split.ok ? { body: split.value.body, bodyLine: split.value.bodyLine } : { body: '', bodyLine: 1 };
}

const processor = unified().use(remarkParse).use(remarkGfm);

/**
 * What each item's body section says, as mdast: the nodes between its
 * `## N.` heading and the next, keyed by item number. Text before the first
 * section (a title the secretary wrote) is left out: the rendering makes its
 * own heading from the front matter. Headings inside a section become level
 * 3 or below, under the item's own. A body larger than remark reads in
 * linear time (see outline.ts) is kept as plain paragraphs.
 */
export function itemContent(body: Body, sections: readonly Section[]): Map<number, RootContent[]> {
  return plainItems(body, sections) ?? parsedItems(body, sections);
}

/** Characters with which a line may mean more than its words to remark (with GFM): escapes, code, emphasis, links, HTML, entities, tables, autolinks, tabs, controls. */
const MARKUP = /[\\`*_[\]<>&~|@\t\r\0-\x08\x0b-\x1f\x7f]|https?:|www\.|mailto:|xmpp:/i;
/** A line that opens a paragraph: a letter or digit first, not a list's number ("3." or "3)"), nothing trailing (a hard break). */
const PROSE = /^[\p{L}\p{N}](?:.*\S)?$/u;
const LIST_NUMBER = /^\d{1,9}[.)]/;
const ATX = /^#{1,6}(?:[ \t]|$)/;

/**
 * A body that is only section headings and paragraphs of words, read
 * without remark, or undefined when any line may be more than that. What
 * it gives is what remark gives for such a body (tests/body.test.ts holds
 * the two side by side on generated bodies); it is what most protocols'
 * text is, and remark costs a large site's build more than anything else.
 */
export function plainItems(body: Body, sections: readonly Section[]): Map<number, RootContent[]> | undefined {
  const out = new Map<number, RootContent[]>();
  if (sections.length === 0) return out;
  const starts = new Map(sections.map((s) => [s.line - body.bodyLine + 1, s.no]));
  const firstStart = Math.min(...starts.keys());
  const lines = body.body.split('\n');
  let no: number | undefined;
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0 && no !== undefined) out.set(no, [...(out.get(no) ?? []), paragraph(para.join('\n'))]);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    const start = starts.get(n);
    if (start !== undefined || (n < firstStart && ATX.test(line))) {
      // A section's heading (or a title before the first) ends a paragraph and is a line of its own.
      if (!ATX.test(line)) return undefined;
      flush();
      if (start !== undefined) no = start;
      continue;
    }
    if (/^[ ]*$/.test(line)) {
      flush();
      continue;
    }
    if (!PROSE.test(line) || LIST_NUMBER.test(line) || MARKUP.test(line)) return undefined;
    para.push(line);
  }
  flush();
  return out;
}

/** The body as remark (with GFM) reads it. */
export function parsedItems(body: Body, sections: readonly Section[]): Map<number, RootContent[]> {
  const out = new Map<number, RootContent[]>();
  if (sections.length === 0) return out;
  const starts = sections.map((s) => s.line - body.bodyLine + 1);
  const sectionAt = (line: number) => {
    let k = -1;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= line) k = i;
    return k;
  };
  const add = (k: number, node: RootContent) => {
    const no = sections[k]!.no;
    out.set(no, [...(out.get(no) ?? []), node]);
  };
  if (!withinRemarkBudget(body.body)) {
    const lines = body.body.split('\n');
    let para: string[] = [];
    let at = 0;
    const flush = () => {
      const k = sectionAt(at);
      if (para.length > 0 && k >= 0) add(k, paragraph(para.join('\n')));
      para = [];
    };
    lines.forEach((line, i) => {
      const n = i + 1;
      if (starts.includes(n) || line.trim() === '') return flush();
      if (para.length === 0) at = n;
      para.push(line);
    });
    flush();
    return out;
  }
  const tree = processor.parse(body.body) as Root;
  for (const node of tree.children) {
    const line = node.position?.start.line ?? 0;
    if (starts.includes(line)) continue;
    const k = sectionAt(line);
    if (k < 0) continue;
    add(k, deepen(strip(node)));
  }
  return out;
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** A node without source positions: the rendering depends on the text alone. */
function strip<T extends RootContent>(node: T): T {
  const { position: _, ...rest } = node as T & { position?: unknown };
  if ('children' in rest && Array.isArray(rest.children)) (rest as { children: RootContent[] }).children = rest.children.map(strip);
  return rest as T;
}

function deepen(node: RootContent): RootContent {
  if (node.type === 'heading' && node.depth < 3) return { ...node, depth: 3 };
  return node;
}
