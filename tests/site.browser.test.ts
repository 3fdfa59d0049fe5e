/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The callbacks given to page.evaluate run in the browser: they are typed against the DOM.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { external, linksOf, made, run, target } from './helpers.js';

/**
 * The site kd site writes, opened from file:// in Debian's Chromium (driven
 * by playwright-core), as a reader would open the folder: it loads without
 * errors or requests outside the folder, passes axe-core's WCAG 2.1 AA rules,
 * fits a phone, can be used from the keyboard and prints without its
 * navigation. The site is built once and one browser serves every test;
 * where Chromium is not installed this says so and is skipped.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Webbplatstestet i webbläsaren hoppas över: ${CHROMIUM} saknas (apt-get install chromium).`);

/** A phone (an iPhone 12–15 is 390 CSS px wide), a tablet held upright, a desktop screen. */
const WIDTHS = [390, 768, 1280];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The kinds of page the site has, each told by its path. */
const TYPES = {
  start: (p: string) => p === 'index.html',
  network: (p: string) => /^networks\/[^/]+\/index\.html$/.test(p),
  protocol: (p: string) => /^networks\/[^/]+\/protocols\//.test(p),
  person: (p: string) => p.startsWith('people/'),
  municipality: (p: string) => p.startsWith('municipalities/'),
  'decisions register': (p: string) => p.startsWith('decisions/'),
  'assignments register': (p: string) => p.startsWith('assignments/'),
  report: (p: string) => /^reports\/[^/]+\.html$/.test(p),
  digest: (p: string) => /^reports\/[^/]+\/[^/]+\.html$/.test(p),
  search: (p: string) => p === 'search.html',
};
type Type = keyof typeof TYPES;
const typeOf = (p: string): Type | undefined => (Object.keys(TYPES) as Type[]).find((t) => TYPES[t](p));

/** What is wrong with a page, each way it is looked at; an empty list is a page without fault. */
interface Survey {
  overflow: Record<number, string[]>;
  headings: string[];
  keyboard: string[];
  print: string[];
  axe: string[];
}

/** Looks at the page open in `tab`: its width at each of WIDTHS, its headings, its keyboard use, its print, axe. */
async function survey(tab: Page): Promise<Survey> {
  const overflow: Record<number, string[]> = {};
  for (const width of WIDTHS) {
    await tab.setViewportSize({ width, height: 900 });
    overflow[width] = await tab.evaluate((width) => {
      const root = document.documentElement;
      if (root.scrollWidth <= width) return [];
      // What sticks out, outside any box that scrolls itself.
      const out = [...document.body.querySelectorAll<HTMLElement>('*')]
        .filter((e) => e.getBoundingClientRect().right > width + 0.5 && e.closest('.scroll, .fit') === null)
        .map(
          (e) => `${e.tagName.toLowerCase()}${e.className ? `.${e.className}` : ''} to ${Math.round(e.getBoundingClientRect().right)} px`,
        );
      return [`scrollWidth ${root.scrollWidth} > ${width}`, ...out.slice(0, 8)];
    }, width);
  }

  // The rest at a desktop's width.
  await tab.setViewportSize({ width: 1280, height: 900 });
  const headings: string[] = [];
  const doc = await tab.evaluate(() => ({
    lang: document.documentElement.lang,
    levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
  }));
  if (doc.lang !== 'sv') headings.push(`lang="${doc.lang}"`);
  if (doc.levels[0] !== 1 || doc.levels.filter((l) => l === 1).length !== 1) headings.push(`headings ${doc.levels.join(' ')}`);
  doc.levels.forEach((l, i) => {
    if (i > 0 && l > doc.levels[i - 1]! + 1) headings.push(`h${doc.levels[i - 1]} followed by h${l}`);
  });

  const keyboard: string[] = [];
  const focused = () =>
    tab.evaluate(() => {
      const e = document.activeElement as HTMLElement;
      const css = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      return {
        what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${e.className}` : ''} ${e.getAttribute('href') ?? ''}`.trim(),
        outline: css.outlineStyle !== 'none' && Number.parseFloat(css.outlineWidth) > 0,
        shown: box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth,
      };
    });
  await tab.keyboard.press('Tab');
  const skip = await focused();
  if (skip.what !== 'a.skip #main') keyboard.push(`the first Tab stop is ${skip.what}`);
  if (!skip.outline) keyboard.push('the focused skip link has no outline');
  if (!skip.shown) keyboard.push('the focused skip link is not on screen');
  await tab.keyboard.press('Tab');
  const next = await focused();
  if (!next.what.startsWith('a ')) keyboard.push(`the second Tab stop is ${next.what}`);
  if (!next.outline) keyboard.push(`the focused link ${next.what} has no outline`);
  await tab.keyboard.press('Shift+Tab');
  await tab.keyboard.press('Enter');
  const landed = await focused();
  if (landed.what !== 'main#main') keyboard.push(`the skip link lands on ${landed.what}`);

  await tab.emulateMedia({ media: 'print' });
  const print = await tab.evaluate(() =>
    ['header.site', 'a.skip']
      .filter((sel) => {
        const e = document.querySelector(sel);
        return e === null || getComputedStyle(e).display !== 'none';
      })
      .map((sel) => `${sel} is printed`),
  );
  await tab.emulateMedia({ media: 'screen' });

  await tab.addScriptTag({ content: AXE });
  const axe = await tab.evaluate<string[]>(`
    axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => v.id + ' at ' + n.target.join(' ') + ': ' + v.help)))`);
  return { overflow, headings, keyboard, print, axe };
}

