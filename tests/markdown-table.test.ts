import fc from 'fast-check';
import type { AlignType, Table as MdTable, PhrasingContent, Root, RootContent, TableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { md, renderMarkdown } from '../src/render/markdown.js';
import type { Table } from '../src/render/table.js';

/**
 * kd writes GFM tables with its own handler (src/render/markdown-table.ts)
 * because remark's escaping of a million register cells was half of
 * `kd index` at 10,000 protocols. It must write what remark-gfm writes, to
 * the byte: here both write random tables, aligned and compact.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const options = { bullet: '-', emphasis: '_', rule: '-' } as const;
const reference = {
  aligned: unified().use(remarkGfm).use(remarkStringify, options),
  compact: unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, options),
};

/** Both writers on the same tree. */
function both(children: RootContent[], aligned: boolean) {
  const root: Root = { type: 'root', children: structuredClone(children) };
  return {
    got: renderMarkdown(children, { alignTables: aligned }),
    want: reference[aligned ? 'aligned' : 'compact'].stringify(root),
  };
}

/** Pieces of cells: every character Markdown gives a meaning, where it gives one (line starts, after `]`, between words), and text that is wide, long or not ASCII. */
const PIECES = [
  ...['|', '\\', '\\|', '\\\\', '|\\', '#', '# ', '## x', '-', '- ', '--', '---', ':-', '-:', '+', '+ ', '>', '> ', '=', '~', '~~'],
  ...['1.', '1. ', '12.', '3)', '1)', '*', '**', '***', '* ', '_', '__', 'a_b', '_a_', 'a__b__c', '*a*', '**a**', '!', '!['],
  ...['<', '<a>', '</b>', '<!--', '<?', '<x', '[', ']', '[a]', '](', '[a](b)', '(', ')', '&', '&amp;', '&#123;', '&#x41;', '&x'],
  ...['`', '``', '`a`', 'https://example.org/a_b?c=d&e', 'http://x.se', 'www.example.org', 'a@b.se', 'mailto:a@b.se', 'p:/'],
  ...['ä', 'Åsa Örn', 'é', '😀', '👩‍❤️‍👩', '中文', '日本語の', '§3:1', '–', '·', '\u00a0', '83\u00a0%', '\u200b', '\u0301'],
  ...[' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', 'N', 'text', 'Anna Andersson', '2/1980', '12/40', '0,25', '10 jan. 1980'],
];
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constant('') },
);
const align = fc.constantFrom<AlignType | undefined>(undefined, null, 'left', 'right', 'center');

/** A kd table: titles, alignments and cells, rows sometimes shorter or longer than the head. */
const kdTable: fc.Arbitrary<Table> = fc.array(fc.record({ title: text, align }), { maxLength: 6 }).chain((columns) =>
  fc.record({
    columns: fc.constant(columns.map((c) => (c.align ? { title: c.title, align: c.align } : { title: c.title }))),
    rows: fc.array(fc.array(text, { minLength: Math.max(0, columns.length - 1), maxLength: columns.length + 1 }), { maxLength: 5 }),
  }),
);

/** Any mdast table: cells of other phrasing too (code, emphasis, links), and tables without rows, alignments or cells. */
const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  { weight: 4, arbitrary: text.map((value): PhrasingContent => ({ type: 'text', value })) },
  { weight: 1, arbitrary: text.map((value): PhrasingContent => ({ type: 'inlineCode', value })) },
  { weight: 1, arbitrary: text.map((value): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value }] })) },
  { weight: 1, arbitrary: text.map((value): PhrasingContent => ({ type: 'emphasis', children: [{ type: 'text', value }] })) },
  { weight: 1, arbitrary: text.map((value): PhrasingContent => ({ type: 'link', url: value, children: [{ type: 'text', value }] })) },
);
const cell: fc.Arbitrary<TableCell> = fc.array(phrasing, { maxLength: 3 }).map((children) => ({ type: 'tableCell', children }));
const mdTable: fc.Arbitrary<MdTable> = fc.record({
  type: fc.constant('table' as const),
  align: fc.option(
    fc.array(
      align.map((a) => a ?? null),
      { maxLength: 5 },
    ),
    { nil: undefined },
  ),
  children: fc.array(
    fc.array(cell, { maxLength: 5 }).map((children) => ({ type: 'tableRow' as const, children })),
    { maxLength: 4 },
  ),
});

describe('kd’s table writer against remark-gfm', () => {
  it.each([true, false])('writes the same bytes for kd’s tables (aligned: %s)', (aligned) => {
    fc.assert(
      fc.property(kdTable, (table) => {
        const { got, want } = both([md.table(table)], aligned);
        expect(got).toBe(want);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });

  it.each([true, false])('writes the same bytes for any table, between other blocks (aligned: %s)', (aligned) => {
    fc.assert(
      fc.property(mdTable, mdTable, text, (first, second, words) => {
        const { got, want } = both([md.heading(2, words), first, md.paragraph(words), second, md.list([[words]])], aligned);
        expect(got).toBe(want);
      }),
      { numRuns: RUNS, seed: 12 },
    );
  });

  it.each([
    ['a pipe', 'a|b', 'a\\|b'],
    ['a backslash before a pipe', 'a\\|b', 'a\\\\\\|b'],
    ['a trailing backslash', 'a\\', 'a\\\\'],
    ['emphasis markers', '*a* _b_', '\\*a\\* \\_b\\_'],
    ['an underscore inside a word', 'snake_case', 'snake_case'],
    ['a line break', 'a\nb', 'a&#xA;b'],
    ['a link label', '[a](b)', '\\[a]\\(b)'],
    ['a bare address', 'www.example.org', 'www\\.example.org'],
    ['plain words', 'Anna Andersson 83\u00a0%', 'Anna Andersson 83\u00a0%'],
  ])('escapes %s as remark does', (_, value, escaped) => {
    const { got, want } = both([md.table({ columns: [{ title: 'x' }], rows: [[value]] })], true);
    expect(got).toBe(want);
    expect(got.split('\n')[2]).toBe(`| ${escaped} |`);
  });
});
