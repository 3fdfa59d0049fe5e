/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The callbacks given to page.evaluate run in the browser: they are typed against the DOM.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { getResolvedPDFJS } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveWith, replace, run, SAMPLE } from './helpers.js';

/**
 * The HTML pages in a real browser: Debian's Chromium, driven by
 * playwright-core. Where Chromium is not installed this says so and is
 * skipped; .ci/run installs it. One browser serves every test.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Webbläsartestet hoppas över: ${CHROMIUM} saknas (apt-get install chromium).`);

const ARCHIVE = ['--archive', 'archive', '--format', 'html'];
/** The pages a municipal director reads on a phone and prints. */
const PAGES: Record<string, string[]> = {
  'report 2019H1': ['report', '--half', '2019H1', ...ARCHIVE],
  'report 2019H2': ['report', '--half', '2019H2', ...ARCHIVE],
  'digest Hässleholm 2019H2': ['digest', '--municipality', 'Hässleholm', '--half', '2019H2', ...ARCHIVE],
  'intro kd-gruppen': ['intro', '--network', 'kd-gruppen', ...ARCHIVE],
};
/** A phone (an iPhone 12–15 is 390 CSS px wide) and a desktop screen. */
const WIDTHS = [390, 1280];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The report's @page: A4 with 16 mm top and bottom margins, in PDF points. */
const MM = 72 / 25.4;
const PAGE_TOP_MARGIN = 16 * MM;

