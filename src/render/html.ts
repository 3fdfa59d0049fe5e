import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { htmlVoidElements } from 'html-void-elements';
import type { Nodes, Parent, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { find, html as htmlSchema } from 'property-information';

/*
 * kd's documents as HTML, fast. The reference is remark-rehype's
 * mdast-util-to-hast and rehype-stringify's hast-util-to-html; these two
 * functions give the same hast and the same bytes for the nodes kd's
 * documents and a protocol's usual text are made of, in a fraction of the
 * time (a site of 10,000 protocols is 10,000 such pages). Anything else
 * (footnotes, references, task lists, SVG) goes to the reference, whole,
 * so the output never depends on which path was taken; tests/html.test.ts
 * compares the two on the sample's pages and on generated trees.
 */

/** mdast to hast as mdast-util-to-hast does it, or the reference's result for a tree with nodes this does not know. */
export function hastOf(tree: Root): HastRoot {
  try {
    return (one(tree, undefined) as HastRoot | undefined) ?? { type: 'root', children: [] };
  } catch (e) {
    if (e !== UNKNOWN) throw e;
    return toHast(tree) as HastRoot;
  }
}

/** hast to HTML as hast-util-to-html does it with its defaults; an SVG inside is written by it. */
export function htmlOf(tree: HastRoot): string {
  try {
    return write(tree, undefined);
  } catch (e) {
    if (e !== UNKNOWN) throw e;
    return toHtml(tree);
  }
}

/** Thrown (and caught above, or by another fast writer) where a node needs the reference implementation. */
export const UNKNOWN = Symbol('unknown node');

type Out = ElementContent | ElementContent[] | HastRoot | undefined;

function el(tagName: string, children: ElementContent[], properties: Properties = {}): Element {
  return { type: 'element', tagName, properties, children };
}

function one(node: Nodes, parent: Parent | undefined): Out {
  switch (node.type) {
    case 'root':
      return data(node, { type: 'root', children: wrap(all(node)) });
    case 'text':
      return data(node, { type: 'text', value: trimLines(node.value) });
    case 'paragraph':
      return data(node, el('p', all(node)));
    case 'heading':
      return data(node, el(`h${node.depth}`, all(node)));
    case 'strong':
      return data(node, el('strong', all(node)));
    case 'emphasis':
      return data(node, el('em', all(node)));
    case 'delete':
      return data(node, el('del', all(node)));
    case 'inlineCode':
      return data(node, el('code', [{ type: 'text', value: node.value.replace(/\r?\n|\r/g, ' ') }]));
    case 'break':
      return [data(node, el('br', [])) as ElementContent, { type: 'text', value: '\n' }];
    case 'thematicBreak':
      return data(node, el('hr', []));
    case 'blockquote':
      return data(node, el('blockquote', wrap(all(node), true)));
    case 'link': {
      const properties: Properties = { href: normalizeUri(node.url) };
      if (node.title !== null && node.title !== undefined) properties.title = node.title;
      return data(node, el('a', all(node), properties));
    }
    case 'image': {
      const properties: Properties = { src: normalizeUri(node.url) };
      if (node.alt !== null && node.alt !== undefined) properties.alt = node.alt;
      if (node.title !== null && node.title !== undefined) properties.title = node.title;
      return data(node, el('img', [], properties));
    }
    case 'code': {
      if (node.meta) throw UNKNOWN;
      const language = node.lang ? node.lang.split(/\s+/) : [];
      const properties: Properties = language.length > 0 ? { className: [`language-${language[0]}`] } : {};
      const code = data(node, el('code', [{ type: 'text', value: node.value ? `${node.value}\n` : '' }], properties));
      return el('pre', [code as ElementContent]);
    }
    case 'list': {
      const properties: Properties = {};
      if (typeof node.start === 'number' && node.start !== 1) properties.start = node.start;
      return data(node, el(node.ordered ? 'ol' : 'ul', wrap(all(node), true), properties));
    }
    case 'listItem':
      return listItem(node, parent);
    case 'table':
      return table(node);
    case 'html':
      // Raw HTML in a protocol's text is not written (remark-rehype's default).
      return undefined;
    default:
      throw UNKNOWN;
  }
}

function all(parent: Parent): ElementContent[] {
  const values: ElementContent[] = [];
  const nodes = parent.children;
  for (let i = 0; i < nodes.length; i++) {
    const result = one(nodes[i]!, parent) as ElementContent | ElementContent[] | undefined;
    if (!result) continue;
    if (i > 0 && nodes[i - 1]!.type === 'break') {
      if (!Array.isArray(result) && result.type === 'text') result.value = trimSpaceStart(result.value);
      if (!Array.isArray(result) && result.type === 'element') {
        const head = result.children[0];
        if (head?.type === 'text') head.value = trimSpaceStart(head.value);
      }
    }
    if (Array.isArray(result)) values.push(...result);
    else values.push(result);
  }
  return values;
}

/** `data.hName`, `data.hProperties` and `data.hChildren`, as mdast-util-to-hast applies them. */
function data<T extends HastNodes>(from: Nodes, to: T): T | Element {
  const d = from.data as { hName?: unknown; hProperties?: Properties; hChildren?: ElementContent[] } | undefined;
  if (!d) return to;
  let result: HastNodes = to;
  if (typeof d.hName === 'string') {
    result =
      result.type === 'element'
        ? Object.assign(result, { tagName: d.hName })
        : el(d.hName, 'children' in result ? (result.children as ElementContent[]) : [result as ElementContent]);
  }
  if (result.type === 'element' && d.hProperties) Object.assign(result.properties, structuredClone(d.hProperties));
  if ('children' in result && result.children && d.hChildren !== null && d.hChildren !== undefined)
    (result as Element).children = d.hChildren;
  return result as T | Element;
}

function wrap(nodes: ElementContent[], loose = false): ElementContent[] {
  const result: ElementContent[] = [];
  if (loose) result.push({ type: 'text', value: '\n' });
  for (let i = 0; i < nodes.length; i++) {
    if (i > 0) result.push({ type: 'text', value: '\n' });
    result.push(nodes[i]!);
  }
  if (loose && nodes.length > 0) result.push({ type: 'text', value: '\n' });
  return result;
}

type ListItem = Extract<Nodes, { type: 'listItem' }>;

function listItem(node: ListItem, parent: Parent | undefined): Out {
  if (typeof node.checked === 'boolean') throw UNKNOWN;
  const results = all(node);
  const loose = parent ? listLoose(parent) : itemLoose(node);
  const children: ElementContent[] = [];
  results.forEach((child, i) => {
    const p = child.type === 'element' && child.tagName === 'p';
    if (loose || i !== 0 || !p) children.push({ type: 'text', value: '\n' });
    if (p && !loose) children.push(...(child as Element).children);
    else children.push(child);
  });
  const tail = results.at(-1);
  if (tail && (loose || tail.type !== 'element' || tail.tagName !== 'p')) children.push({ type: 'text', value: '\n' });
  return data(node, el('li', children));
}

function listLoose(node: Parent): boolean {
  if (node.type !== 'list') return false;
  let loose = (node as { spread?: boolean | null }).spread || false;
  for (let i = 0; !loose && i < node.children.length; i++) loose = itemLoose(node.children[i] as ListItem);
  return loose;
}

function itemLoose(node: ListItem): boolean {
  return node.spread === null || node.spread === undefined ? node.children.length > 1 : node.spread;
}

type Table = Extract<Nodes, { type: 'table' }>;

function table(node: Table): Out {
  const rows = node.children.map((row, rowIndex) => {
    const align = node.align;
    const length = align ? align.length : row.children.length;
    const cells: ElementContent[] = [];
    for (let i = 0; i < length; i++) {
      const cell = row.children[i];
      const properties: Properties = {};
      const a = align ? align[i] : undefined;
      if (a) properties.align = a;
      let result: Element = el(rowIndex === 0 ? 'th' : 'td', [], properties);
      if (cell) {
        result.children = all(cell);
        result = data(cell, result) as Element;
      }
      cells.push(result);
    }
    return data(row, el('tr', wrap(cells, true))) as ElementContent;
  });
  const first = rows.shift();
  const content: ElementContent[] = [];
  if (first) content.push(el('thead', wrap([first], true)));
  if (rows.length > 0) content.push(el('tbody', wrap(rows, true)));
  return data(node, el('table', wrap(content, true)));
}

function trimSpaceStart(value: string): string {
  let i = 0;
  while (value.charCodeAt(i) === 9 || value.charCodeAt(i) === 32) i++;
  return value.slice(i);
}

/** Spaces and tabs around a line ending go (trim-lines). */
function trimLines(value: string): string {
  return /[ \t]\r?\n|[\r\n][ \t]/.test(value) ? value.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1') : value;
}

/** Elements written without an end tag. */
export const VOID = new Set(htmlVoidElements);
const RAW = new Set(['script', 'style']);

function write(node: HastNodes, parent: Element | undefined): string {
  switch (node.type) {
    case 'root': {
      let out = '';
      for (const child of node.children) out += write(child, undefined);
      return out;
    }
    case 'doctype':
      return '<!doctype html>';
    case 'text':
      return parent !== undefined && RAW.has(parent.tagName) ? node.value : escapeText(node.value);
    case 'element': {
      if (node.tagName === 'svg') return toHtml(node);
      if (node.tagName === 'template' || node.tagName === 'math') throw UNKNOWN;
      const attributes = attributesOf(node.properties);
      let out = attributes ? `<${node.tagName} ${attributes}>` : `<${node.tagName}>`;
      if (VOID.has(node.tagName.toLowerCase())) {
        // A void element with content is written by the reference.
        if (node.children.length > 0) throw UNKNOWN;
        return out;
      }
      for (const child of node.children) out += write(child, node);
      return `${out}</${node.tagName}>`;
    }
    default:
      throw UNKNOWN;
  }
}

const infoCache = new Map<string, ReturnType<typeof find>>();

/** An element's attributes as hast-util-to-html writes them, without the leading space. */
export function attributesOf(properties: Properties | undefined): string {
  if (!properties) return '';
  const values: string[] = [];
  for (const key in properties) {
    const raw = properties[key];
    if (raw === null || raw === undefined) continue;
    let info = infoCache.get(key);
    if (info === undefined) {
      info = find(htmlSchema, key);
      // An attribute name that needs escaping is left to the reference.
      if (/[\0\t\n\f\r "&'/<=>`]/.test(info.attribute)) throw UNKNOWN;
      infoCache.set(key, info);
    }
    let value: unknown = raw;
    if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
    else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === ''))
      value = Boolean(value);
    if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue;
    if (value === true) {
      values.push(info.attribute);
      continue;
    }
    const text = Array.isArray(value) ? (info.commaSeparated ? commas(value) : value.join(' ').trim()) : String(value);
    values.push(`${info.attribute}="${escapeAttribute(text)}"`);
  }
  return values.join(' ');
}

/** comma-separated-tokens' stringify with its default padding. */
function commas(values: unknown[]): string {
  const input = values[values.length - 1] === '' ? [...values, ''] : values;
  return input.join(', ').trim();
}

const hex = (c: string) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;

/** Text as hast-util-to-html writes it outside script and style. */
export function escapeText(value: string): string {
  return /[<&]/.test(value) ? value.replace(/[<&]/g, hex) : value;
}

/** An attribute's value as hast-util-to-html writes it between double quotes. */
export function escapeAttribute(value: string): string {
  return /["&'`]/.test(value) ? value.replace(/["&'`]/g, hex) : value;
}
