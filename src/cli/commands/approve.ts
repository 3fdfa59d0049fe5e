import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { approveFrontMatter } from '../../archive/edit.js';
import { archivePath } from '../../archive/paths.js';
import { Transaction } from '../../archive/transaction.js';
import { attended } from '../../check/approval.js';
import { KdError } from '../../core/errors.js';
import { catalogue, expect } from '../../i18n/index.js';
import { APPROVAL_METHODS } from '../../schema/index.js';
import { argument, defineCommand, option } from '../command.js';
import { displayPath } from '../io.js';
import { openArchive } from '../load.js';
import { today } from '../meta.js';
import { date, text } from '../options.js';
import { protocolPdf, sha256 } from '../pdf.js';
import { findProtocol } from '../protocol.js';
import { personId } from '../resolve.js';

export const approveCommand = defineCommand('approve', 'approve', {
  arguments: [argument('<protocol>', 'commands.approveProtocol')],
  options: [
    option('--by <ids>', 'approveBy', z.string({ error: expect('id-list') })),
    option('--date <date>', 'approveDate', date.optional()),
    option('--method <method>', 'approveMethod', z.enum(APPROVAL_METHODS, { error: expect('approval-method') }).default('paper')),
    option('--ref <text>', 'approveRef', text),
  ],
  async run({ protocol: given, ...opts }, io) {
    const { root, archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
    const c = catalogue(lang);
    // Only a protocol that checks clean is approved: what is signed is what the archive says.
    const p = findProtocol(archive, io.cwd, given, lang);
    const id = `${p.data.network} ${p.id}`;
    if (p.data.status === 'justerat') throw new KdError('already-approved', { id });
    const took = attended(p);
    const by = [...new Set(opts.by.split(',').map((x) => personId(archive, x.trim())))];
    for (const person of by) if (!took.has(person)) throw new KdError('approver-absent', { id: person, protocol: id });
    const on = opts.date ?? today();
    if (on < p.data.date) throw new KdError('approval-before-meeting', { date: on, meeting: p.data.date });
    const approval = { date: on, by, method: opts.method, ...(opts.ref !== undefined ? { ref: opts.ref } : {}) };
    // The hash of the PDF/A that will be signed: the protocol as it reads once approved (the record has no hash in it,
    // and the rendering leaves the hash out), so kd render --format pdf of the approved protocol gives these bytes.
    const signed = await protocolPdf(archive, p.withData({ ...p.data, status: 'justerat', approval }), lang);
    const record = { ...approval, sha256: sha256(signed) };

    // The status and the record in one write, under the archive's lock: both or neither.
    const file = await archivePath(root, p.file);
    await Transaction.run(
      async (tx) => {
        const raw = await readFile(file, 'utf8');
        const start = raw.indexOf('\n') + 1;
        const close = /^---\r?$/m.exec(raw.slice(start));
        if (start === 0 || !close) throw new KdError('protocol-unreadable', { file: p.file });
        const end = start + close.index;
        await tx.replace(file, raw.slice(0, start) + approveFrontMatter(raw.slice(start, end), record) + raw.slice(end));
      },
      { root, lang, io },
    );
    const shown = displayPath(root, io.cwd)(p.file);
    const names = by.map((x) => archive.people?.[x]?.name ?? x).join(', ');
    const a = c.approve;
    const lines = [
      a.done({ file: shown, id, by: names, date: on }),
      a.sha256({ hash: record.sha256, id, lang }),
      a.commit({ file: shown, message: a.message({ id }) }),
    ];
    // With a signing key, the approved protocol can be tagged so that its approval is signed in git too.
    const key = spawnSync('git', ['config', 'user.signingkey'], { cwd: root, encoding: 'utf8' });
    if (key.status === 0 && key.stdout.trim() !== '')
      lines.push(a.tag({ tag: `protokoll/${p.data.network}/${p.data.number}-${p.year}`, message: a.message({ id }) }));
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
});
