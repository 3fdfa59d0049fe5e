import { message, type Finding } from './finding.js';

export interface FrontMatter {
  /** The YAML between the fences. */
  yaml: string;
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
 * never run), and a closing `---` line must follow.
 */
export function splitFrontMatter(text: string, file: string): { ok: true; value: FrontMatter } | { ok: false; finding: Finding } {
  const firstEnd = text.indexOf('\n');
  const first = firstEnd === -1 ? text : text.slice(0, firstEnd);
  if (first !== '---') {
    const executable = /^---\s*(js|javascript|coffee|coffeescript)\b/i.test(first);
    return {
      ok: false,
      finding: {
        rule: 'front-matter',
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message: executable
          ? message('frontmatter.executable', { found: first.slice(0, 60) })
          : message('frontmatter.open', { found: first.slice(0, 60) }),
      },
    };
  }
  let offset = firstEnd + 1;
  let line = 2;
  while (firstEnd !== -1 && offset <= text.length) {
    const end = text.indexOf('\n', offset);
    const current = end === -1 ? text.slice(offset) : text.slice(offset, end);
    if (current === '---') {
      const bodyStart = end === -1 ? text.length : end + 1;
      return {
        ok: true,
        value: { yaml: text.slice(firstEnd + 1, offset), yamlLine: 2, body: text.slice(bodyStart), bodyLine: line + 1 },
      };
    }
    if (end === -1) break;
    offset = end + 1;
    line++;
  }
  return {
    ok: false,
    finding: { rule: 'front-matter', severity: 'error', file, line: 1, column: 1, message: message('frontmatter.unclosed', {}) },
  };
}
