import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { archiveWith, MINI, REPO, run } from './helpers.js';
import { at, makePdf as pdf } from './pdfkit.js';

/**
 * The same meeting as tests/fixtures/legacy-families/01-header-labels.txt,
 * laid out as a secretary's Word template prints it to PDF: a running
 * header and a page footer on both pages, the header facts in a two-column
 * table, and the attendance list broken by the page. Imported through kd
 * import, it must give the same draft as the text file.
 */

const TEXT = path.join(REPO, 'tests', 'fixtures', 'legacy-families', '01-header-labels.txt');
const RUNNING = 'Kommunchefsgruppen i Sjuhärad – protokoll';

function meeting(doc: PDFKit.PDFDocument): void {
  const put = (text: string, x: number, y: number) => at(doc, text, x, y);
  const page = (n: number) => {
    put(RUNNING, 72, 30);
    put(`Sida ${n} av 2`, 480, 800);
  };
  page(1);
  doc.fontSize(15);
  put('Sammanträdesprotokoll – Kommunchefsgruppen i Sjuhärad', 72, 80);
  doc.fontSize(11);
  const rows: [string, string][] = [
    ['Sammanträdesdatum', 'måndagen den 14 mars 2011'],
    ['Tid', 'kl. 9.00–12.15'],
    ['Plats', 'Kommunhuset, Sammanträdesrum Viskan, Mark'],
  ];
  rows.forEach(([label, value], i) => {
    put(label, 72, 120 + i * 18);
    put(value, 220, 120 + i * 18);
  });
  put('Beslutande', 72, 660);
  const members = [
    'Ingrid Salomonsson, Borås Stad, ordförande',
    'Tord Hellström, Bollebygd',
    'Kent Ålund, Herrljunga',
    'Gunnel Viklander, Mark',
    'Anders Ekdahl, Svenljunga',
    'Britt Lagerqvist, Tranemo',
    'Göran Wennberg, Ulricehamn',
    'Marie Fjällström, Vårgårda',
  ];
  members.slice(0, 4).forEach((m, i) => put(m, 72, 680 + i * 16));
  doc.addPage();
  page(2);
  members.slice(4).forEach((m, i) => put(m, 72, 80 + i * 16));
  let y = 160;
  const line = (text: string, x = 72) => {
    put(text, x, y);
    y += 16;
  };
  put('Sekreterare', 72, y);
  line('Lisbeth Haraldsson', 220);
  y += 10;
  line('§ 1 Mötets öppnande');
  line('Ordföranden hälsar välkommen och förklarar mötet öppnat.');
  y += 10;
  line('§ 2 Gemensam upphandling av färdtjänst');
  line('Sekreteraren redogör för läget i upphandlingen. Anbudstiden går ut i april.');
  line('Beslut');
  line('att godkänna förfrågningsunderlaget i dess nuvarande lydelse.');
  y += 10;
  line('§ 3 Regionalt tillväxtprogram');
  line('Ingrid Salomonsson informerar om remissen från Västra Götalandsregionen.');
  line('Informationen noteras.');
  y += 10;
  line('§ 4 Nästa sammanträde');
  line('Nästa sammanträde hålls den 9 maj i Ulricehamn.');
  y += 20;
  line('Borås 2 april 2011');
  y += 10;
  line('Vid protokollet');
  line('Lisbeth Haraldsson');
}

const ARCHIVE = {
  'kd.yml': 'organisation: Sjuhärad\nmunicipalities: [Bollebygd, Borås, Herrljunga, Mark, Svenljunga, Tranemo, Ulricehamn, Vårgårda]\n',
  'people.yml': 'lisbeth-haraldsson: { name: Lisbeth Haraldsson, organisation: Sjuhärads kommunalförbund }\n',
  'networks/grupp/network.yml':
    'name: Kommunchefsgruppen\nmission: Prov.\ndecides: true\nsubstitutes: personal\nroster:\n  - { person: lisbeth-haraldsson, from: 2010-01-01, role: secretary }\n',
  'networks/grupp/protocols/2019/2019-01-10-1.md': null,
  'networks/grupp/protocols/2019/2019-02-14-2.md': null,
};

/** The draft's front matter without `source:` and `number` (the two files differ in name and hash, and one batch numbers them 1 and 2). */
function facts(draft: string): Record<string, unknown> {
  const data = parseYaml(draft.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, unknown>;
  delete data.source;
  delete data.number;
  return data;
}

describe('a PDF of the same meeting gives the same draft as its text', () => {
  it('header table, running header and footer, a list across the page break', async () => {
    const root = await archiveWith(MINI, {
      ...ARCHIVE,
      'in/m.txt': await readFile(TEXT, 'utf8'),
      'in/m.pdf': Buffer.from(await pdf(meeting)),
    });
    const out = await run(['import', 'in', '--network', 'grupp', '--add-people', '--dry-run', '--format', 'json'], { cwd: root });
    expect(out.stderr).toBe('');
    const [fromPdf, fromText] = JSON.parse(out.stdout) as {
      source: string;
      file: string;
      text: string;
      summary: { noise: { line: number; text: string }[]; present: number };
    }[];
    expect([fromPdf!.source, fromText!.source]).toEqual(['in/m.pdf', 'in/m.txt']);
    expect(fromPdf!.file).toBe('networks/grupp/protocols/2011/2011-03-14-1.md');
    expect(facts(fromPdf!.text)).toEqual(facts(fromText!.text));
    expect(facts(fromPdf!.text)).toMatchObject({
      date: '2011-03-14',
      time: '09:00-12:15',
      place: 'Kommunhuset, Sammanträdesrum Viskan, Mark',
      chair: 'ingrid-salomonsson',
      secretary: 'lisbeth-haraldsson',
    });
    expect(fromPdf!.summary.present).toBe(8);
    // The page's furniture is reported, each at its line in the PDF's text.
    expect(fromPdf!.summary.noise.map((n) => n.text)).toEqual([RUNNING, 'Sida 1 av 2', RUNNING, 'Sida 2 av 2']);
  });

  it('a PDF with no text layer gets one sentence: OCR it first', async () => {
    const scanned = Buffer.from(await pdf((doc) => void doc.rect(100, 100, 200, 100).fill('#888')));
    const root = await archiveWith(MINI, { 'in/skannad.pdf': scanned });
    const out = await run(['import', 'in/skannad.pdf', '--network', 'grupp'], { cwd: root });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(
      'in/skannad.pdf: inget skrevs\n  PDF-filen har inget textlager (den är skannad); den måste OCR-behandlas innan den kan importeras.\n\n',
    );
  });
});
