import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BlockContent, DefinitionContent, List, ListItem, PhrasingContent, RootContent, Table } from 'mdast';
import PDFDocument from 'pdfkit';
import { type ProtocolResult, protocolTitle, protocolTree } from './protocol.js';
import { longDate } from './registers.js';

/*
 * The protocol as PDF/A-2b, for keeping: the same mdast tree as Markdown and
 * HTML, laid out by pdfkit in plain JavaScript (no browser), with the font
 * embedded and the structure tagged. The bytes depend only on the protocol,
 * the language and the layout code: no clock, no random ID, no local time
 * zone, so the SHA-256 of a rendering recorded at approval can be checked
 * against the archive later (kd verify).
 */

const FONT_PACKAGE = '@expo-google-fonts/source-sans-3';
const FONTS = { regular: '400Regular/SourceSans3_400Regular.ttf', bold: '700Bold/SourceSans3_700Bold.ttf' } as const;
type FontName = keyof typeof FONTS;

let fonts: Promise<Record<FontName, Buffer>> | undefined;
/** Source Sans 3 (OFL) as shipped in the npm package; read once per process. */
function loadFonts(): Promise<Record<FontName, Buffer>> {
  const require = createRequire(import.meta.url);
  fonts ??= Promise.all([
    readFile(require.resolve(`${FONT_PACKAGE}/${FONTS.regular}`)),
    readFile(require.resolve(`${FONT_PACKAGE}/${FONTS.bold}`)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

const SIZE = { body: 11, h1: 20, h2: 14, h3: 12 } as const;
const MARGIN = 56;

/** A run of text in one font: what a paragraph is drawn as. */
interface Run {
  text: string;
  bold: boolean;
}

function runs(nodes: readonly PhrasingContent[], bold = false): Run[] {
  return nodes.flatMap((n): Run[] => {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        return [{ text: n.value, bold }];
      case 'break':
        return [{ text: '\n', bold }];
      case 'strong':
        return runs(n.children, true);
      case 'emphasis':
      case 'delete':
      case 'link':
      case 'linkReference':
        return runs(n.children, bold);
      default:
        return [];
    }
  });
}

const plain = (nodes: readonly PhrasingContent[]): string =>
  runs(nodes)
    .map((r) => r.text)
    .join('');

/** The text of a list item's blocks, and its nested lists as pdfkit's nested arrays. */
function listEntries(list: List): (string | unknown[])[] {
  return list.children.flatMap((item: ListItem) => {
    const out: (string | unknown[])[] = [];
    const text: string[] = [];
    for (const child of item.children) {
      if (child.type === 'list') out.push(listEntries(child));
      else if (child.type === 'paragraph' || child.type === 'heading') text.push(plain(child.children));
      else if (child.type === 'code') text.push(child.value);
    }
    return [text.join('\n'), ...out];
  });
}

/** An XML text value: pdfkit writes Title, Author and Subject into the XMP as they are. */
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "kd:ledning 2/2019", and " public" after it for the public version. Ids are ASCII, so it stands as written in the XMP. */
export function pdfIdentity(v: { network: string; id: string; public: boolean }): string {
  return `kd:${v.network} ${v.id}${v.public ? ' public' : ''}`;
}

/** The protocol a PDF says it renders, from its XMP, when kd wrote it. */
export function readPdfIdentity(bytes: Uint8Array): { network: string; id: string; public: boolean } | undefined {
  // The XMP is the one uncompressed stream kd writes; the first one is the original's, before any signature appended to it.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /<pdf:Keywords>kd:([a-z0-9][a-z0-9-]{0,99}) (\d{1,6}\/\d{4})( public)?<\/pdf:Keywords>/.exec(head);
  return m ? { network: m[1]!, id: m[2]!, public: m[3] !== undefined } : undefined;
}

/**
 * The protocol's PDF. Dates in the file are the approval date, or the
 * meeting date for a protocol not yet approved, at midnight UTC; the file
 * identifier is a hash of the protocol view, so two renderings of the same
 * protocol are the same bytes, and two protocols never share an identifier.
 */
export async function renderProtocolPdf(r: ProtocolResult): Promise<Uint8Array> {
  const { view: v, style: s } = r;
  const font = await loadFonts();
  const title = protocolTitle(v, s);
  const when = new Date(`${v.approval?.date ?? v.date}T00:00:00Z`);
  const subject = s.c.protocol.subject({ date: longDate(s, v.date), place: v.place });
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: s.lang,
    displayTitle: true,
    // No standard font is ever set up: PDF/A wants every font embedded.
    font: font.regular as unknown as string,
    bufferPages: false,
    info: {
      Title: title,
      Author: v.networkName,
      Subject: subject,
      // Which protocol, and which version of it, this is: kd verify reads it to know what to render and compare.
      Keywords: pdfIdentity(v),
      // No kd version here: a rendering that has not changed keeps its hash across releases.
      Creator: 'kd',
      Producer: 'kd (pdfkit)',
      CreationDate: when,
      ModDate: when,
    },
  });
  // pdfkit's own identifier is an MD5 of the info; this one is of the content too.
  (doc as unknown as { _id: Uint8Array })._id = new Uint8Array(
    createHash('sha256')
      .update(JSON.stringify({ lang: s.lang, view: v }))
      .digest()
      .subarray(0, 16),
  );
  const internals = doc as unknown as { endMetadata(): void; appendXML(x: string): void; info: Record<string, unknown> };
  const endMetadata = internals.endMetadata.bind(doc);
  internals.endMetadata = () => {
    // By now the Info dictionary is written; the XMP gets the same values, escaped, and the ModDate PDF/A asks it to repeat.
    for (const key of ['Title', 'Author', 'Subject', 'Keywords'] as const) internals.info[key] = xml(String(internals.info[key]));
    internals.appendXML(
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${when.toISOString().slice(0, 19)}Z</xmp:ModifyDate></rdf:Description>`,
    );
    endMetadata();
  };
  doc.registerFont('regular', font.regular);
  doc.registerFont('bold', font.bold);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const document = doc.struct('Document');
  doc.addStructure(document);
  const width = doc.page.width - 2 * MARGIN;

  const paragraph = (tag: string, parts: Run[], size: number, indent = 0) => {
    if (parts.length === 0) return;
    document.add(
      doc.struct(tag, {}, () => {
        doc.x = MARGIN + indent;
        parts.forEach((part, i) => {
          doc
            .font(part.bold ? 'bold' : 'regular')
            .fontSize(size)
            .text(part.text, { width: width - indent, continued: i < parts.length - 1 });
        });
      }),
    );
    doc.moveDown(0.4);
  };

  const table = (t: Table) => {
    const rows = t.children.map((row, i) =>
      row.children.map((cell) =>
        i === 0 ? { text: plain(cell.children), type: 'TH', scope: 'column', font: { src: 'bold' } } : { text: plain(cell.children) },
      ),
    );
    doc.x = MARGIN;
    doc.font('regular').fontSize(SIZE.body);
    (doc as unknown as { table(o: object): void }).table({ data: rows, structParent: document, defaultStyle: { border: 0.5 } });
    doc.moveDown(0.4);
  };

  const block = (node: RootContent | BlockContent | DefinitionContent, indent = 0): void => {
    switch (node.type) {
      case 'heading': {
        const level = Math.min(node.depth, 3) as 1 | 2 | 3;
        if (level > 1) doc.moveDown(0.3);
        paragraph(`H${level}`, runs(node.children, true), SIZE[`h${level}`]);
        if (level === 2) doc.outline.addItem(plain(node.children));
        return;
      }
      case 'paragraph':
        paragraph('P', runs(node.children), SIZE.body, indent);
        return;
      case 'code':
        paragraph('P', [{ text: node.value, bold: false }], SIZE.body, indent);
        return;
      case 'blockquote':
        for (const child of node.children) block(child, indent + 18);
        return;
      case 'list': {
        const list = doc.struct('L');
        document.add(list);
        doc.x = MARGIN + indent;
        doc
          .font('regular')
          .fontSize(SIZE.body)
          .list(listEntries(node), { structParent: list, listType: node.ordered ? 'numbered' : 'bullet', width: width - indent });
        list.end();
        doc.moveDown(0.4);
        return;
      }
      case 'table':
        table(node);
        return;
      default:
        // html, thematic breaks, definitions: nothing a reader of the protocol needs drawn.
        return;
    }
  };

  for (const node of protocolTree(v, s).children) block(node);
  document.end();
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
