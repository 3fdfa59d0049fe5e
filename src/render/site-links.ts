import type { Element, ElementContent, Properties, Text } from 'hast';
import { h } from 'hastscript';
import type { Archive } from '../model/index.js';
import { municipalityPage, personPage, relativeHref, sitePage } from '../query/site.js';
import { attributesOf, escapeAttribute, escapeText, htmlOf, UNKNOWN, VOID } from './html.js';
import { unsafeHref } from './report.js';
import { TOKEN, textOf } from './responsive.js';

/*
 * The links of a site's pages: what an id or a name in a page's text may
 * point at, and where a link lands.
 */

/** Marks the site's own links; a path, so safeUrls passes it, and one no protocol's text has a reason to write. */
export const OWN = '/.kd-site/';

/** What a link in a page's text may point at: ids of protocols and decisions, names of people and municipalities. */
export interface Targets {
  protocols: Map<string, string>;
  names: Map<string, string>;
  pages: Set<string>;
  /** The ids on each page: where an anchor may land. */
  anchors: Map<string, Set<string>>;
}

export function linkTargets(archive: Archive, pub: boolean): Targets {
  const protocols = new Map<string, string>();
  for (const p of archive.protocols) protocols.set(`${p.data.network} ${p.id}`, sitePage(p.file));
  const names = new Map<string, string>();
  const pages = new Set<string>();
  for (const m of archive.config?.municipalities ?? []) {
    names.set(m, municipalityPage(m));
    pages.add(municipalityPage(m));
  }
  for (const [id, p] of Object.entries(archive.people ?? {})) {
    if (!names.has(p.name)) names.set(p.name, personPage(id));
    pages.add(personPage(id));
  }
  // The anchors protocolTree gives a protocol's page: each item, and each decision of an item the page shows.
  const anchors = new Map<string, Set<string>>();
  for (const p of archive.protocols) {
    const ids = new Set<string>();
    for (const item of p.data.items) {
      ids.add(`§${item.no}`);
      if (pub && item.confidential !== undefined) continue;
      const count = Math.max(item.decisions?.length ?? 0, item.agreements?.length ?? 0);
      for (let n = 1; n <= count; n++) ids.add(`§${item.no}:${n}`);
    }
    anchors.set(sitePage(p.file), ids);
  }
  return { protocols, names, pages, anchors };
}

/**
 * Where a link to `anchor` on `page` lands. A public page leaves out a
 * confidential item's decisions, anchors and all: a link to one (from a
 * register, which lists it as withheld) lands on its item, which says why.
 */
export function landing(t: Targets, page: string, anchor: string): string | undefined {
  const ids = t.anchors.get(page);
  if (ids === undefined || ids.has(anchor)) return anchor;
  const item = /^§\d+/.exec(anchor)?.[0];
  return item !== undefined && ids.has(item) ? item : undefined;
}

/** A link from one page to another's anchor ("…/2019-04-05-2.html#§3:1"), both from the root, made relative; the anchor where it lands. */
export function hrefTo(t: Targets, from: string, to: string): string {
  const [page, anchor] = to.split('#') as [string, string | undefined];
  const at = anchor === undefined ? undefined : landing(t, page, decodeURIComponent(anchor));
  return relativeHref(from, at === undefined ? page : `${page}#${at}`);
}

/** "ledning 2/2019" or "ledning 2/2019 §3:1" in running text. */
export const ID = /([a-z0-9][a-z0-9-]*) (\d+\/\d{4})(?: (§\d+(?::\d+)?))?/g;

/** Links in a page's text: every protocol and decision id, and a table cell that is a person's or a municipality's name. */
export function linkify(nodes: ElementContent[], from: string, t: Targets, ids: boolean): ElementContent[] {
  // A page links to the same pages many times: each address is made relative once.
  const made = new Map<string, string>();
  const href = (to: string) => {
    let r = made.get(to);
    if (r === undefined) made.set(to, (r = hrefTo(t, from, to)));
    return r;
  };
  /** The node's children with ids linked, the same array when nothing changed. */
  const within = (children: ElementContent[]): ElementContent[] => {
    let out: ElementContent[] | undefined;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'element') visit(child);
      const linked = child.type === 'text' && ids ? linkIds(child, t, href) : undefined;
      if (linked !== undefined && out === undefined) out = children.slice(0, i);
      if (out !== undefined) out.push(...(linked ?? [child]));
    }
    return out ?? children;
  };
  const visit = (node: Element): void => {
    if (node.tagName === 'a') {
      const to = String(node.properties?.href ?? '');
      // The site's own links are written from the root: made relative to the page here.
      if (to.startsWith(OWN)) node.properties = { ...node.properties, href: href(to.slice(OWN.length)) };
      return;
    }
    const first = node.children[0];
    if (node.tagName === 'td' && ids && node.children.length === 1 && first?.type === 'text') {
      const target = cellTarget(t, first.value);
      if (target !== undefined) {
        node.children = [h('a', { href: href(target) }, first.value)];
        return;
      }
    }
    if (node.tagName === 'li' && ids && first?.type === 'text') {
      const line = lineTarget(t, first.value);
      if (line !== undefined) {
        node.children = [
          h('a', { href: href(line.target) }, line.name),
          { type: 'text', value: first.value.slice(line.name.length) },
          ...node.children.slice(1),
        ];
        return;
      }
    }
    node.children = within(node.children as ElementContent[]) as Element['children'];
  };
  return within(nodes);
}

