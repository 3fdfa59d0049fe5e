import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveWith, REPO, replace, run } from './helpers.js';

const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'render');
const RICH = 'networks/ledning/protocols/2019/2019-04-05-2.md';
const TABLE = '| Kommun | Andel |\n| --- | --- |\n| Alsered | 12 % |\n| Björkvik & Dalby | 9 % |';

/** The rich fixture with a table in item 4's text, so that the Word table has something to show. */
let archive: string;
beforeAll(async () => {
  archive = await archiveWith(FIXTURE, {
    [RICH]: replace('Inga övriga frågor utöver besluten nedan.', `Inga övriga frågor utöver besluten nedan.\n\n${TABLE}`),
  });
});

async function docx(extra: string[] = []): Promise<Buffer> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'kd-docx-')), 'protokoll.docx');
  const out = await run(['render', RICH, '--archive', archive, '--format', 'docx', '--out', file, ...extra]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return readFile(file);
}

async function markdown(extra: string[] = []): Promise<string> {
  const out = await run(['render', RICH, '--archive', archive, ...extra]);
  expect(out.code).toBe(0);
  return out.stdout;
}

const mdText = (n: Nodes): string => ('value' in n ? n.value : 'children' in n ? n.children.map(mdText).join('') : '');

/** Headings as "2 Deltagare" and every table as its rows of cells, from Markdown. */
function mdStructure(text: string) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
  const headings: string[] = [];
  const tables: string[][][] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'heading') headings.push(`${n.depth} ${mdText(n)}`);
    else if (n.type === 'table') tables.push(n.children.map((row) => row.children.map((cell) => mdText(cell))));
    else if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return { headings, tables };
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The same from the HTML mammoth makes of the Word file: Heading n styles become <hn>, Word tables <table>. */
async function docxStructure(bytes: Buffer) {
  const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
  const headings = [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${decode(m[2] ?? '')}`);
  const tables = [...html.matchAll(/<table>(.*?)<\/table>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((c) => decode(c[1] ?? '')),
    ),
  );
  return { headings, tables };
}

describe('kd render --format docx: Word with the structure of the Markdown', () => {
  it.each([[[]], [['--public']], [['--lang', 'en']]])('the same headings in order and the same table cells (%j)', async (extra) => {
    const expected = mdStructure(await markdown(extra));
    expect(expected.headings.length).toBeGreaterThan(8);
    expect(expected.tables).toEqual([
      [
        ['Kommun', 'Andel'],
        ['Alsered', '12 %'],
        ['Björkvik & Dalby', '9 %'],
      ],
    ]);
    expect(await docxStructure(await docx(extra))).toEqual(expected);
  });

  it('sets the language, title, creator and dates from the protocol in the core properties', async () => {
    for (const [extra, language, title] of [
      [[], 'sv-SE', 'Ledningsgruppen – Protokoll 2/2019'],
      [['--lang', 'en'], 'en-GB', 'Ledningsgruppen – Minutes 2/2019'],
    ] as const) {
      const zip = await JSZip.loadAsync(await docx([...extra]));
      const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
      expect(core).toContain(`<dc:title>${title}</dc:title>`);
      expect(core).toContain('<dc:creator>Hanna Holm</dc:creator>');
      expect(core).toContain(`<dc:language>${language}</dc:language>`);
      // Created on the meeting day, last changed on the approval day: never the clock.
      expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2019-04-05T00:00:00Z</dcterms:created>');
      expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2019-04-12T00:00:00Z</dcterms:modified>');
      expect(await zip.file('word/styles.xml')?.async('string')).toContain(`<w:lang w:val="${language}"/>`);
      for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe('2019-04-12T00:00:00.000Z');
    }
  });

  it('--public: no confidential text in the Word file, the reasons instead', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await docx(['--public']) });
    expect(text).not.toContain('Kommunpolisen beskrev hoten');
    expect(text).not.toContain('stärker skyddet vid nämndsammanträden');
    expect(text).not.toContain('skyddade personuppgifter');
    expect(text).not.toContain('kommunstyrelsens sammanträden');
    expect(text).not.toContain('Lisa Lund');
    expect(text).toContain('Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen');
    expect(text).toContain('Sekretess: 21 kap. 3 § offentlighets- och sekretesslagen');
    expect(text).toContain('3. Lägesbild om hot mot förtroendevalda');
  });

  it('is not written to the terminal: without --out, exit 2 and one sentence', async () => {
    const out = await run(['render', RICH, '--archive', archive, '--format', 'docx']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe('kd: Oväntat --format docx utan --out, förväntade --out FIL: ett Word-dokument skrivs bara till en fil.\n');
  });
});

describe('kd render --format docx: deterministic bytes', () => {
  /** Through the real bin, not in CI mode, in a given time zone. */
  async function bin(tz: string): Promise<Buffer> {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'kd-docx-')), 'p.docx');
    const { CI: _ci, ...env } = process.env;
    await promisify(execFile)(
      process.execPath,
      [path.join(REPO, 'bin', 'kd.js'), 'render', RICH, '--archive', archive, '--format', 'docx', '--out', file],
      { env: { ...env, TZ: tz, KD_CACHE: 'off' } },
    );
    return readFile(file);
  }

  it('the same protocol gives the same bytes on two runs and in any time zone', async () => {
    const a = await bin('America/New_York');
    // A second apart at least, so that a clock in the file would show.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const [b, tokyo] = await Promise.all([bin('America/New_York'), bin('Asia/Tokyo')]);
    expect(a.length).toBeGreaterThan(5000);
    expect(b.equals(a)).toBe(true);
    expect(tokyo.equals(a)).toBe(true);
  });
});
