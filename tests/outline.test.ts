import { beforeAll, describe, expect, it } from 'vitest';
import { loadRemark, outline, parseOutline, RemarkNeeded, scanOutline, withRemark } from '../src/archive/outline.js';

/** The line scan must give exactly what remark gives, or step aside. */
const bodies: [string, string][] = [
  ['plain sections', '# Titel\n\n## 1. Budget\n\nText.\n\n## 2. Övrigt   ##\n'],
  ['a heading inside fenced code is not a section', '## 1. A\n\n```\n## 2. Inte\n```\n\n~~~~\n## 3. Inte heller\n~~~~\n\n## 2. B\n'],
  ['an HTML block', '## 1. A\n\n<div>\n## 2. Inne i html\n</div>\n'],
  ['a heading inside a list item', '- punkt\n  ## 2. Inne i listan\n\n## 1. A\n'],
  ['inline markup in a heading', '## 1. *Budget* för `2020`\n'],
  ['a setext underline', 'Rubrik\n---\n\n## 1. A\n'],
  ['indented code', '    ## 1. Kod\n\n## 1. A\n'],
  ['no space after the dot', '## 1.Budget\n'],
];

// Runs first, before any test here has loaded remark.
describe('remark is loaded only for a body the line scan cannot decide', () => {
  it('a plain body is read without it; one with markup in a heading asks for it, and withRemark loads it and reads', async () => {
    expect(outline('## 1. Ekonomi\n\nText.\n', 10)).toEqual([{ no: 1, title: 'Ekonomi', heading: '## 1. Ekonomi', line: 10, column: 1 }]);
    const marked = '## 2. *Budget* 2025\n\nText.\n';
    expect(() => outline(marked, 1)).toThrow(RemarkNeeded);
    expect(await withRemark(() => outline(marked, 1))).toEqual([
      { no: 2, title: 'Budget 2025', heading: '## 2. Budget 2025', line: 1, column: 1 },
    ]);
  });
});

describe('body sections', () => {
  beforeAll(loadRemark);

  it.each(bodies)('%s: the same as remark', (_, body) => {
    const scanned = scanOutline(body, 5);
    if (scanned) expect(scanned).toEqual(parseOutline(body, 5));
    expect(outline(body, 5)).toEqual(parseOutline(body, 5));
  });

  it('scans the common case without remark', () => {
    expect(scanOutline('## 1. Budget\n\nText.\n', 10)).toEqual([{ no: 1, title: 'Budget', heading: '## 1. Budget', line: 10, column: 1 }]);
    expect(scanOutline('<div>\n</div>\n', 1)).toBeUndefined();
  });
});
