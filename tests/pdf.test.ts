import { describe, expect, it } from 'vitest';
import { PdfNoTextError, PdfUnreadableError, readPdf } from '../src/import/pdf.js';
import { at, makePdf } from './pdfkit.js';

const HEADER = 'Kommunchefsnätverket Exempelregionen';

/** Two pages: running header, page-number footer, a label/value table, a list across the page break, numbered items. */
function minutes(doc: PDFKit.PDFDocument): void {
  // Page 1
  at(doc, HEADER, 72, 30);
  doc.fontSize(16);
  at(doc, 'Minnesanteckningar 2/2011', 72, 90);
  doc.fontSize(11);
  const rows: [string, string][] = [
    ['Datum', '14 mars 2011'],
    ['Tid', 'kl. 9.00–12.15'],
    ['Plats', 'Stadshuset, Hylte'],
  ];
  rows.forEach(([label, value], i) => {
    at(doc, label, 72, 130 + i * 16);
    at(doc, value, 200, 130 + i * 16);
  });
  at(doc, 'Närvarande', 72, 650);
  const names = [
    'Anna Exempelsson, Hylte kommun',
    'Bertil Provberg, Halmstads kommun',
    'Cecilia Testström, Laholms kommun',
    'David Påhittad, Falkenbergs kommun',
    'Eva Låtsasdotter, Varbergs kommun',
    'Fredrik Övningsson, Kungsbacka kommun',
  ];
  names.slice(0, 3).forEach((name, i) => at(doc, name, 72, 670 + i * 16));
  at(doc, 'Sida 1 av 2', 480, 800);

  // Page 2
  doc.addPage();
  at(doc, HEADER, 72, 30);
  names.slice(3).forEach((name, i) => at(doc, name, 72, 90 + i * 16));
  // Word-style hanging indent: the number and the title are far apart.
  at(doc, '1.', 72, 160);
  at(doc, 'Mötets öppnande', 108, 160);
  at(doc, 'Ordföranden hälsade alla välkomna och öppnade mötet.', 108, 176);
  at(doc, '2.', 72, 200);
  at(doc, 'Ekonomiskt läge', 108, 200);
  at(doc, 'Bertil Provberg redogjorde för läget i kommunerna.', 108, 216);
  at(doc, 'Beslut', 108, 232);
  at(doc, 'att lägga informationen till handlingarna', 108, 248);
  at(doc, 'Justeras:', 72, 300);
  at(doc, 'Anna Exempelsson', 200, 300);
  at(doc, 'Sekreterare', 72, 316);
  at(doc, 'Gustav Påhittsson', 200, 316);
  at(doc, 'Sida 2 av 2', 480, 800);
}

describe('readPdf', () => {
  it('rebuilds the lines of two-page minutes: labels with colons, the list across the page break, headers and footers out and listed', async () => {
    const bytes = await makePdf(minutes);
    const size = bytes.length;
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(2);
    expect(pdf.text.split('\n')).toEqual([
      'Minnesanteckningar 2/2011',
      'Datum: 14 mars 2011',
      'Tid: kl. 9.00–12.15',
      'Plats: Stadshuset, Hylte',
      'Närvarande',
      'Anna Exempelsson, Hylte kommun',
      'Bertil Provberg, Halmstads kommun',
      'Cecilia Testström, Laholms kommun',
      'David Påhittad, Falkenbergs kommun',
      'Eva Låtsasdotter, Varbergs kommun',
      'Fredrik Övningsson, Kungsbacka kommun',
      '1. Mötets öppnande',
      'Ordföranden hälsade alla välkomna och öppnade mötet.',
      '2. Ekonomiskt läge',
      'Bertil Provberg redogjorde för läget i kommunerna.',
      'Beslut',
      'att lägga informationen till handlingarna',
      'Justeras: Anna Exempelsson',
      'Sekreterare: Gustav Påhittsson',
    ]);
    expect(pdf.noise).toEqual([
      { line: 1, text: HEADER },
      { line: 10, text: 'Sida 1 av 2' },
      { line: 11, text: HEADER },
      { line: 23, text: 'Sida 2 av 2' },
    ]);
    // The caller's buffer is left alone (pdf.js gets a copy).
    expect(bytes.length).toBe(size);
  });

  it('takes out a lone page number, keeps list markers with their text and joins long left cells with two spaces', async () => {
    const bytes = await makePdf((doc) => {
      at(doc, '3.', 72, 100);
      at(doc, 'Övriga frågor', 108, 100);
      at(doc, 'Nästa möte hålls i Halmstad', 72, 120);
      at(doc, '9 maj 2011', 300, 120);
      at(doc, '•', 72, 140);
      at(doc, 'Anteckningar skickas ut', 108, 140);
      at(doc, '- 1 -', 290, 800);
    });
    const pdf = await readPdf(bytes);
    expect(pdf).toEqual({
      text: ['3. Övriga frågor', 'Nästa möte hålls i Halmstad  9 maj 2011', '• Anteckningar skickas ut'].join('\n'),
      noise: [{ line: 4, text: '- 1 -' }],
      pages: 1,
    });
  });

  it('refuses a PDF without a text layer', async () => {
    const bytes = await makePdf((doc) => {
      doc.rect(72, 72, 200, 100).fill('#888888');
    });
    await expect(readPdf(bytes)).rejects.toBeInstanceOf(PdfNoTextError);
  });

  it('refuses bytes that are not a readable PDF', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    await expect(readPdf(random)).rejects.toBeInstanceOf(PdfUnreadableError);
    await expect(readPdf(new Uint8Array(0))).rejects.toBeInstanceOf(PdfUnreadableError);
    const whole = await makePdf(minutes);
    await expect(readPdf(whole.slice(0, Math.floor(whole.length / 2)))).rejects.toBeInstanceOf(PdfUnreadableError);
    const junk = new TextEncoder().encode(`%PDF-1.4\n${'x'.repeat(2000)}`);
    await expect(readPdf(junk)).rejects.toBeInstanceOf(PdfUnreadableError);
  });

  it('refuses a PDF that needs a password', async () => {
    const bytes = await makePdf((doc) => at(doc, 'Hemligt', 72, 72), { userPassword: 'hemligt', pdfVersion: '1.7' });
    await expect(readPdf(bytes)).rejects.toThrow(/password/);
  });
});
