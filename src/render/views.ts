import type { ChalkInstance } from 'chalk';
import type { RootContent } from 'mdast';
import type { QueryFormat, SummaryFormat } from './formats.js';
import { md, renderMarkdown } from './markdown.js';
import type { Style } from './registers.js';
import { json, type Reporter } from './reporter.js';
import { renderCsv, renderTextTable, type Table } from './table.js';

/** A line of a query's text output: bold, plain (empty for a blank line), or a table. */
export type TextBlock = { strong: string } | { line: string } | { table: Table };

/** A query's answer as each table format shows it, each built only when asked for. */
export interface TableView {
  json: () => unknown;
  /** Dates and rates as ISO and plain numbers. */
  csv: () => Table;
  markdown: () => RootContent[];
  text: () => TextBlock[];
}

export const tableReporters: Record<QueryFormat, Reporter<TableView, { chalk: ChalkInstance }>> = {
  text: (view, { chalk }) =>
    view
      .text()
      .map((b) => ('table' in b ? renderTextTable(b.table, chalk) : 'strong' in b ? `${chalk.bold(b.strong)}\n` : `${b.line}\n`))
      .join(''),
  json: (view) => json(view.json()),
  csv: (view) => renderCsv(view.csv()),
  md: (view) => renderMarkdown(view.markdown()),
};

/**
 * A register of rows (decisions, assignments): a title, perhaps a note, and
 * the table, or a sentence that there is none. `styled(true)` is the ISO style.
 */
export function rowsView(
  rows: {
    json: () => unknown;
    table: (s: Style) => Table;
    title: string;
    note?: (s: Style) => string;
    count: number;
  },
  styled: (iso: boolean) => Style,
): TableView {
  const s = styled(false);
  const note = rows.note?.(s);
  return {
    json: rows.json,
    csv: () => rows.table(styled(true)),
    markdown: () => [
      md.heading(2, rows.title),
      ...(note !== undefined ? [md.paragraph(note)] : []),
      rows.count > 0 ? md.table(rows.table(s)) : md.paragraph(s.c.registers.noRows),
    ],
    text: () => [
      { strong: rows.title },
      ...(note !== undefined ? [{ strong: note }] : []),
      ...(rows.count > 0 ? [{ table: rows.table(s) }, { line: '' }] : [{ strong: s.c.registers.noRows }]),
    ],
  };
}

/** What a command that changes or proposes something says it did: a sentence or two, or the same as data. */
export interface SummaryView {
  json: () => unknown;
  text: () => string;
}

export const summaryReporters: Record<SummaryFormat, Reporter<SummaryView>> = {
  text: (view) => view.text(),
  json: (view) => json(view.json()),
};
