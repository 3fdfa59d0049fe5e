import type { AlignType, PhrasingContent, Table, TableCell } from 'mdast';
import type { Options } from 'remark-stringify';

type Handle = NonNullable<NonNullable<Options['handlers']>['table']>;
type State = Parameters<Handle>[2];
type Construct = State['stack'][number];

/** What remark-gfm enters around a cell's content (mdast-util-gfm-table's handleTableAsData and handleTableCell). */
const CELL: readonly Construct[] = ['table', 'tableRow', 'tableCell', 'phrasing'];
/** What remark-gfm escapes a cell between when cells are not given `tableCellPadding` (kd never gives it). */
const AROUND = '|';

/**
 * remark-gfm's table handler for remark-stringify, the same bytes in less
 * time: at 10,000 protocols the registers hold a million cells, and remark
 * tries each of its unsafe patterns on each of them, most of which it then
 * writes unchanged. Here a cell that is one text node is written as it is
 * when remark would write it so (see `verbatimTest`); every other cell goes
 * through remark's own phrasing, as remark-gfm sends it. The table is then
 * laid out as markdown-table does for remark-gfm with kd's options (only
 * `tablePipeAlign`, as `alignDelimiters`). tests/markdown-table.test.ts holds
 * it against remark on random tables.
 */
export function tableHandler(alignDelimiters: boolean): Handle {
  return (node: Table, _parent, state, info) => {
    const verbatim = verbatimTest(state, [...state.stack, ...CELL]);
    const cell = (cell: TableCell): string => {
      const only: PhrasingContent | undefined = cell.children.length === 1 ? cell.children[0] : undefined;
      if (cell.children.length === 0) return '';
      if (only?.type === 'text' && verbatim(only.value)) return only.value;
      const exitCell = state.enter('tableCell');
      const exitPhrasing = state.enter('phrasing');
      const value = state.containerPhrasing(cell, { ...info, before: AROUND, after: AROUND });
      exitPhrasing();
      exitCell();
      return value;
    };
    const exitTable = state.enter('table');
    const matrix = node.children.map((row) => {
      const exitRow = state.enter('tableRow');
      const cells = row.children.map(cell);
      exitRow();
      return cells;
    });
    exitTable();
    // As remark-gfm: the head has a cell for every column, as many as there are alignments (or, without any, as the longest row).
    const head = matrix[0];
    if (head) {
      const columns = node.align?.length || longest(matrix);
      while (head.length < columns) head.push('');
    }
    return layout(matrix, node.align ?? [], alignDelimiters);
  };
}

/**
 * Whether remark would write a cell's lone text node unchanged. Its `safe`
 * escapes a character only where one of the unsafe patterns in scope matches
 * at that character (running them on the text between two `AROUND`s), and a
 * backslash only before punctuation. A pattern that matches puts its
 * character in the text (the `AROUND`s are the only other characters), so
 * a text without backslash, `AROUND` or a match of the other patterns comes
 * back as it is. Patterns tied to neighbouring nodes never apply: a lone
 * text has none. Most texts hold none of the patterns' characters at all.
 */
function verbatimTest(state: State, stack: readonly Construct[]): (value: string) => boolean {
  const characters = new Set(['\\', AROUND]);
  const sources = new Map<string, string[]>();
  for (const unsafe of state.unsafe) {
    if (unsafe.beforeNode || unsafe.afterNode || !inScope(stack, unsafe.inConstruct, true) || inScope(stack, unsafe.notInConstruct, false))
      continue;
    characters.add(unsafe.character);
    if (unsafe.character === AROUND) continue;
    const compiled = state.compilePattern(unsafe);
    const flags = compiled.flags.replace('g', '');
    sources.set(flags, [...(sources.get(flags) ?? []), `(?:${compiled.source})`]);
  }
  const any = new RegExp(`[${[...characters].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'u');
  // One alternation a set of flags: it matches somewhere when any of its patterns does.
  const patterns = [...sources].map(([flags, list]) => new RegExp(list.join('|'), flags));
  return (value) =>
    !any.test(value) ||
    (!value.includes('\\') && !value.includes(AROUND) && !patterns.some((pattern) => pattern.test(AROUND + value + AROUND)));
}

/** mdast-util-to-markdown's patternInScope: whether any of the constructs is open (`none` when none are named). */
function inScope(stack: readonly Construct[], list: Construct | readonly Construct[] | null | undefined, none: boolean): boolean {
  const names = typeof list === 'string' ? [list] : (list ?? []);
  return names.length === 0 ? none : names.some((name) => stack.includes(name));
}

/**
 * The cells laid out as markdown-table does with remark-gfm's options: a
 * space of padding, rows not filled up, and, when `aligned`, columns padded
 * to their widest cell in UTF-16 code units (its default `stringLength`).
 */
function layout(matrix: string[][], align: readonly (AlignType | undefined)[], aligned: boolean): string {
  const columns = longest(matrix);
  const widths: number[] = [];
  if (aligned) for (const row of matrix) for (let i = 0; i < row.length; i++) widths[i] = Math.max(widths[i] ?? 0, row[i]!.length);
  const delimiters: string[] = [];
  for (let i = 0; i < columns; i++) {
    const left = align[i] === 'left' || align[i] === 'center' ? ':' : '';
    const right = align[i] === 'right' || align[i] === 'center' ? ':' : '';
    const cell = left + '-'.repeat(aligned ? Math.max(1, (widths[i] ?? 0) - left.length - right.length) : 1) + right;
    if (aligned) widths[i] = Math.max(widths[i] ?? 0, cell.length);
    delimiters.push(cell);
  }
  const line = (cells: readonly string[], count: number) => {
    let out = '|';
    for (let i = 0; i < Math.max(1, count); i++) {
      const cell = cells[i] ?? '';
      if (!aligned) {
        // Unaligned, an empty cell has only the closing space.
        out += cell === '' ? ' |' : ` ${cell} |`;
        continue;
      }
      const gap = (widths[i] ?? 0) - cell.length;
      const before = align[i] === 'right' ? gap : align[i] === 'center' ? Math.ceil(gap / 2) : 0;
      out += ` ${' '.repeat(before)}${cell}${' '.repeat(gap - before)} |`;
    }
    return out;
  };
  const [head, ...body] = matrix;
  // The delimiter row has as many cells as the head; a table without rows is the delimiter row alone.
  if (head === undefined) return line(delimiters, delimiters.length);
  return [line(head, head.length), line(delimiters, head.length), ...body.map((row) => line(row, row.length))].join('\n');
}

/** The number of cells in the longest row. */
function longest(matrix: readonly string[][]): number {
  let most = 0;
  for (const row of matrix) most = Math.max(most, row.length);
  return most;
}
