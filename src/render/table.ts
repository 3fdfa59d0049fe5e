import type { ChalkInstance } from 'chalk';
import { visible } from '../schema/common.js';

/** A table as every tabular format sees it: titles and already formatted cells. */
export interface Table {
  columns: { title: string; align?: 'left' | 'right' | 'center' }[];
  rows: string[][];
  /** A class for a row in HTML (a row to take home), by row index; text formats ignore it. */
  rowClasses?: (string | undefined)[];
}

/**
 * A terminal table: columns padded to their widest cell, numbers right-aligned.
 * Cells hold archive text: control characters, line ends, noncharacters and
 * bidirectional controls are shown as escapes (`\u001b`), never sent raw.
 */
export function renderTextTable(raw: Table, chalk: ChalkInstance): string {
  const table: Table = {
    columns: raw.columns.map((c) => ({ ...c, title: visible(c.title) })),
    rows: raw.rows.map((r) => r.map((cell) => visible(cell))),
  };
  const widths = table.columns.map((c, i) => Math.max(width(c.title), ...table.rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - width(s));
    const align = table.columns[i]!.align;
    return align === 'right' ? gap + s : align === 'center' ? gap.slice(0, gap.length >> 1) + s + gap.slice(gap.length >> 1) : s + gap;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  const out = [chalk.bold(line(table.columns.map((c) => c.title))), chalk.dim(widths.map((w) => '─'.repeat(w)).join('  '))];
  for (const row of table.rows) out.push(line(row));
  return `${out.join('\n')}\n`;
}

/** Display width: code points, not UTF-16 units (names are NFC Swedish text). */
function width(s: string): number {
  return [...s].length;
}

/** A whole cell that is a number as the registers write it: optional minus, digits, decimal comma (Swedish) or point (English). */
const CSV_NUMBER = /^-?\d+(?:[,.]\d+)?$/;

/**
 * CSV that Swedish Excel opens directly: UTF-8 with BOM, semicolons,
 * CRLF, and every cell with a semicolon, quote or line break quoted
 * (quotes doubled). Cells that start with = + - @ tab or CR are prefixed
 * with ' so a protocol's text can never become a spreadsheet formula,
 * unless the whole cell is a number (`-2,5`): `-1+1+cmd|…` is prefixed.
 */
export function renderCsv(table: Table): string {
  const cell = (s: string) => {
    const safe = /^[=+\-@\t\r]/.test(s) && !CSV_NUMBER.test(s) ? `'${s}` : s;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [table.columns.map((c) => cell(c.title)), ...table.rows.map((r) => r.map(cell))].map((r) => r.join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A table's columns from a catalogue's column titles, by key; those in `right` (numbers) aligned right. */
export function columns<K extends string>(
  titles: Readonly<Record<K, string>>,
  keys: readonly K[],
  right: readonly K[] = [],
): Table['columns'] {
  return keys.map((k) => (right.includes(k) ? { title: titles[k], align: 'right' } : { title: titles[k] }));
}
