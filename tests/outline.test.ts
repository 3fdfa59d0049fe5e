import { describe, expect, it } from 'vitest';
import { outline, parseOutline, scanOutline } from '../src/archive/outline.js';

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

describe('body sections', () => {
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
