import { createHash } from 'node:crypto';
import { itemContent, readBody } from '../archive/body.js';
import type { Lang } from '../i18n/index.js';
import type { Archive, ProtocolRecord } from '../model/index.js';
import { protocolView } from '../query/protocol.js';
import { renderProtocolPdf } from '../render/pdf.js';
import { style } from '../render/registers.js';
import { kdPackage } from './meta.js';

/**
 * The internal PDF/A rendering of a protocol, as `kd render --format pdf`
 * gives it: the document that is signed, so kd approve hashes it and kd
 * verify compares with it. The signed protocol is the whole one; kd verify
 * also renders the public version (`pub`) to recognise a copy of it.
 */
export async function protocolPdf(archive: Archive, record: ProtocolRecord, lang: Lang, pub = false): Promise<Uint8Array> {
  const content = itemContent(await readBody(archive.root, record.file), record.sections);
  const view = protocolView(archive, record, content, { public: pub });
  return renderProtocolPdf({ view, style: style(archive, lang), version: kdPackage().version });
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
