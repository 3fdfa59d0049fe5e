import type { Section } from './outline.js';

/** The longest summary kept of an item's text: a few sentences, enough to say what was discussed. */
export const SUMMARY_MAX_CHARS = 320;

/**
 * Each section's first paragraph as plain text, by item number: what the
 * protocol itself says about the item, for the reports' content follow-up.
 * The paragraph is the first run of non-blank lines after the heading, up to
 * the next blank line or heading; a list or quote is read as its text. Inline
 * Markdown (emphasis, code, links) is reduced to its words. A section with no
 * such paragraph has none; an
 * item headed twice, the first heading's. Linear in the body.
 */
export function summaries(sections: readonly Section[], body: string, bodyLine: number): Map<number, string> {
  const out = new Map<number, string>();
  if (sections.length === 0) return out;
  const lines = body.split(/\r\n|\r|\n/);
  const seen = new Set<number>();
  // An item number headed twice is a finding of its own; its summary is the first heading's.
  for (const s of sections) {
    if (seen.has(s.no)) continue;
    seen.add(s.no);
    const summary = firstParagraph(lines, s.line - bodyLine + 1);
    if (summary) out.set(s.no, summary);
  }
  return out;
}

function firstParagraph(lines: readonly string[], from: number): string {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const parts: string[] = [];
  let length = 0;
  for (; i < lines.length && length <= SUMMARY_MAX_CHARS; i++) {
    // Only the start of a line can be kept: the rest is never read, so no line, however long, costs more than that.
    const line = lines[i]!.slice(0, 2 * SUMMARY_MAX_CHARS).trim();
    if (line === '' || /^#{1,6}(\s|$)/.test(line) || /^(```|~~~)/.test(line)) break;
    const text = plain(line);
    if (text === '') continue;
    // A list's items read as one sentence, separated by semicolons.
    parts.push(parts.length === 0 ? text : `${LIST_ITEM.test(line) ? ';' : ''} ${text}`);
    length += text.length + 2;
  }
  const joined = parts.join('');
  return joined.length > SUMMARY_MAX_CHARS ? `${joined.slice(0, SUMMARY_MAX_CHARS - 1).trimEnd()}…` : joined;
}

const LIST_ITEM = /^(>\s?)*([-*+]|\d{1,9}[.)])\s+/;

/** A line's words without its Markdown: list and quote markers, emphasis, code spans, links (their text), HTML tags. */
function plain(line: string): string {
  return line
    .replace(/^(>\s?)+/, '')
    .replace(LIST_ITEM, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