/** A table cell that is, whole, the name of a person or municipality with a page: that page. */
function cellTarget(t: Targets, text: string): string | undefined {
  const target = t.names.get(text);
  return target !== undefined && t.pages.has(target) ? target : undefined;
}

/** A line of a protocol's attendance opens with the person's name ("Anna Ahl, Alsered, ordförande"): the name and the person's page. */
function lineTarget(t: Targets, text: string): { name: string; target: string } | undefined {
  const name = /^[^,(]+?(?=,| \(|$)/.exec(text)?.[0];
  const target = name !== undefined ? t.names.get(name) : undefined;
  return name !== undefined && target?.startsWith('people/') && t.pages.has(target) ? { name, target } : undefined;
}

/** Each id of a protocol in the archive (with its decision, if named) in a text: where it stands and the address it links to. */
function* idsIn(t: Targets, value: string): Generator<{ at: number; text: string; to: string }> {
  // Every id has "/" between its number and year: most text has none.
  if (!value.includes('/')) return;
  for (const m of value.matchAll(ID)) {
    const page = t.protocols.get(`${m[1]} ${m[2]}`);
    if (page !== undefined) yield { at: m.index, text: m[0], to: m[3] ? `${page}#${m[3]}` : page };
  }
}

/** The text with each id of a protocol or decision in it made a link, or undefined when it has none. */
function linkIds(node: Text, t: Targets, href: (to: string) => string): ElementContent[] | undefined {
  const out: ElementContent[] = [];
  let last = 0;
  for (const id of idsIn(t, node.value)) {
    if (id.at > last) out.push({ type: 'text', value: node.value.slice(last, id.at) });
    out.push({ type: 'element', tagName: 'a', properties: { href: href(id.to) }, children: [{ type: 'text', value: id.text }] });
    last = id.at + id.text.length;
  }
  if (last === 0) return undefined;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

/**
 * A page's main content written straight from its hast, in one pass:
 * what `mainContent` with the site's preparation (safe links, table
 * captions and scope, linkify) and `htmlOf` give, without building the
 * changed tree first. A site of 10,000 protocols is 300 MB of such HTML;
 * the passes over the tree and the nodes they make cost most of it.
 * Undefined for a page with anything this does not write (an image, SVG
 * in an unusual place); tests/html.test.ts holds the two to the same bytes.
 */
export function writeMain(nodes: ElementContent[], from: string, t: Targets, ids: boolean): string | undefined {
  const made = new Map<string, string>();
  const href = (to: string) => {
    let r = made.get(to);
    if (r === undefined) made.set(to, (r = hrefTo(t, from, to)));
    return r;
  };
  try {
    return new MainWriter(from, t, ids, href).page(nodes);
  } catch (e) {
    if (e === UNKNOWN) return undefined;
    throw e;
  }
}

/** Written children: their HTML, their text, how many nodes they are and whether the only one is an element (responsive.ts's token column). */
interface Written {
  html: string;
  text: string;
  nodes: number;
  element: boolean;
}

const empty = (): Written => ({ html: '', text: '', nodes: 0, element: false });

function add(to: Written, html: string, text: string, element: boolean): void {
  to.html += html;
  to.text += text;
  to.nodes++;
  to.element = element;
}

/** Where a node is: whether its text gets ids linked, and whether tokens in it are kept on one line. */
interface Context {
  link: boolean;
  tokens: boolean;
}

class MainWriter {
  constructor(
    readonly from: string,
    readonly t: Targets,
    readonly ids: boolean,
    readonly href: (to: string) => string,
  ) {}

  page(nodes: ElementContent[]): string {
    let out = '';
    let caption = '';
    const headings: string[] = [];
    for (const node of nodes) {
      if (node.type !== 'element') {
        out += this.children([node], { link: this.ids, tokens: false }).html;
        continue;
      }
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level) {
        const text = textOf(node);
        if (level === '1' || level === '2') caption = text;
        headings.length = Number(level) - 1;
        headings[Number(level) - 1] = text;
        out += this.element(node, { link: this.ids, tokens: false }).html;
      } else if (node.tagName === 'svg' || node.tagName === 'figure') out += this.element(node, { link: this.ids, tokens: false }).html;
      else if (node.tagName === 'table')
        out += this.table(node, caption, headings.slice(1).filter(Boolean).join(' – ') || headings[0] || '');
      else out += this.element(node, { link: this.ids, tokens: true }).html;
    }
    return out;
  }

  children(list: readonly ElementContent[], ctx: Context): Written {
    const out = empty();
    for (const child of list) {
      if (child.type === 'element') {
        const w = this.element(child, ctx);
        add(out, w.html, w.text, true);
      } else if (child.type === 'text') this.text(child.value, ctx, out);
      else throw UNKNOWN;
    }
    return out;
  }

  /** A text: its ids made links (each link's text keeps its tokens together), the rest with its tokens kept together. */
  text(value: string, ctx: Context, out: Written): void {
    if (ctx.link) {
      let last = 0;
      for (const id of idsIn(this.t, value)) {
        if (id.at > last) this.tokens(value.slice(last, id.at), ctx, out);
        const inner = empty();
        this.tokens(id.text, ctx, inner);
        add(out, `<a href="${escapeAttribute(this.href(id.to))}">${inner.html}</a>`, id.text, true);
        last = id.at + id.text.length;
      }
      if (last > 0) {
        if (last < value.length) this.tokens(value.slice(last), ctx, out);
        return;
      }
    }
    this.tokens(value, ctx, out);
  }

  tokens(value: string, ctx: Context, out: Written): void {
    if (!ctx.tokens || !/\d/.test(value)) {
      add(out, escapeText(value), value, false);
      return;
    }
    let last = 0;
    let found = false;
    for (const m of value.matchAll(TOKEN)) {
      found = true;
      if (m.index > last) add(out, escapeText(value.slice(last, m.index)), value.slice(last, m.index), false);
      add(out, `<span class="nw">${escapeText(m[0])}</span>`, m[0], true);
      last = m.index + m[0].length;
    }
    if (!found) add(out, escapeText(value), value, false);
    else if (last < value.length) add(out, escapeText(value.slice(last)), value.slice(last), false);
  }

  element(node: Element, ctx: Context): { html: string; text: string } {
    const tag = node.tagName;
    if (tag === 'img' || tag === 'template' || tag === 'math' || tag === 'script' || tag === 'style') throw UNKNOWN;
    if (tag === 'svg') {
      // Links in a chart's text (linkify visits it; the tokens pass does not) are written by the reference.
      if (!ctx.link) throw UNKNOWN;
      return {
        html: htmlOf({ type: 'root', children: linkify([structuredClone(node)], this.from, this.t, this.ids) }),
        text: textOf(node),
      };
    }
    let properties = node.properties;
    let inner: Written;
    if (tag === 'a') {
      let to = properties.href;
      if (to !== undefined && to !== null && unsafeHref(String(to))) {
        const { href: _, ...rest } = properties;
        properties = rest;
        to = undefined;
      }
      if (typeof to === 'string' && to.startsWith(OWN)) properties = { ...properties, href: this.href(to.slice(OWN.length)) };
      inner = this.children(node.children as ElementContent[], { link: false, tokens: ctx.tokens });
    } else inner = this.special(node, ctx) ?? this.children(node.children as ElementContent[], ctx);
    const attributes = attributesOf(properties);
    const open = attributes ? `<${tag} ${attributes}>` : `<${tag}>`;
    if (VOID.has(tag.toLowerCase())) {
      if (node.children.length > 0) throw UNKNOWN;
      return { html: open, text: '' };
    }
    return { html: `${open}${inner.html}</${tag}>`, text: inner.text };
  }

  /** linkify's two shapes: a table cell that is a name, an attendance line that opens with one. */
  special(node: Element, ctx: Context): Written | undefined {
    if (!this.ids || !ctx.link) return undefined;
    const first = node.children[0];
    if (node.tagName === 'td' && node.children.length === 1 && first?.type === 'text') {
      const target = cellTarget(this.t, first.value);
      return target === undefined ? undefined : this.linked(target, first.value, ctx);
    }
    if (node.tagName === 'li' && first?.type === 'text') {
      const line = lineTarget(this.t, first.value);
      if (line === undefined) return undefined;
      const { name, target } = line;
      const out = this.linked(target, name, ctx);
      // linkify stops at the name: the rest of the line keeps its text as written.
      const rest = this.children(
        [{ type: 'text', value: first.value.slice(name.length) }, ...(node.children.slice(1) as ElementContent[])],
        {
          link: false,
          tokens: ctx.tokens,
        },
      );
      return { html: out.html + rest.html, text: out.text + rest.text, nodes: out.nodes + rest.nodes, element: false };
    }
    return undefined;
  }

  linked(target: string, label: string, ctx: Context): Written {
    const inner = empty();
    this.tokens(label, { link: false, tokens: ctx.tokens }, inner);
    const out = empty();
    add(out, `<a href="${escapeAttribute(this.href(target))}">${inner.html}</a>`, label, true);
    return out;
  }

  /** A table at the top of the page: caption and scope (accessibleTables), links and tokens, then responsive.ts's layout. */
  table(node: Element, caption: string, label: string): string {
    const ctx = { link: this.ids, tokens: true };
    const parts = node.children.filter((c): c is Element => c.type === 'element');
    if (parts.some((p) => p.tagName !== 'thead' && p.tagName !== 'tbody')) throw UNKNOWN;
    const rows = parts.map((part) => ({
      part,
      rows: part.children
        .filter((r): r is Element => r.type === 'element')
        .map((r) => {
          if (r.tagName !== 'tr') throw UNKNOWN;
          const cells = r.children.filter((c): c is Element => c.type === 'element');
          if (cells.some((c) => c.tagName !== 'td' && c.tagName !== 'th')) throw UNKNOWN;
          return {
            row: r,
            cells: cells.map((c) => ({
              cell: c,
              written: this.special(c, ctx) ?? this.children(c.children as ElementContent[], ctx),
              properties: { ...c.properties, ...(c.tagName === 'th' ? { scope: 'col' } : {}) } as Properties,
            })),
          };
        }),
    }));
    const all = rows.flatMap((p) => p.rows);
    const head = all.find((r) => r.cells.some((c) => c.cell.tagName === 'th'));
    const body = all.filter((r) => r !== head);
    const titles = head ? head.cells.map((c) => c.written.text) : [];
    const addClass = (properties: Properties, name: string) => {
      const current = properties.className;
      properties.className = [...(Array.isArray(current) ? current : []), name];
    };
    titles.forEach((_, i) => {
      const cells = body.map((r) => r.cells[i]).filter((c) => c !== undefined && c.written.text !== '');
      if (cells.length > 0 && cells.every((c) => c!.written.nodes === 1 && c!.written.element))
        for (const c of cells) addClass(c!.properties, 'tok');
    });
    const numeric = head?.cells.slice(1).every((c) => c.cell.properties.align === 'right') === true;
    const matrix = head?.cells.some((c) => c.cell.properties.align === 'center') === true;
    const stack = titles.length >= 4 && !numeric && !matrix;
    const tableProperties: Properties = { ...node.properties };
    if (stack) {
      addClass(tableProperties, 'stack');
      for (const r of body) r.cells.forEach((c, i) => (c.properties.dataLabel = titles[i] ?? ''));
    } else if (matrix) addClass(tableProperties, 'matrix');

    // The table as toHast wrote it: each part, row and cell on a line of its own.
    const captionText = empty();
    this.text(caption, ctx, captionText);
    const html =
      `<table${attrs(tableProperties)}><caption>${captionText.html}</caption>` +
      lines(node.children as ElementContent[], (n) => {
        const part = rows[n]!;
        const body = lines(part.part.children as ElementContent[], (r) => {
          const row = part.rows[r]!;
          const cells = lines(row.row.children as ElementContent[], (k) => {
            const c = row.cells[k]!;
            return `<${c.cell.tagName}${attrs(c.properties)}>${c.written.html}</${c.cell.tagName}>`;
          });
          return `<tr${attrs(row.row.properties)}>${cells}</tr>`;
        });
        return `<${part.part.tagName}${attrs(part.part.properties)}>${body}</${part.part.tagName}>`;
      }) +
      '</table>';
    const box = stack ? 'fit' : 'scroll';
    return `<div class="${box}" tabindex="0" role="region" aria-label="${escapeAttribute(label)}">${html}</div>`;
  }
}

/** An element's children as toHast wrote them: the line breaks between them kept, the nth element child written by `write`. */
function lines(children: readonly ElementContent[], write: (nth: number) => string): string {
  let html = '';
  let n = 0;
  for (const child of children) {
    if (child.type === 'text') html += escapeText(child.value);
    else if (child.type === 'element') html += write(n++);
    else throw UNKNOWN;
  }
  return html;
}

function attrs(properties: Properties): string {
  const a = attributesOf(properties);
  return a ? ` ${a}` : '';
}
