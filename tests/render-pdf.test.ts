import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/import/pdf.js';
import { archiveWith, gitdir, made, REPO, replace, run } from './helpers.js';

const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'render');
const EXPECTED = path.join(REPO, 'tests', 'fixtures', 'expected', 'render');
const RICH = 'networks/ledning/protocols/2019/2019-04-05-2.md';
const RICH_ARGS = [RICH, '--archive', FIXTURE];
const SAMPLE_ID = ['kd-gruppen 7/2019', '--archive', 'archive'];

async function tmp(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-pdf-'));
  made.push(dir);
  return dir;
}

/** Renders a PDF in-process into a temporary folder and returns its bytes. */
async function pdf(args: string[]): Promise<Buffer> {
  const out = path.join(await tmp(), 'p.pdf');
  const r = await run(['render', ...args, '--format', 'pdf', '--out', out]);
  expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  return readFile(out);
}

/** The PDF's text as kd's importer reads it (pdf.js in unpdf), line by line in reading order. */
async function text(bytes: Buffer): Promise<string> {
  const r = await readPdf(new Uint8Array(bytes));
  return `${r.text}\n`;
}

/** Compares with a golden file; KD_UPDATE_GOLDEN=1 writes it instead (then read the diff before committing). */
async function golden(name: string, value: string): Promise<void> {
  const file = path.join(EXPECTED, name);
  if (process.env.KD_UPDATE_GOLDEN === '1') {
    await mkdir(EXPECTED, { recursive: true });
    await writeFile(file, value);
  }
  expect(value).toBe(await readFile(file, 'utf8'));
}

/** The dictionaries of a PDF's objects (pdfkit writes no object streams), the stream data left out. */
function objects(bytes: Buffer): string[] {
  const s = bytes.toString('latin1');
  return [...s.matchAll(/\d+ 0 obj\s*([\s\S]*?)endobj/g)].map((m) => m[1]!.split(/\bstream\r?\n/)[0]!);
}

const STANDARD_14 = /^(Times-|Helvetica|Courier|Symbol|ZapfDingbats)/;

