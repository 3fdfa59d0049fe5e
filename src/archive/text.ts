/**
 * Bytes to text. Protocols arrive in pull requests from many editors: UTF-8
 * with or without BOM and CRLF line ends are accepted; anything that is not
 * UTF-8 is refused with the position of the first bad byte, because guessing
 * an encoding silently corrupts names like "Åstorp".
 */

export type Decoded = { ok: true; text: string } | { ok: false; line: number; column: number; byte: number; asWindows1252: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return invalidAt(bytes, firstInvalidUtf8(bytes));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Positions are reported per line; a CR before LF changes no line number or
  // column, so normalising keeps every position true to the file.
  if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
  return { ok: true, text };
}

function invalidAt(bytes: Uint8Array, offset: number): Decoded {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  const byte = bytes[offset] ?? 0;
  const asWindows1252 = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
  return { ok: false, line, column: before.length + 1, byte, asWindows1252 };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
