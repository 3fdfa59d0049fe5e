/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser: they are typed against the DOM.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchDoc, searchFiles, searchFragment } from '../src/render/search.js';
import { CORPUS, LABELS } from './search-corpus.js';

/**
 * The search as a reader meets it: the files kd writes, in a folder opened
 * from disk (file://) in Debian's Chromium, driven by playwright-core.
 * Where Chromium is not installed this says so and is skipped.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Webbläsartestet av sökningen hoppas över: ${CHROMIUM} saknas (apt-get install chromium).`);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const HOSTILE_TITLE = 'att <img src=x onerror="document.title=\'pwned\'"> skadlig </script><script>alert(1)</script>';
const HOSTILE: SearchDoc = {
  url: 'networks/ledning/protocols/2019/2019-04-05-2.html#§9:1',
  title: HOSTILE_TITLE,
  context: 'Ledningsgruppen 2/2019, 5 april 2019',
  text: 'skadlig text',
  kind: 'decision',
};

/** Many reports on one page: more hits than are shown. */
const REPORTS: SearchDoc[] = Array.from({ length: 1200 }, (_, i) => ({
  url: `networks/rapport/protocols/2020/2020-02-07-1.html#§${i + 1}`,
  title: `${i + 1}. Lägesrapport`,
  context: 'Rapportnätverket 1/2020, 7 februari 2020',
  text: 'Lägesrapport om sjukfrånvaron',
  kind: 'item',
}));
const DOCS = [...CORPUS, HOSTILE, ...REPORTS];

const html = (title: string, body: string) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
const fragment = (root?: string) => toHtml({ type: 'root', children: searchFragment(LABELS, root) });

describe.skipIf(!hasChromium)(
  `the search in headless Chromium, from file://${hasChromium ? '' : ` (skipped: ${CHROMIUM} not present)`}`,
  () => {
    let browser: Browser;
    let dir: string;
    let site: string;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'kd-search-'));
      const write = (file: string, content: string) => {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
      };
      for (const [file, content] of searchFiles(DOCS, LABELS)) write(file, content);
      write('search.html', html('Sök', fragment()));
      // The same search one folder down, to show the links are made from wherever the page is.
      write('sub/search.html', html('Sök', fragment('../')));
      // Each page the hits link to, with an element for each anchor; tall, so that landing on one scrolls.
      const pages = new Map<string, string[]>();
      for (const d of DOCS) {
        const [page, anchor] = d.url.split('#') as [string, string | undefined];
        pages.set(page, [...(pages.get(page) ?? []), ...(anchor ? [anchor] : [])]);
      }
      for (const [page, anchors] of pages) {
        write(page, html(page, anchors.map((id) => `<h2 id="${id}" style="margin-top: 150vh">${id}</h2>`).join('')));
      }
      site = pathToFileURL(dir).href;

      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** A page that records every request, console error and dialog, to be checked at the end. */
    async function open(url: string): Promise<{ page: Page; check: () => void }> {
      const page = await browser.newPage();
      const outside: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(`${site}/`)) outside.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(url);
      return {
        page,
        check: () => expect({ outside, errors }).toEqual({ outside: [], errors: [] }),
      };
    }

    const hits = (page: Page) =>
      page.locator('#kd-results li').evaluateAll((items) =>
        items.map((li) => {
          const a = li.querySelector('a')!;
          return { text: a.textContent, href: a.getAttribute('href') };
        }),
      );

    it('shows the hits of the query in the address, and a click lands on the decision', async () => {
      const { page, check } = await open(`${site}/search.html?q=${encodeURIComponent('löneöversyn')}`);
      try {
        await expect.poll(() => page.locator('#kd-search-status').textContent()).toBe('1 träff');
        expect(await page.locator('#kd-q').inputValue()).toBe('löneöversyn');
        expect(await hits(page)).toEqual([
          {
            text: 'att kommunerna genomför en gemensam löneöversyn för undersköterskor',
            href: 'networks/ledning/protocols/2019/2019-04-05-2.html#§3:1',
          },
        ]);
        expect(await page.locator('#kd-results li').innerText()).toBe(
          'att kommunerna genomför en gemensam löneöversyn för undersköterskor Beslut Ledningsgruppen 2/2019, 5 april 2019',
        );

        await page.locator('#kd-results a').first().click();
        await page.waitForURL(/2019-04-05-2\.html#/);
        expect(page.url()).toBe(`${site}/networks/ledning/protocols/2019/2019-04-05-2.html#%C2%A73:1`);
        expect(await page.evaluate(() => [document.querySelector(':target')?.id, window.scrollY > 0])).toEqual(['§3:1', true]);
        check();
      } finally {
        await page.close();
      }
    });

    it('searches as one types, without å, ä and ö too, says when nothing matches, and keeps the query in the address', async () => {
      const { page, check } = await open(`${site}/search.html`);
      try {
        expect(await page.locator('#kd-search-status').textContent()).toBe('');
        await page.locator('#kd-q').fill('aldreomsorgen kommunerna');
        await expect.poll(() => page.locator('#kd-search-status').textContent()).toBe(LABELS.resultsFolded.one);
        expect((await hits(page)).map((h) => h.href)).toEqual(['networks/ledning/protocols/2019/2019-04-05-2.html#§2']);
        expect(await page.evaluate(() => decodeURIComponent(location.search))).toBe('?q=aldreomsorgen kommunerna');

        await page.locator('#kd-q').fill('skolskjuts');
        await expect.poll(() => page.locator('#kd-search-status').textContent()).toBe(LABELS.noResults);
        expect(await hits(page)).toEqual([]);

        // The button submits without leaving the page.
        await page.locator('#kd-q').fill('ekonomisystem');
        await page.locator('button[type="submit"]').click();
        await expect.poll(() => page.locator('#kd-search-status').textContent()).toBe('2 träffar');
        expect((await hits(page)).map((h) => h.text)).toEqual([
          'att ge kommundirektörerna i uppdrag att ta fram ett underlag om ekonomisystemet',
          '2. Digitalisering av ekonomiadministrationen',
        ]);

        // Fifty shown, the rest counted; numbers as Swedish writes them.
        await page.locator('#kd-q').fill('lägesrapport');
        await expect.poll(() => page.locator('#kd-search-status').textContent()).toBe('1\u00a0200 träffar');
        expect(await page.locator('#kd-results li').count()).toBe(50);
        expect(await page.locator('.kd-search-more').textContent()).toBe(
          '1\u00a0150 träffar till visas inte; lägg till ett ord för att smalna av sökningen.',
        );

        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate<{ id: string; nodes: string[] }[]>(`
        axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
          .then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })))`);
        expect(violations).toEqual([]);
        check();
      } finally {
        await page.close();
      }
    });

    it('shows a hostile title as text, and links from a page one folder down', async () => {
      const { page, check } = await open(`${site}/sub/search.html?q=skadlig`);
      try {
        await expect.poll(() => page.locator('#kd-search-status').textContent()).toBe('1 träff');
        expect(await hits(page)).toEqual([{ text: HOSTILE_TITLE, href: '../networks/ledning/protocols/2019/2019-04-05-2.html#§9:1' }]);
        expect(
          await page.evaluate(() => [document.querySelectorAll('#kd-results img, #kd-results script').length, document.title]),
        ).toEqual([0, 'Sök']);
        await page.locator('#kd-results a').click();
        await page.waitForURL(/2019-04-05-2\.html#/);
        expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('§9:1');
        check();
      } finally {
        await page.close();
      }
    });
  },
);