describe('kd render --format pdf: the text', () => {
  it.each([
    ['ledning-2-2019.sv.pdf.txt', RICH_ARGS],
    ['ledning-2-2019.public.sv.pdf.txt', [...RICH_ARGS, '--public']],
    ['sample-kd-gruppen-7-2019.sv.pdf.txt', SAMPLE_ID],
  ])('%s: the extracted text, in order', async (name, args) => {
    await golden(name, await text(await pdf(args)));
  });

  it('--public: none of the confidential text in the PDF', async () => {
    const out = await text(await pdf([...RICH_ARGS, '--public']));
    for (const secret of [
      'Kommunpolisen beskrev hoten',
      'stärker skyddet vid nämndsammanträden',
      'skyddade personuppgifter',
      'kommunstyrelsens sammanträden',
      'Lisa Lund',
      'Internt',
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain('Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen');
  });

  it('without --out is exit 2: a PDF is written only to a file', async () => {
    expect(await run(['render', ...RICH_ARGS, '--format', 'pdf'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kd: Oväntat --format pdf utan --out, förväntade --out FIL: en PDF skrivs bara till en fil.\n',
    });
  });
});

describe('kd render --format pdf: PDF/A-2b from the file', () => {
  it('XMP says PDF/A-2B with the title; language, tags and output intent are set; every font is embedded, a table’s too', async () => {
    const dir = await archiveWith(FIXTURE, {
      [RICH]: replace('Inga övriga frågor utöver besluten nedan.', '| Kommun | Antal |\n| --- | --- |\n| Dalby | 4 |'),
    });
    const bytes = await pdf([RICH, '--archive', dir, '--lang', 'en']);
    // The importer reads cells apart by their gap and joins them with ": ".
    expect(await text(bytes)).toContain('4. Övriga frågor\nKommun: Antal\nDalby: 4\nDecisions\n');
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const utf8 = bytes.toString('utf8');
    expect(utf8).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(utf8).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(utf8).toMatch(/<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">Ledningsgruppen – Minutes 2\/2019<\/rdf:li>/);
    expect(utf8).toMatch(/<dc:creator>\s*<rdf:Seq>\s*<rdf:li>Ledningsgruppen<\/rdf:li>/);
    expect(utf8).toContain('<xmp:CreateDate>2019-04-12T00:00:00Z</xmp:CreateDate>');
    const dicts = objects(bytes);
    const catalog = dicts.find((d) => d.includes('/Type /Catalog'))!;
    expect(catalog).toContain('/Lang (en)');
    expect(catalog).toContain('/StructTreeRoot');
    expect(catalog).toContain('/OutputIntents');
    expect(dicts.find((d) => d.includes('/Marked true'))).toBeDefined();
    // The structure pdfkit can tag: headings, paragraphs, lists and tables with header cells.
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD'])
      expect(dicts.some((d) => d.includes(`/S /${tag}\n`))).toBe(true);

    const fonts = dicts.filter((d) => /\/Type \/Font\b/.test(d));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const base = /\/BaseFont \/(?:[A-Z]{6}\+)?(\S+)/.exec(font)![1]!;
      expect(base).not.toMatch(STANDARD_14);
      // A composite font is embedded through its descendant, which is in this list too.
      if (!font.includes('/Subtype /Type0')) expect(font).toContain('/FontDescriptor');
    }
    const descriptors = dicts.filter((d) => d.includes('/Type /FontDescriptor'));
    expect(descriptors.length).toBe(2);
    for (const d of descriptors) expect(d).toMatch(/\/FontFile[23] \d+ 0 R/);
  });
});

describe('kd render --format pdf: deterministic bytes', () => {
  // Not CI from the test's own environment; only the time zone and locale differ.
  const { CI: _ci, ...env } = process.env;
  const bin = async (args: string[], tz: string) => {
    const out = path.join(await tmp(), 'p.pdf');
    await promisify(execFile)(process.execPath, [path.join(REPO, 'bin', 'kd.js'), 'render', ...args, '--format', 'pdf', '--out', out], {
      cwd: REPO,
      env: { ...env, TZ: tz, KD_CACHE: 'off', LANG: tz === 'Asia/Tokyo' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' },
    });
    return readFile(out);
  };

  it('the same protocol gives the same bytes on two runs and in New York and Tokyo', async () => {
    const [a, b, ny, tokyo] = await Promise.all([
      bin(RICH_ARGS, 'UTC'),
      bin(RICH_ARGS, 'UTC'),
      bin(RICH_ARGS, 'America/New_York'),
      bin(RICH_ARGS, 'Asia/Tokyo'),
    ]);
    expect(a.length).toBeGreaterThan(10_000);
    expect(b.equals(a)).toBe(true);
    expect(ny.equals(a)).toBe(true);
    expect(tokyo.equals(a)).toBe(true);
  });
});

describe('kd verify', () => {
  const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';

  it('recognises the PDF of a protocol approved by kd approve by its recorded hash, also with a signature appended; a changed PDF is named and refused', async () => {
    const dir = await gitdir(path.join(REPO, 'tests', 'fixtures', 'mini'));
    expect((await run(['approve', 'grupp 2/2019', '--by', 'anna-ahl', '--date', '2019-02-20'], { cwd: dir })).code).toBe(0);
    expect(await readFile(path.join(dir, P2), 'utf8')).toMatch(/sha256: [0-9a-f]{64} \}/);
    const file = path.join(dir, 'signed.pdf');
    expect((await run(['render', 'grupp 2/2019', '--format', 'pdf', '--out', file], { cwd: dir })).code).toBe(0);
    expect(await run(['verify', 'signed.pdf'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'signed.pdf är grupp 2/2019, justerat 2019-02-20, enligt arkivet.\n',
      stderr: '',
    });

    // An electronic signature is an incremental update: new objects and a new trailer after the signed bytes.
    const bytes = await readFile(file);
    const update = '\n9999 0 obj\n<< /Type /Sig /Contents <00> >>\nendobj\ntrailer\n<< /Size 10000 >>\nstartxref\n0\n%%EOF\n';
    await writeFile(path.join(dir, 'e-signed.pdf'), Buffer.concat([bytes, Buffer.from(update, 'latin1')]));
    expect(await run(['verify', 'e-signed.pdf'], { cwd: dir })).toEqual({
      code: 0,
      stdout: `e-signed.pdf är grupp 2/2019, justerat 2019-02-20, enligt arkivet. Efter det som justerades har ${update.length} byte lagts till (en elektronisk underskrift läggs till så); det justerade innehållet är oförändrat.\n`,
      stderr: '',
    });

    // One byte of the page content changed.
    const changed = Buffer.from(bytes);
    changed[Math.floor(bytes.length / 2)]! ^= 1;
    await writeFile(path.join(dir, 'changed.pdf'), changed);
    expect(await run(['verify', 'changed.pdf', '--lang', 'en'], { cwd: dir })).toEqual({
      code: 1,
      stdout:
        "changed.pdf says it is grupp 2/2019, but does not match the archive's approved protocol: it has been changed, or was written before a correction or by another version of kd.\n",
      stderr: '',
    });
  });

  it('without a recorded hash, renders the protocol the PDF names (in English too); the public version is recognised as that', async () => {
    const dir = await archiveWith(FIXTURE);
    const file = path.join(dir, 'minutes.pdf');
    expect((await run(['render', RICH, '--lang', 'en', '--format', 'pdf', '--out', file, '--archive', dir])).code).toBe(0);
    expect(await run(['verify', file, '--archive', dir])).toEqual({
      code: 0,
      stdout: `${file} är ledning 2/2019, justerat 2019-04-12, enligt arkivet.\n`,
      stderr: '',
    });
    const pub = path.join(dir, 'public.pdf');
    expect((await run(['render', RICH, '--public', '--format', 'pdf', '--out', pub, '--archive', dir])).code).toBe(0);
    expect(await run(['verify', pub, '--archive', dir])).toEqual({
      code: 0,
      stdout: `${pub} är den offentliga versionen av ledning 2/2019, justerat, enligt arkivet.\n`,
      stderr: '',
    });
    // A correction appended since: the file is of the protocol before it.
    const corrected = await archiveWith(FIXTURE, {
      [RICH]: replace('\n---\n', '\n  - { date: 2019-05-02, by: hanna-holm, what: "Punkt 4: mötet hålls i Alsered." }\n---\n'),
    });
    expect((await run(['verify', file, '--archive', corrected])).stdout).toBe(
      `${file} säger att den är ledning 2/2019, men stämmer inte med arkivets justerade protokoll: den har ändrats, eller skrevs före en rättelse eller av en annan version av kd.\n`,
    );
  });

  it('recognises a protocol approved before kd kept a record (the sample), and says when one is not approved', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'p.pdf');
    expect((await run(['render', ...SAMPLE_ID, '--format', 'pdf', '--out', file])).code).toBe(0);
    expect(await run(['verify', file, '--archive', 'archive'])).toEqual({
      code: 0,
      stdout: `${file} är kd-gruppen 7/2019, justerat, enligt arkivet.\n`,
      stderr: '',
    });
    const draft = await archiveWith(FIXTURE, {
      [RICH]: (text: string) => replace('status: justerat', 'status: utkast')(text).replace(/approval:\n(?: {2}.*\n)+/, ''),
    });
    const out = path.join(dir, 'draft.pdf');
    expect((await run(['render', RICH, '--format', 'pdf', '--out', out, '--archive', draft])).code).toBe(0);
    expect(await run(['verify', out, '--archive', draft])).toEqual({
      code: 1,
      stdout: `${out} säger att den är ledning 2/2019, men protokollet är inte justerat i arkivet.\n`,
      stderr: '',
    });
  });

  it('a hostile PDF of a quarter of a million %%EOF markers is answered, not hashed a quarter of a million times over', async () => {
    const file = path.join(await tmp(), 'eofs.pdf');
    await writeFile(file, `%PDF-1.7\n${'%%EOF\n'.repeat(250_000)}`);
    expect(await run(['verify', file, '--archive', FIXTURE])).toEqual({
      code: 1,
      stdout: `${file} stämmer inte med något justerat protokoll i arkivet.\n`,
      stderr: '',
    });
  });

  it('a file that is not there is exit 2; a file that is not a PDF is exit 1 with what was expected', async () => {
    const out = await run(['verify', 'nowhere.pdf', '--archive', FIXTURE]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('nowhere.pdf');
    const text = path.join(await tmp(), 'protokoll.pdf');
    await writeFile(text, 'Protokoll 2/2019\n');
    expect(await run(['verify', text, '--archive', FIXTURE])).toEqual({
      code: 1,
      stdout: `${text} är ingen PDF, förväntade en PDF som kd render --format pdf skrivit.\n`,
      stderr: '',
    });
  });
});
