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
