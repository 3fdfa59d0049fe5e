import { changed, EXAMPLE_ARCHIVE, EXAMPLE_PROTOCOL } from '../core/examples.js';
import type { Finding } from '../core/finding.js';
import { defineRule } from '../core/rule.js';
import { REMARK_MAX_CHARS, REMARK_MAX_DEPTH, REMARK_MAX_LINE_CHARS, REMARK_MAX_LINES, readOutline } from './outline.js';

/** A protocol opens with exactly `---` and closes its front matter with `---`; executable fences are refused. */
export const frontMatterRule = defineRule({
  id: 'front-matter',
  messages: { 'frontmatter.open': 'error', 'frontmatter.executable': 'error', 'frontmatter.unclosed': 'error' },
  examples: {
    ok: [
      // A `---` line in the text, after the front matter, is a horizontal rule.
      { files: { [EXAMPLE_PROTOCOL]: `${EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!}\n---\n\nVid protokollet: Sara Sund\n` } },
    ],
    notOk: [
      {
        // A heading written above the front matter.
        files: { [EXAMPLE_PROTOCOL]: `Protokoll Kommundirektörsgruppen 8 februari 2024\n${EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!}` },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 1,
            column: 1,
            key: 'frontmatter.open',
            data: { found: 'Protokoll Kommundirektörsgruppen 8 februari 2024' },
          },
        ],
      },
      {
        // A fence that some front matter readers run as JavaScript.
        files: { [EXAMPLE_PROTOCOL]: `---js${EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!.slice(3)}` },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 1, column: 1, key: 'frontmatter.executable', data: { found: '---js' } }],
      },
      {
        // Word's autocorrect made the closing `---` a dash.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['---\n\n## 1.', '—\n\n## 1.']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 1, column: 1, key: 'frontmatter.unclosed', data: {} }],
      },
    ],
  },
});

/** The text after the front matter can be read within the limits of outline.ts. */
export const bodyRule = defineRule({
  id: 'body',
  messages: { 'body.unreadable': 'error' },
  examples: {
    ok: [
      // An e-mail pasted as a quotation, with the reply it answered.
      {
        files: {
          [EXAMPLE_PROTOCOL]: `${EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!}\n> Vi ser gärna en gemensam upphandling.\n>\n> > Vill Berga vara med?\n`,
        },
      },
    ],
    notOk: [
      {
        // An e-mail thread pasted whole, each of its 33 replies quoting the one before: deeper than kd reads.
        files: { [EXAMPLE_PROTOCOL]: `${EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!}\n${'> '.repeat(33)}Vill Berga vara med?\n` },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 26,
            column: 1,
            key: 'body.unreadable',
            data: { found: `${'> '.repeat(30)}…`, chars: 16384, lines: 400, width: 2000, depth: 8 },
          },
        ],
      },
    ],
  },
});

export interface FrontMatter {
  /** The YAML between the fences. */
  yaml: string;
  /** Where in the text the YAML starts (after the first line). */
  yamlStart: number;
  /** File line on which the YAML starts (always 2). */
  yamlLine: number;
  /** Everything after the closing fence. */
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
}

/**
 * Splits `---` front matter from the Markdown body. Deliberately stricter
 * than gray-matter: line 1 must be exactly `---` (a `---js` fence is refused,
 * never run), and a closing `---` line must follow. A body whose item
 * sections kd cannot read within its limits (see outline.ts) is refused here
 * too, with the line where reading stopped: the file is then not read
 * further, as with a file over the size limit, and no rule runs on a body
 * read only in part.
 */
export function splitFrontMatter(text: string, file: string): { ok: true; value: FrontMatter } | { ok: false; finding: Finding } {
  const firstEnd = text.indexOf('\n');
  const first = firstEnd === -1 ? text : text.slice(0, firstEnd);
  if (first !== '---') {
    const executable = /^---\s*(js|javascript|coffee|coffeescript)\b/i.test(first);
    return {
      ok: false,
      finding: frontMatterRule.finding({ file, line: 1, column: 1 }, executable ? 'frontmatter.executable' : 'frontmatter.open', {
        found: first.slice(0, 60),
      }),
    };
  }
  let offset = firstEnd + 1;
  let line = 2;
  while (firstEnd !== -1 && offset <= text.length) {
    const end = text.indexOf('\n', offset);
    const current = end === -1 ? text.slice(offset) : text.slice(offset, end);
    if (current === '---') {
      const bodyStart = end === -1 ? text.length : end + 1;
      const body = text.slice(bodyStart);
      const outline = readOutline(body, line + 1);
      if (!outline.ok) {
        return {
          ok: false,
          finding: bodyRule.finding({ file, line: outline.line, column: outline.column }, 'body.unreadable', {
            found: outline.found,
            chars: REMARK_MAX_CHARS,
            lines: REMARK_MAX_LINES,
            width: REMARK_MAX_LINE_CHARS,
            depth: REMARK_MAX_DEPTH,
          }),
        };
      }
      return {
        ok: true,
        value: { yaml: text.slice(firstEnd + 1, offset), yamlStart: firstEnd + 1, yamlLine: 2, body, bodyLine: line + 1 },
      };
    }
    if (end === -1) break;
    offset = end + 1;
    line++;
  }
  return {
    ok: false,
    finding: frontMatterRule.finding({ file, line: 1, column: 1 }, 'frontmatter.unclosed', {}),
  };
}