describe.skipIf(!hasChromium)(`the HTML pages in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} not present)`}`, () => {
  let browser: Browser;
  const html: Record<string, string> = {};
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const [name, args] of Object.entries(PAGES)) html[name] = (await run(args)).stdout;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(html[name]!, { waitUntil: 'load' });
    expect(requests).toEqual([]);
    return page;
  }

  it('shows headings, tables and both charts, makes no request, and prints to PDF', async () => {
    const page = await open('report 2019H1', 1024);
    try {
      expect(await page.locator('h1').innerText()).toBe('Sammanställning av första halvåret 2019 – Skåne Nordost i samverkan');
      expect(await page.locator('h2').allInnerTexts()).toEqual([
        'Sammanfattning',
        'Översikt',
        'Närvaro per kommun',
        'Möten per nätverk',
        'Kommundirektörsgruppen',
        'Nätverket för digitalisering',
        'Strategiskt nätverk för kompetensförsörjning',
      ]);
      expect(await page.locator('table').count()).toBeGreaterThan(10);

      const bars = page.locator('svg.chart-municipalities rect');
      expect(await bars.count()).toBe(10);
      const dots = page.locator('svg.chart-meetings circle');
      expect(await dots.count()).toBe(11);
      for (const chart of ['svg.chart-municipalities', 'svg.chart-meetings']) {
        await expect.poll(async () => (await page.locator(chart).boundingBox())?.height ?? 0).toBeGreaterThan(100);
        expect(await page.locator(chart).isVisible()).toBe(true);
      }
      // Kristianstad attended every meeting: its bar is the full scale.
      const widths = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
      expect(Math.max(...widths)).toBeCloseTo(438, 0);

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
    } finally {
      await page.close();
    }
  });

  it('a long network name is wrapped in the meetings chart: every text of both charts inside its viewBox', async () => {
    const name = 'Samverkansnätverket för digitalisering, e-förvaltning och gemensamma IT-tjänster i Skåne Nordost med omnejd';
    const root = await archiveWith(SAMPLE, {
      'networks/digital/network.yml': replace('name: Nätverket för digitalisering\nshort: Digitaliseringsnätverket\n', `name: ${name}\n`),
    });
    html.long = (await run(['report', '--half', '2019H1', '--format', 'html'], { cwd: root })).stdout;
    for (const width of WIDTHS) {
      const page = await open('long', width);
      try {
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll<SVGSVGElement>('svg')].map((svg) => {
            const box = svg.viewBox.baseVal;
            return {
              // Each text's lines, without its title (which holds the full name whatever is shown).
              text: [...svg.querySelectorAll<SVGTextElement>(':scope > text')].map((t) =>
                [...t.childNodes]
                  .filter((n) => n.nodeName !== 'title')
                  .map((n) => n.textContent)
                  .join(' '),
              ),
              // What sticks out of the viewBox, in chart units; half a unit is the font's rounding.
              outside: [...svg.querySelectorAll<SVGTextElement>('text')]
                .map((t) => ({ text: t.textContent, b: t.getBBox() }))
                .filter(({ b }) => b.x < -0.5 || b.y < -0.5 || b.x + b.width > box.width + 0.5 || b.y + b.height > box.height + 0.5)
                .map(({ text, b }) => `${text}: ${b.x},${b.y} ${b.width}×${b.height} in ${box.width}×${box.height}`),
            };
          }),
        );
        expect(charts).toHaveLength(2);
        for (const chart of charts) expect(chart.outside).toEqual([]);
        const label = charts[1]!.text.find((t) => t.startsWith('Samverkansnätverket'))!;
        for (const word of name.split(' ')) expect(label).toContain(word);
      } finally {
        await page.close();
      }
    }
  });

  describe.each(Object.keys(PAGES))('%s', (name) => {
    it.each(WIDTHS)(
      'at %i px: no sideways scrolling, titles and tokens whole, chart text ≥ 10 px, no WCAG 2.1 AA violation',
      async (width) => {
        const page = await open(name, width);
        try {
          const layout = await page.evaluate(() => {
            const root = document.documentElement;
            return {
              scrollWidth: root.scrollWidth,
              clientWidth: root.clientWidth,
              // A title is wrapped, never cut or pushed out of its box.
              cutTitles: [...document.querySelectorAll<HTMLElement>('h1, h2, h3')]
                .filter((h) => h.scrollWidth > h.clientWidth)
                .map((h) => h.textContent),
              // A date or an id is on one line.
              brokenTokens: [...document.querySelectorAll('.nw')].filter((s) => s.getClientRects().length > 1).map((s) => s.textContent),
              // Each chart text as rendered: its font size in user units times the SVG's scale to the screen.
              chartText: [...document.querySelectorAll<SVGTextElement>('svg text')].map((t) => ({
                text: t.textContent,
                px: Number.parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0),
              })),
            };
          });
          expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
          expect(layout.cutTitles).toEqual([]);
          expect(layout.brokenTokens).toEqual([]);
          expect(layout.chartText.filter((t) => t.px < 10)).toEqual([]);
          if (name.startsWith('report')) expect(layout.chartText.length).toBeGreaterThan(20);

          await page.addScriptTag({ content: AXE });
          const violations = await page.evaluate<{ id: string; nodes: string[] }[]>(`
          axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
            .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })))`);
          expect(violations).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );

    it('prints on A4 with every table row on one page and no page but the last mostly empty', async () => {
      const page = await open(name, 1280);
      try {
        // Laid out for print at the width between A4's margins (210 − 2 × 14 mm):
        // nothing wider than the paper, no date or id broken.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: Math.floor((210 - 28) * (96 / 25.4)), height: 1000 });
        const print = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          brokenTokens: [...document.querySelectorAll('.nw')].filter((s) => s.getClientRects().length > 1).map((s) => s.textContent),
        }));
        expect(print).toEqual({ overflow: 0, brokenTokens: [] });

        // Two markers in each row's first cell, out of the flow so the layout is
        // unchanged: one at the row's top edge, one at its bottom edge. A row
        // split across pages has them on different pages of the PDF.
        const rows = await page.evaluate(() => {
          const rows = [...document.querySelectorAll('tr')];
          rows.forEach((tr, i) => {
            const cell = tr.cells[0]!;
            cell.style.position = 'relative';
            for (const edge of ['top', 'bottom']) {
              const mark = document.createElement('span');
              mark.textContent = `ROW${i}${edge}ROW`;
              mark.style.cssText = `position: absolute; left: 0; ${edge}: 0; font-size: 2px; line-height: 1; color: #fff`;
              cell.append(mark);
            }
          });
          return rows.length;
        });
        expect(rows).toBeGreaterThan(10);

        const pdf = await page.pdf({ format: 'A4' });
        const pdfjs = await getResolvedPDFJS();
        const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, useSystemFonts: false })
          .promise;
        const pageOf = new Map<string, number>();
        const fill: number[] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          const p = await doc.getPage(n);
          const height = p.view[3]!;
          let lowest = height;
          for (const item of (await p.getTextContent()).items) {
            if (!('str' in item) || item.str.trim() === '') continue;
            lowest = Math.min(lowest, item.transform[5]);
            for (const m of item.str.matchAll(/ROW(\d+)(top|bottom)ROW/g)) pageOf.set(`${m[1]} ${m[2]}`, n);
          }
          // How far down the printable area the page's text reaches.
          fill.push((height - PAGE_TOP_MARGIN - lowest) / (height - 2 * PAGE_TOP_MARGIN));
        }
        await doc.destroy();

        expect(pageOf.size).toBe(2 * rows);
        const split = Array.from({ length: rows }, (_, i) => i).filter((i) => pageOf.get(`${i} top`) !== pageOf.get(`${i} bottom`));
        expect(split).toEqual([]);
        expect(fill.slice(0, -1).filter((f) => f < 0.5)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
