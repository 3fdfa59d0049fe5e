import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KdError } from '../../core/errors.js';
import { catalogue, LANGS } from '../../i18n/index.js';
import type { ProtocolRecord } from '../../model/index.js';
import { readPdfIdentity } from '../../render/pdf.js';
import { argument, defineCommand } from '../command.js';
import { openArchive } from '../load.js';
import { protocolPdf, sha256 } from '../pdf.js';

const EOF_MARK = Buffer.from('%%EOF', 'latin1');

/**
 * The file, and each earlier state of it: a PDF signed electronically keeps
 * the signed bytes and appends the signature as an incremental update, so
 * the rendering kd hashed ends at one of the file's `%%EOF` markers (with
 * the line end after it, if any). One hash runs over the file once and is
 * read off at each end, so a file full of markers costs no more than one
 * without.
 */
function versionsOf(bytes: Buffer): { hash: string; added: number }[] {
  const ends = new Set<number>([bytes.length]);
  for (let at = bytes.indexOf(EOF_MARK); at !== -1; at = bytes.indexOf(EOF_MARK, at + 1)) {
    let end = at + EOF_MARK.length;
    ends.add(end);
    if (bytes[end] === 0x0d) ends.add(++end);
    if (bytes[end] === 0x0a) ends.add(end + 1);
  }
  const hash = createHash('sha256');
  let done = 0;
  const out: { hash: string; added: number }[] = [];
  for (const end of [...ends].sort((a, b) => a - b)) {
    hash.update(bytes.subarray(done, end));
    done = end;
    out.push({ hash: hash.copy().digest('hex'), added: bytes.length - end });
  }
  // The whole file first: a copy as rendered is the common case.
  return out.reverse();
}

export const verifyCommand = defineCommand('verify', 'verify', {
  arguments: [argument('<file>', 'commands.verifyFile')],
  options: [],
  async run(opts, io) {
    const { archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
    const c = catalogue(lang).verify;
    const bytes = await readFile(path.resolve(io.cwd, opts.file)).catch(() => {
      throw new KdError('path-missing', { path: opts.file });
    });
    const say = (line: string, code: 0 | 1) => {
      io.stdout.write(`${line}\n`);
      return code;
    };
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return say(c.notPdf({ file: opts.file }), 1);
    const versions = versionsOf(bytes);
    const found = (p: ProtocolRecord, added: number, pub: boolean) => {
      const id = `${p.data.network} ${p.id}`;
      const date = p.data.approval?.date;
      const line = pub ? c.matchesPublic({ file: opts.file, id }) : c.matches({ file: opts.file, id, ...(date ? { date } : {}) });
      return say(added > 0 ? `${line} ${c.appended({ bytes: added })}` : line, 0);
    };

    // First the hashes recorded at approval: a lookup, nothing rendered.
    const approved = archive.protocols.filter((p) => p.data.status === 'justerat');
    for (const v of versions) {
      const p = approved.find((x) => x.data.approval?.sha256 === v.hash);
      if (p) return found(p, v.added, false);
    }
    // Then the protocol the PDF says it is (kd writes it in the XMP), rendered now in each language kd writes.
    const claim = readPdfIdentity(bytes);
    if (claim === undefined) return say(c.noMatch({ file: opts.file }), 1);
    const id = `${claim.network} ${claim.id}`;
    const p = archive.protocols.find((x) => x.data.network === claim.network && x.id === claim.id);
    if (p === undefined) return say(c.unknown({ file: opts.file, id }), 1);
    if (p.data.status !== 'justerat') return say(c.notApproved({ file: opts.file, id }), 1);
    const hashes = new Map(versions.map((v) => [v.hash, v.added]));
    for (const l of LANGS) {
      const added = hashes.get(sha256(await protocolPdf(archive, p, l, claim.public)));
      if (added !== undefined) return found(p, added, claim.public);
    }
    return say(c.differs({ file: opts.file, id }), 1);
  },
});
