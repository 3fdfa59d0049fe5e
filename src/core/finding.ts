import type { MessageData, MessageKey } from '../i18n/index.js';

export type Severity = 'error' | 'warning';

/**
 * One problem in one file, at one position. Every stage pushes these into a
 * list instead of throwing, so one broken protocol never hides another.
 * The sentence is not stored: `message` is a catalogue key with its data, and
 * the renderer picks the language.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Archive-relative path with forward slashes. */
  file: string;
  /** 1-based line and column (column in UTF-16 code units, as editors count). */
  line: number;
  column: number;
  /** Key path inside the front matter, e.g. `attendance.present[2]`, when there is one. */
  path?: string;
  message: Message;
}

export interface Message<K extends MessageKey = MessageKey> {
  key: K;
  data: MessageData<K>;
}

export function message<K extends MessageKey>(key: K, data: MessageData<K>): Message<K> {
  return { key, data };
}

export interface Position {
  line: number;
  column: number;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Formats a key path the way a reader writes it: `items[1].decisions[0]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
