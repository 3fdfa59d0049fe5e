import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KdError } from '../../core/errors.js';
import { catalogue, LANGS } from '../../i18n/index.js';
import type { ProtocolRecord } from '../../model/index.js';
import { argument, defineCommand } from '../command.js';
import { openArchive } from '../load.js';
import { protocolPdf, sha256 } from '../pdf.js';

export const verifyCommand = defineCommand('verify', 'verify', {
  arguments: [argument('<file>', 'commands.verifyFile')],
  options: [],
  async run(opts, io) {
    const { archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
    const c = catalogue(lang).verify;
    const bytes = await readFile(path.resolve(io.cwd, opts.file)).catch(() => {
      throw new KdError('path-missing', { path: opts.file });
    });
    const hash = sha256(bytes);
    const approved = archive.protocols.filter((p) => p.data.status === 'justerat' && p.data.approval !== undefined);
    // First the hashes recorded at approval: a lookup, nothing rendered.
    let match: ProtocolRecord | undefined = approved.find((p) => p.data.approval?.sha256 === hash);
    // Then, for protocols approved without a hash, their rendering now, in each language kd writes.
    if (match === undefined && bytes.subarray(0, 5).toString('latin1') === '%PDF-')
      search: for (const p of approved.filter((x) => x.data.approval?.sha256 === undefined))
        for (const l of LANGS)
          if (sha256(await protocolPdf(archive, p, l)) === hash) {
            match = p;
            break search;
          }
    if (match === undefined) {
      io.stdout.write(`${c.noMatch({ file: opts.file })}\n`);
      return 1;
    }
    io.stdout.write(`${c.matches({ file: opts.file, id: `${match.data.network} ${match.id}`, date: match.data.approval?.date ?? '' })}\n`);
    return 0;
  },
});
