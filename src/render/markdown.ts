import type { Heading, Table as MdTable, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { tableHandler } from './markdown-table.js';
import type { Table } from './table.js';

/** Small builders for mdast; Markdown is never assembled from strings. */
export const md = {
  heading: (depth: 1 | 2 | 3 | 4, text: string): Heading => ({ type: 'heading', depth, children: [{ type: 'text', value: text }] }),
  paragraph: (...children: (PhrasingContent | string)[]): Paragraph => ({
    type: 'paragraph',
    children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  }),
  strong: (text: string): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value: text }] }),
  code: (text: string): PhrasingContent => ({ type: 'inlineCode', value: text }),
  list: (items: (PhrasingContent | string)[][]): RootContent => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children: [md.paragraph(...children)] })),
  }),
  table: (table: Table): MdTable => ({
    type: 'table',
    align: table.columns.map((c) => c.align ?? null),
    children: [table.columns.map((c) => c.title), ...table.rows].map((cells, i): TableRow => {
      const className = i > 0 ? table.rowClasses?.[i - 1] : undefined;
      return {
        type: 'tableRow',
        ...(className ? { data: { hProperties: { className: [className] } } } : {}),
        children: cells.map((value) => ({ type: 'tableCell', children: value === '' ? [] : [{ type: 'text', value }] })),
      };
    }),
  }),
};

/** remark-gfm's tables, written by kd's own handler with the same bytes (markdown-table.ts, which follows these remark-gfm options: give it any new one). */
const processor = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', handlers: { table: tableHandler(true) } });
/** For text that is read as source (the README): table columns are not padded to line up. */
const compactProcessor = unified()
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', handlers: { table: tableHandler(false) } });

/** Serialises a tree with GFM tables; escaping is right by construction. */
export function renderMarkdown(children: RootContent[], options: { alignTables?: boolean } = {}): string {
  const root: Root = { type: 'root', children };
  return (options.alignTables === false ? compactProcessor : processor).stringify(root);
}
