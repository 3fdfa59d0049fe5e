import { existsSync } from 'node:fs';
import path from 'node:path';
import { itemContent, readBody } from '../../archive/body.js';
import { relativeInside } from '../../archive/read.js';
import { closest } from '../../core/closest.js';
import { KdError } from '../../core/errors.js';
import type { Lang } from '../../i18n/index.js';
import type { Archive, ProtocolRecord } from '../../model/index.js';
import { protocolById, protocolIds, protocolView } from '../../query/protocol.js';
import { DOC_FORMATS } from '../../render/formats.js';
import { protocolReporters } from '../../render/protocol.js';
import { style } from '../../render/registers.js';
import { argument, defineCommand, option } from '../command.js';
import { openArchive } from '../load.js';
import { kdPackage } from '../meta.js';
import { flag, forceOption, formatOption, outOption } from '../options.js';
import { emit } from '../output.js';
import { findProtocol } from '../protocol.js';
import { requireSound } from '../scope.js';

export const renderCommand = defineCommand('render', 'render', {
  arguments: [argument('<protocol>', 'commands.renderProtocol')],
  options: [formatOption(DOC_FORMATS, 'md'), option('--public', 'public', flag), outOption, forceOption],
  async run(opts, io) {
    const { archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
    const record = findProtocol(archive, io.cwd, opts.protocol, lang);
    const content = itemContent(await readBody(archive.root, record.file), record.sections);
    const view = protocolView(archive, record, content, { public: opts.public });
    const text = await protocolReporters[opts.format]({ view, style: style(archive, lang), version: kdPackage().version });
    return emit(io, text, opts, lang);
  },
});
