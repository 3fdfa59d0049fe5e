import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

/**
 * The HTML report in a real browser: Debian's Chromium, driven by
 * playwright-core. Where Chromium is not installed this says so and is
 * skipped; .ci/run installs it.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Webbläsartestet hoppas över: ${CHROMIUM} saknas (apt-get install chromium).`);

describe.skipIf(!hasChromium)('the HTML report in headless Chromium', () => {
  it('shows headings, tables and both charts, makes no request, and prints to PDF', async () => {
    const html = (await run(['report', '--half', '2019H1', '--format', 'html', '--archive', 'archive'])).stdout;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 1400 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(html, { waitUntil: 'load' });

      expect(await page.locator('h1').innerText()).toBe('Halvårssammanställning 2019H1 – Skåne Nordost i samverkan');
      expect(await page.locator('h2').allInnerTexts()).toEqual([
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
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
