import { inflateRawSync } from 'node:zlib';

/**
 * A Word file is a zip. Before mammoth (JSZip) unpacks it, its central
 * directory is read here and the parts it declares are measured: minutes are
 * small, and mammoth holds the XML in memory many times over (16 MiB of it
 * took 2 GB).
 */

/** What a Word file may unpack to in all, pictures included. */
export const DOCX_MAX_EXPANDED = 32 * 1024 * 1024;
/** Of that, XML. */
export const DOCX_MAX_XML = 4 * 1024 * 1024;
export const DOCX_MAX_ENTRIES = 10_000;

/** Why a Word file is not read: its zip cannot be read, or it unpacks to more than the limits. */
export class DocxError extends Error {
  constructor(readonly kind: 'unreadable' | 'too-large') {
    super(kind);
    this.name = 'DocxError';
  }
}

/**
 * A zip's parts as its central directory declares them, checked before
 * mammoth (JSZip) unpacks any: the declared sizes add up to no more than
 * DOCX_MAX_EXPANDED (DOCX_MAX_XML for the XML), and each deflated part inflates to exactly its
 * declared size, never further (zlib stops at it). A zip whose directory
 * cannot be read is refused here too: mammoth could not read it either.
 */
export function checkZip(zip: Uint8Array): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const unreadable = () => new DocxError('unreadable');
  const tooLarge = () => new DocxError('too-large');
  const inside = (at: number, n: number) => {
    if (!(at >= 0 && at + n <= zip.length)) throw unreadable();
    return at;
  };
  const u16 = (at: number) => view.getUint16(inside(at, 2), true);
  const u32 = (at: number) => view.getUint32(inside(at, 4), true);
  const u64 = (at: number) => Number(view.getBigUint64(inside(at, 8), true));
  // The end of central directory record: the last one, within a comment's reach of the end.
  let end = -1;
  for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - 0xffff; at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable();
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (count === 0xffff || offset === 0xffffffff || u32(end + 12) === 0xffffffff) {
    // ZIP64: the locator just before the record says where the real one is.
    if (u32(end - 20) !== 0x07064b50) throw unreadable();
    const record = u64(end - 12);
    if (u32(record) !== 0x06064b50) throw unreadable();
    count = u64(record + 32);
    offset = u64(record + 48);
  }
  if (count > DOCX_MAX_ENTRIES) throw tooLarge();
  let total = 0;
  let xml = 0;
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (u32(at) !== 0x02014b50) throw unreadable();
    const method = u16(at + 10);
    let compressed = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let local = u32(at + 42);
    // ZIP64 sizes and offset, in this order, for each field that is all ones.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 0x0001) continue;
      let y = x + 4;
      if (size === 0xffffffff) {
        size = u64(y);
        y += 8;
      }
      if (compressed === 0xffffffff) {
        compressed = u64(y);
        y += 8;
      }
      if (local === 0xffffffff) local = u64(y);
    }
    total += size;
    const name = new TextDecoder('latin1').decode(zip.subarray(inside(at + 46, nameLength), at + 46 + nameLength)).toLowerCase();
    if (name.endsWith('.xml') || name.endsWith('.rels')) xml += size;
    if (total > DOCX_MAX_EXPANDED || xml > DOCX_MAX_XML) throw tooLarge();
    if (u32(local) !== 0x04034b50) throw unreadable();
    const data = inside(local + 30 + u16(local + 26) + u16(local + 28), compressed);
    if (method === 8) {
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(zip.subarray(data, data + compressed), { maxOutputLength: Math.max(1, size) });
      } catch {
        // More than it declares (or damaged): not unpacked any further.
        throw unreadable();
      }
      if (inflated.length !== size) throw unreadable();
    } else if (method !== 0 || compressed !== size) throw unreadable();
    at += 46 + nameLength + extraLength + commentLength;
  }
}