describe.skipIf(!hasChromium)(`the site in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} not present)`}`, () => {
  let browser: Browser;
  let dir: string;
  /** The folder as a file:// address, ending in /. */
  let root: string;
  /** The pages the start page links to. */
  let fromStart: string[];
  /** One page of each type reached from the start page: the largest. */
  const sample = new Map<Type, string>();
  /** What each of those pages showed, by "type: path". */
  const seen: Record<string, Survey> = {};

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kd-site-browser-'));
    made.push(dir);
    const built = await run(['site', '--archive', 'archive', '--out', dir, '--as-of', '2019-12-31']);
    if (built.code !== 0) throw new Error(built.stderr);
    root = `${pathToFileURL(dir).href}/`;

    const pagesLinked = async (page: string) =>
      linksOf(await readFile(path.join(dir, page), 'utf8'))
        .filter((href) => !external(href))
        .map((href) => target(page, href)?.file)
        .filter((f): f is string => f?.endsWith('.html') === true);
    fromStart = [...new Set(await pagesLinked('index.html'))].filter((p) => p !== 'index.html');
    // Breadth-first from the start page; of each type the page with the most in it (the longest tables, the longest words).
    const queued = new Set(['index.html']);
    const queue = ['index.html'];
    const size = new Map<string, number>();
    while (queue.length > 0) {
      const page = queue.shift()!;
      const type = typeOf(page);
      size.set(page, (await stat(path.join(dir, page))).size);
      if (type !== undefined && size.get(page)! > (size.get(sample.get(type) ?? '') ?? -1)) sample.set(type, page);
      for (const next of await pagesLinked(page)) {
        if (queued.has(next)) continue;
        queued.add(next);
        queue.push(next);
      }
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Each page of the sample is loaded once, in one tab, and looked at every way the tests below assert.
    const tab = await browser.newPage({ viewport: { width: 390, height: 900 } });
    try {
      for (const [type, file] of sample) {
        await tab.setViewportSize({ width: 390, height: 900 });
        await tab.goto(root + file);
        seen[`${type}: ${file}`] = await survey(tab);
      }
    } finally {
      await tab.close();
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the start page reaches a page of every type', () => {
    expect([...sample.keys()].sort()).toEqual(Object.keys(TYPES).sort());
  });

  it('every page the start page links to, and one of each type, loads from file:// without an error or a request outside the folder', async () => {
    const pages = [...new Set(['index.html', ...fromStart, ...sample.values()])];
    expect(pages.length).toBeGreaterThan(25);
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    let at = '';
    tab.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${at}: console error: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`${at}: ${e.message}`));
    tab.on('request', (r) => {
      if (!r.url().startsWith(root)) problems.push(`${at}: request outside the folder: ${r.url()}`);
    });
    tab.on('requestfailed', (r) => problems.push(`${at}: failed: ${r.url()} ${r.failure()?.errorText}`));
    try {
      for (const page of pages) {
        at = page;
        const response = await tab.goto(root + page, { waitUntil: 'load' });
        if (response !== null && !response.ok()) problems.push(`${page}: ${response.status()}`);
      }
    } finally {
      await tab.close();
    }
    expect(problems).toEqual([]);
  });

  /** The pages where `part` found something, with what it found. */
  const faults = (part: (s: Survey) => string[]) =>
    Object.fromEntries(
      Object.entries(seen)
        .map(([page, s]) => [page, part(s)] as const)
        .filter(([, found]) => found.length > 0),
    );

  it('no WCAG 2.1 A or AA violation (axe-core) on a page of any type, at 1280 px', () => {
    expect(Object.keys(seen)).toHaveLength(Object.keys(TYPES).length);
    expect(faults((s) => s.axe)).toEqual({});
  });

  it.each(WIDTHS)('at %i px no page scrolls sideways (a wide table scrolls in its own box)', (width) => {
    expect(faults((s) => s.overflow[width]!)).toEqual({});
  });

  it('one h1 first, no heading level skipped, lang="sv"', () => {
    expect(faults((s) => s.headings)).toEqual({});
  });

  it('from the keyboard: the skip link is the first stop, shows when focused, is outlined as the next link is, and lands on #main', () => {
    expect(faults((s) => s.keyboard)).toEqual({});
  });

  it('printed, a page has neither the site navigation nor the skip link (display: none)', () => {
    expect(faults((s) => s.print)).toEqual({});
  });

  // Words that, stemmed, occur in exactly one decision of the sample and nowhere else in it.
  it.each([
    ['rekryteringsmässan', 'networks/kompetens/protocols/2019/2019-09-05-4.html#§1:1', 'rekryteringsmässan'],
    ['förutsättningarna', 'networks/kompetens/protocols/2019/2019-10-24-5.html#§2:1', 'förutsättningarna'],
    // Typed without å, ä and ö: found by the folded fallback.
    ['forutsattningarna', 'networks/kompetens/protocols/2019/2019-10-24-5.html#§2:1', 'förutsättningarna'],
  ])('search for %s: the one decision first, and its link lands on the decision', async (query, page, word) => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const outside: string[] = [];
    tab.on('request', (r) => {
      if (!r.url().startsWith(root)) outside.push(r.url());
    });
    try {
      await tab.goto(`${root}search.html?q=${encodeURIComponent(query)}`);
      const first = tab.locator('ol.kd-search-hits li a').first();
      await first.waitFor();
      expect(decodeURIComponent(new URL(await first.evaluate((a) => (a as HTMLAnchorElement).href)).href.slice(root.length))).toBe(page);
      await first.click();
      await tab.waitForURL((url) => url.href.startsWith(root + page.split('#')[0]));
      const anchor = decodeURIComponent(new URL(tab.url()).hash.slice(1));
      expect(anchor).toBe(page.split('#')[1]);
      expect(await tab.evaluate((id) => document.getElementById(id)?.textContent ?? '', anchor)).toContain(word);
      expect(outside).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
