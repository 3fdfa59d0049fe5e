import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { md } from '../src/render/markdown.js';
import { renderHtmlDocument } from '../src/render/report.js';

async function page(...children: Root['children']): Promise<string> {
  const html = await renderHtmlDocument({ type: 'root', children }, 'T', 'sv', '0');
  return html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
}
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the HTML hooks for narrow screens and print', () => {
  it('keeps dates, ids, time spans and phone numbers in one piece, in Swedish and English, without changing a character', async () => {
    const line =
      'Beslut kd-gruppen 3/2019 §2:1 den 13 sep. 2019 (13 Sept 2019, 2019-09-13), möte 8/2019 kl. 09:00-12:00, mandatperiod 2019-2022, tel. 044-123 45 60.';
    const html = await page(md.paragraph(line));
    expect([...html.matchAll(/<span class="nw">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual([
      'kd-gruppen 3/2019 §2:1',
      '13 sep. 2019',
      '13 Sept 2019',
      '2019-09-13',
      'möte 8/2019',
      '09:00-12:00',
      '2019-2022',
      '044-123 45 60',
    ]);
    expect(text(html)).toBe(line);
  });

  it('leaves ordinary text and numbers alone', async () => {
    const html = await page(md.paragraph('8 av 32 planerade möten hölls under 2019; 90 % närvaro.'));
    expect(html).not.toContain('class="nw"');
  });

  it('stacks a register with its column titles on each cell, and narrows a column of ids or dates to its token', async () => {
    const html = await page(
      md.heading(2, 'Beslut'),
      md.table({
        columns: [{ title: 'Id' }, { title: 'Datum' }, { title: 'Text' }, { title: 'Ansvarig' }],
        rows: [
          ['kd-gruppen 3/2019 §2:1', '13 sep. 2019', 'att anta planen för 2020', ''],
          ['kd-gruppen 3/2019 §2:2', '13 sep. 2019', 'att ge 8/2019 i uppdrag', 'Anna'],
        ],
      }),
    );
    // In a labelled box that scrolls when a wide screen is still too narrow for it.
    expect(html).toContain('<div class="fit" tabindex="0" role="region" aria-label="Beslut"><table class="stack">');
    expect(html).toContain('<td class="tok" data-label="Id"><span class="nw">kd-gruppen 3/2019 §2:1</span></td>');
    expect(html).toContain('<td class="tok" data-label="Datum"><span class="nw">13 sep. 2019</span></td>');
    // The word before a number/year is taken for a network's short name: kept with it, which does no harm.
    expect(html).toContain('<td data-label="Text">att <span class="nw">ge 8/2019</span> i uppdrag</td>');
    expect(html).toContain('<td data-label="Ansvarig"></td>');
  });

  it('puts a matrix and a table of figures in a labelled, focusable box that scrolls', async () => {
    const html = await page(
      md.heading(2, 'Kommundirektörsgruppen'),
      md.heading(3, 'Närvaro'),
      md.table({
        columns: [{ title: 'Namn' }, { title: '1/2019', align: 'center' }, { title: '2/2019', align: 'center' }, { title: 'Andel' }],
        rows: [['Anna', 'N', 'F', '50 %']],
      }),
      md.heading(2, 'Översikt'),
      md.table({ columns: [{ title: 'Mått' }, { title: '2019H1', align: 'right' }], rows: [['Möten', '3']] }),
    );
    expect(html).toContain(
      '<div class="scroll" tabindex="0" role="region" aria-label="Kommundirektörsgruppen – Närvaro"><table class="matrix">',
    );
    expect(html).toContain('<div class="scroll" tabindex="0" role="region" aria-label="Översikt"><table>');
    expect(html).not.toContain('stack');
  });
});
