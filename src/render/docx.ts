import {
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { List, TableCell as MdTableCell, PhrasingContent, RootContent } from 'mdast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { type ProtocolResult, protocolTitle, protocolTree } from './protocol.js';

/*
 * The protocol as a Word document for registries that want one, built from
 * the same mdast tree as the Markdown and the HTML: its headings become
 * Word's Heading 1–3 styles, its lists Word lists and its tables Word tables,
 * so a registrar's Word and a screen reader see the same structure as the page.
 *
 * Attendance stays a list, as on paper and in the HTML: each line is a sentence
 * in words ("till kl. 11.25", "ersättare för …") rather than columns to sort.
 *
 * The same protocol and kd version give the same bytes: the core properties
 * carry dates taken from the protocol (never the clock), links are written
 * as text (the library gives a hyperlink a random relationship id), and the
 * zip's file dates, which the library takes from the clock, are set to the
 * protocol's date afterwards.
 */

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const ORDERED = 'ordered';

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
}

function runs(nodes: PhrasingContent[], marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((n): ParagraphChild[] => {
    const run = (text: string, extra: Marks = {}) => {
      const m = { ...marks, ...extra };
      return new TextRun({
        text,
        ...(m.bold ? { bold: true } : {}),
        ...(m.italics ? { italics: true } : {}),
        ...(m.strike ? { strike: true } : {}),
        ...(m.code ? { font: 'Consolas' } : {}),
      });
    };
    switch (n.type) {
      case 'text':
        return [run(n.value)];
      case 'strong':
        return runs(n.children, { ...marks, bold: true });
      case 'emphasis':
        return runs(n.children, { ...marks, italics: true });
      case 'delete':
        return runs(n.children, { ...marks, strike: true });
      case 'inlineCode':
        return [run(n.value, { code: true })];
      case 'break':
        return [new TextRun({ break: 1 })];
      // The address in words: a Word hyperlink would bring a random id into the file.
      case 'link': {
        const label = runs(n.children, marks);
        return [...label, run(` (${n.url})`)];
      }
      case 'image':
        return [run(n.alt ?? '')];
      default:
        return 'value' in n && typeof n.value === 'string' ? [run(n.value)] : [];
    }
  });
}

function list(node: List, level: number): (Paragraph | Table)[] {
  return node.children.flatMap((item) =>
    item.children.flatMap((child, i) => {
      if (child.type === 'list') return list(child, level + 1);
      if (child.type !== 'paragraph') return blocks([child], level);
      // Only the item's first paragraph carries the bullet; the rest continue it.
      const marker =
        i > 0
          ? { indent: { left: 720 * (level + 1) } }
          : node.ordered
            ? { numbering: { reference: ORDERED, level } }
            : { bullet: { level } };
      return [new Paragraph({ children: runs(child.children), ...marker })];
    }),
  );
}

function table(rows: MdTableCell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: cells.map(
            (cell) => new TableCell({ children: [new Paragraph({ children: runs(cell.children, r === 0 ? { bold: true } : {}) })] }),
          ),
        }),
    ),
  });
}

function blocks(nodes: RootContent[], level = 0): (Paragraph | Table)[] {
  return nodes.flatMap((n): (Paragraph | Table)[] => {
    switch (n.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[Math.min(n.depth, 4) - 1], children: runs(n.children) })];
      case 'paragraph':
        return [new Paragraph({ children: runs(n.children) })];
      case 'list':
        return list(n, level);
      case 'table':
        return [table(n.children.map((row) => row.children))];
      case 'blockquote':
        return blocks(n.children, level);
      case 'code':
        return n.value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
      case 'thematicBreak':
        return [new Paragraph({ thematicBreak: true })];
      case 'html':
        return [new Paragraph({ children: [new TextRun(n.value)] })];
      default:
        return [];
    }
  });
}

/** "2019-04-12T00:00:00Z": a protocol's day as the W3CDTF the core properties take. */
const stamp = (iso: string) => `${iso}T00:00:00Z`;

/** docProps/core.xml with the protocol's own dates; the library's carries the clock. */
function coreXml(o: { title: string; creator: string; language: string; created: string; modified: string; by: string }): string {
  const tree = x(
    'cp:coreProperties',
    {
      'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:dcterms': 'http://purl.org/dc/terms/',
      'xmlns:dcmitype': 'http://purl.org/dc/dcmitype/',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    },
    [
      x('dc:title', o.title),
      x('dc:creator', o.creator),
      x('dc:language', o.language),
      x('cp:lastModifiedBy', o.by),
      x('cp:revision', '1'),
      x('dcterms:created', { 'xsi:type': 'dcterms:W3CDTF' }, stamp(o.created)),
      x('dcterms:modified', { 'xsi:type': 'dcterms:W3CDTF' }, stamp(o.modified)),
    ],
  );
  return toXml({
    type: 'root',
    children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8" standalone="yes"' }, tree],
  });
}

/**
 * Sets every entry's modification date in a zip (local headers and central
 * directory) to one day, 00:00: the library stamps them with the clock.
 */
export function fixZipDates(zip: Uint8Array, iso: string): Uint8Array {
  const out = Buffer.from(zip);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const dosDate = ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | day;
  // The end of central directory record: the last PK\5\6 (a zip comment may follow it).
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a zip: central directory entry ${i} is broken`);
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`not a zip: local header ${i} is broken`);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

/** The protocol as DOCX bytes: Word headings, lists and tables, language and core properties set, no clock. */
export async function protocolDocx(r: ProtocolResult): Promise<Uint8Array> {
  const { view: v, style: s } = r;
  const language = s.lang === 'sv' ? 'sv-SE' : 'en-GB';
  const title = protocolTitle(v, s);
  const modified = v.approval?.date ?? v.date;
  const doc = new Document({
    title,
    creator: v.secretary,
    styles: { default: { document: { run: { language: { value: language } } } } },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: blocks(protocolTree(v, s).children) }],
  });
  const core = coreXml({ title, creator: v.secretary, language, created: v.date, modified, by: `kd ${r.version}` });
  const zip = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]);
  return fixZipDates(zip, modified);
}
