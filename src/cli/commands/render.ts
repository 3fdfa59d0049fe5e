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
    // PDF and Word are bytes: written to a file, never to the terminal.
    if ((opts.format === 'pdf' || opts.format === 'docx') && opts.out === undefined)
      throw new KdError('needs-out', { format: opts.format });
    const { archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
    const record = findProtocol(archive, io.cwd, opts.protocol, lang);
    const content = itemContent(await readBody(archive.root, record.file), record.sections);
    const view = protocolView(archive, record, content, { public: opts.public });
    const result = { view, style: style(archive, lang), version: kdPackage().version };
    if (opts.format === 'docx') {
      // Word is loaded only when asked for: the library is large and no other command needs it.
      const { protocolDocx } = await import('../../render/docx.js');
      return emit(io, await protocolDocx(result), opts, lang);
    }
    // pdfkit and the font only load for a PDF: the other formats stay as light as before.
    const out =
      opts.format === 'pdf'
        ? await import('../../render/pdf.js').then((m) => m.renderProtocolPdf(result))
        : await protocolReporters[opts.format](result);
    return emit(io, out, opts, lang);
  },
});
