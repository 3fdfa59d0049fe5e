import { itemContent, readBody } from '../../archive/body.js';
import { KdError } from '../../core/errors.js';
import { protocolView } from '../../query/protocol.js';
import { PROTOCOL_FORMATS } from '../../render/formats.js';
import { protocolReporters } from '../../render/protocol.js';
import { style } from '../../render/registers.js';
import { argument, defineCommand, option } from '../command.js';
import { openArchive } from '../load.js';
import { kdPackage } from '../meta.js';
import { flag, forceOption, formatOption, outOption } from '../options.js';
import { emit } from '../output.js';
import { findProtocol } from '../protocol.js';

export const renderCommand = defineCommand('render', 'render', {
  arguments: [argument('<protocol>', 'commands.renderProtocol')],
  options: [formatOption(PROTOCOL_FORMATS, 'md'), option('--public', 'public', flag), outOption, forceOption],
  async run(opts, io) {
    const { archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
    const record = findProtocol(archive, io.cwd, opts.protocol, lang);
    const content = itemContent(await readBody(archive.root, record.file), record.sections);
    const view = protocolView(archive, record, content, { public: opts.public });
    const result = { view, style: style(archive, lang), version: kdPackage().version };
    if (opts.format === 'docx') {
      if (opts.out === undefined) throw new KdError('needs-out', { format: 'DOCX' });
      // Word is loaded only when asked for: the library is large and no other command needs it.
      const { protocolDocx } = await import('../../render/docx.js');
      return emit(io, await protocolDocx(result), opts, lang);
    }
    return emit(io, await protocolReporters[opts.format](result), opts, lang);
  },
});
