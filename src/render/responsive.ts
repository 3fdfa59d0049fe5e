import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';

/**
 * Hooks that let the report's CSS lay a kd page out for a phone and for
 * print, without scripts and without changing any text a reader sees:
 *
 * - a date, a meeting or decision id, a time span or a phone number is
 *   wrapped in `<span class="nw">` (CSS `white-space: nowrap`), so that
 *   "13 sep. 2019" or "kd-gruppen 3/2019 §2:1" never breaks inside; the
 *   characters stay the ones a user copies;
 * - a column whose every cell is such a token gets `class="tok"` on its
 *   cells: it takes no more width than the token, the text columns the rest;
 * - a table of four columns or more with text in them (decisions,
 *   assignments, guests, meetings, the roster) gets `class="stack"` and
 *   each cell a `data-label` with its column title, which narrow screens
 *   show in front of the cell when the rows are stacked as cards; on a
 *   wider screen it sits in a labelled, focusable box (`class="fit"`) as
 *   wide as the table needs, out into the page's right margin where there is
 *   room, and scrolls sideways in that box where there is not: a register's
 *   ids, dates and long compound words can need more than the text column,
 *   and the page itself never scrolls sideways;
 * - any other table stays a table in a keyboard-focusable, labelled box that
 *   scrolls sideways if the screen is too narrow for it: the attendance
 *   matrix (a centred column: people against meetings), whose point is
 *   comparing along the row and down the column, and tables of figures
 *   (every column but the first right-aligned), which are read the same way;
 *   its first column stays in view while it scrolls.
 */
export function responsive(children: ElementContent[]): ElementContent[] {
  const headings: string[] = [];
  return children.map((node) => {
    if (node.type !== 'element') return node;
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) {
      headings.length = Number(level) - 1;
      headings[Number(level) - 1] = textOf(node);
      return node;
    }
    if (node.tagName === 'svg' || node.tagName === 'figure') return node;
    markTokens(node);
    if (node.tagName !== 'table') return node;
    return table(node, headings.slice(1).filter(Boolean).join(' – ') || headings[0] || '');
  });
}

/** What is kept on one line: an id, a date, a time span, a span of years, a phone number. */
export const TOKEN = new RegExp(
  [
    // A meeting, decision or assignment id: "kd-gruppen 3/2019", "kd-gruppen 3/2019 §2:1".
    String.raw`(?:[\p{L}\p{N}][\p{L}\p{N}_-]*\s)?\d+/\d{4}(?:\s§\d+(?::\d+)*)?`,
    // A date as kd writes it ("13 sep. 2019", "1 juli 2019", "13 Sep 2019") or in ISO form.
    String.raw`\d{1,2}\s\p{L}{3,9}\.?\s\d{4}`,
    String.raw`\d{4}-\d{2}-\d{2}`,
    // A time span, a span of years, a phone number.
    String.raw`\d{1,2}[:.]\d{2}\s?[-–]\s?\d{1,2}[:.]\d{2}`,
    String.raw`\d{4}[-–]\d{4}`,
    String.raw`\+?\d{2,4}[-\s]\d{2,3}(?:[\s-]\d{2,3})+`,
  ].join('|'),
  'gu',
);

export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** Wraps every token in the text below `node` in a span that does not break. */
function markTokens(node: Element): void {
  let out: ElementContent[] | undefined;
  const children = node.children as ElementContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'element' && child.tagName !== 'svg') markTokens(child);
    const marked = child.type === 'text' ? tokensIn(child.value) : undefined;
    if (marked !== undefined && out === undefined) out = children.slice(0, i);
    if (out !== undefined) out.push(...(marked ?? [child]));
  }
  if (out !== undefined) node.children = out as Element['children'];
}

/** The text with each token in a span, or undefined when it has none. */
function tokensIn(value: string): ElementContent[] | undefined {
  // Every token has a digit: most of a page's text has none and need not meet the pattern.
  if (!/\d/.test(value)) return undefined;
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of value.matchAll(TOKEN)) {
    if (m.index > last) out.push(text(value.slice(last, m.index)));
    out.push({ type: 'element', tagName: 'span', properties: { className: ['nw'] }, children: [text(m[0])] });
    last = m.index + m[0].length;
  }
  if (out.length === 0) return undefined;
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}

function text(value: string): Text {
  return { type: 'text', value };
}

function rowsOf(table: Element): Element[] {
  return table.children.flatMap((part) =>
    part.type === 'element' ? part.children.filter((r): r is Element => r.type === 'element' && r.tagName === 'tr') : [],
  );
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
}

function addClass(node: Element, name: string): void {
  const current = node.properties.className;
  node.properties.className = [...(Array.isArray(current) ? current : []), name];
}

function table(node: Element, label: string): Element {
  const rows = rowsOf(node);
  const head = rows.find((r) => cellsOf(r).some((c) => c.tagName === 'th'));
  const titles = head ? cellsOf(head).map(textOf) : [];
  const body = rows.filter((r) => r !== head).map(cellsOf);

  // A column of nothing but tokens (ids, dates) is as narrow as its token.
  titles.forEach((_, i) => {
    const cells = body.map((r) => r[i]).filter((c): c is Element => c !== undefined && textOf(c) !== '');
    const whole = (c: Element) => c.children.length === 1 && c.children[0]!.type === 'element';
    if (cells.length > 0 && cells.every(whole)) for (const c of cells) addClass(c, 'tok');
  });

  const numeric =
    head !== undefined &&
    cellsOf(head)
      .slice(1)
      .every((c) => c.properties.align === 'right');
  const matrix = head !== undefined && cellsOf(head).some((c) => c.properties.align === 'center');
  if (titles.length >= 4 && !numeric && !matrix) {
    addClass(node, 'stack');
    for (const r of body) r.forEach((c, i) => (c.properties.dataLabel = titles[i] ?? ''));
    return h('div', { className: ['fit'], tabIndex: 0, role: 'region', ariaLabel: label }, [node]);
  }
  if (matrix) addClass(node, 'matrix');
  return h('div', { className: ['scroll'], tabIndex: 0, role: 'region', ariaLabel: label }, [node]);
}

/**
 * Tables get column headers with `scope` and, as their caption, the heading
 * they stand under (a protocol's item, a register's or a page section's
 * title), for screen readers.
 */
export function accessibleTables(nodes: ElementContent[]): ElementContent[] {
  let heading = '';
  const scope = (n: Element): void => {
    for (const child of n.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'th') child.properties.scope = 'col';
      scope(child);
    }
  };
  return nodes.map((n) => {
    if (n.type !== 'element') return n;
    if (n.tagName === 'h1' || n.tagName === 'h2') heading = textOf(n);
    if (n.tagName !== 'table') return n;
    scope(n);
    return { ...n, children: [h('caption', heading), ...n.children] };
  });
}
