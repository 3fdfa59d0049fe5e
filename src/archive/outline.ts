import type { Heading, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** One `## N. Title` section of a protocol body. */
export interface Section {
  no: number;
  title: string;
  /** The heading as written, for messages. */
  heading: string;
  line: number;
  column: number;
}

const processor = unified().use(remarkParse);
const SECTION_RE = /^(\d+)\.\s*(.*)$/;

/**
 * The item sections of a protocol body: top-level level-2 headings that
 * start with a number. remark reads the body, so a `## 1.` inside a code
 * block or an HTML block is not taken for a section.
 */
export function outline(body: string, bodyLine: number): Section[] {
  return scanOutline(body, bodyLine) ?? parseOutline(body, bodyLine);
}

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const PLAIN_HEADING_RE = /^## +(\d+)\.[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * The same sections without building a syntax tree, for bodies where a line
 * scan is exactly what CommonMark does: top-level `## N.` lines outside
 * fenced code. Anything that could make them differ (HTML blocks, headings
 * indented or inside lists, setext underlines, inline markup in a heading)
 * returns undefined, and remark reads the body instead.
 */
export function scanOutline(body: string, bodyLine: number): Section[] | undefined {
  const sections: Section[] = [];
  const lines = body.split('\n');
  let fence: string | undefined;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = FENCE_RE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (/^ {0,3}</.test(line) || /^ {1,3}#/.test(line) || /^\t/.test(line)) return undefined;
    if (!previousBlank && /^ {0,3}(-{2,}|=+)[ \t]*$/.test(line)) return undefined;
    if (/^ {0,3}([-*+]|\d{1,9}[.)])[ \t]/.test(line) && /\n {2,}#/.test(body)) return undefined;
    if (line.startsWith('## ')) {
      const m = PLAIN_HEADING_RE.exec(line);
      if (m) {
        if (/[*_`[\]<>\\&!]/.test(m[2]!)) return undefined;
        const text = line.slice(3).replace(/[ \t]+#+[ \t]*$/, '').trim();
        sections.push({ no: Number(m[1]), title: m[2]!.trim(), heading: `## ${text}`, line: i + bodyLine, column: 1 });
      }
    }
    previousBlank = line.trim() === '';
  }
  return sections;
}

/** The sections as remark reads them. */
export function parseOutline(body: string, bodyLine: number): Section[] {
  const tree = processor.parse(body) as Root;
  const sections: Section[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 2) continue;
    const heading = plainText(node).trim();
    const m = SECTION_RE.exec(heading);
    if (!m) continue;
    sections.push({
      no: Number(m[1]),
      title: (m[2] ?? '').trim(),
      heading: `## ${heading}`,
      line: (node.position?.start.line ?? 1) + bodyLine - 1,
      column: node.position?.start.column ?? 1,
    });
  }
  return sections;
}

function plainText(node: Heading | RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}
