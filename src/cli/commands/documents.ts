import path from 'node:path';
import type { Root } from 'mdast';
import { KdError } from '../../core/errors.js';
import type { Lang } from '../../i18n/index.js';
import { calendarEntries } from '../../query/calendar.js';
import { municipalityDigest } from '../../query/digest.js';
import { introPackage } from '../../query/intro.js';
import { halfOf } from '../../query/period.js';
import { calendarReporters, digestTree, docReporters, introTree } from '../../render/documents.js';
import { CALENDAR_FORMATS, DOC_FORMATS, type DocFormat } from '../../render/formats.js';
import { periodName, style } from '../../render/registers.js';
import { siteUrl } from '../../schema/index.js';
import { defineCommand, type Globals, option } from '../command.js';
import type { Io } from '../io.js';
import { openArchive } from '../load.js';
import { kdPackage, today } from '../meta.js';
import { date, forceOption, formatOption, half, networkOption, outOption, presentedOn, presentedOption, text } from '../options.js';
import { emit } from '../output.js';
import { municipalityNamed, networkId, personId, pickNetwork } from '../resolve.js';
import { requireSound } from '../scope.js';

const docOptions = [formatOption(DOC_FORMATS, 'md'), outOption, forceOption] as const;

function open(io: Io, opts: Globals) {
  return openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
}

async function document(
  io: Io,
  tree: Root,
  title: string,
  opts: { format: DocFormat; out?: string | undefined; force: boolean },
  lang: Lang,
): Promise<number> {
  return emit(io, await docReporters[opts.format]({ tree, title, lang, version: kdPackage().version }), opts, lang);
}

export const introCommand = defineCommand('intro', 'intro', {
  options: [
    networkOption,
    option('--person <id>', 'introPerson', text),
    option('--as-of <date>', 'introAsOf', date.optional()),
    ...docOptions,
  ],
  async run(opts, io) {
    const { archive, lang } = await open(io, opts);
    const net = pickNetwork(archive, opts.network);
    requireSound(archive, { network: net.id }, lang);
    const person = opts.person !== undefined ? personId(archive, opts.person) : undefined;
    const s = style(archive, lang);
    const tree = introTree(introPackage(archive, net, opts.asOf ?? today(), person), s);
    return document(io, tree, s.c.docs.introTitle({ network: net.config!.name }), opts, lang);
  },
});

export const digestCommand = defineCommand('digest', 'digest', {
  options: [
    option('--municipality <name>', 'digestMunicipality', text),
    option('--half <half>', 'reportHalf', half.optional()),
    presentedOption,
    ...docOptions,
  ],
  async run(opts, io) {
    const { archive, lang } = await open(io, opts);
    const missing = [opts.municipality === undefined && '--municipality', opts.half === undefined && '--half'].filter(
      (x): x is string => x !== false,
    );
    if (missing.length > 0) {
      const example = `kd digest --municipality ${archive.config?.municipalities[0] ?? 'Osby'} --half ${halfOf(today())}`;
      throw new KdError('options-required', { options: missing.join(', '), example });
    }
    const s = style(archive, lang);
    const period = opts.half!;
    requireSound(archive, { period }, lang);
    const municipality = municipalityNamed(archive, opts.municipality!);
    const digest = municipalityDigest(archive, municipality, period, presentedOn(period, opts.asOf));
    return document(io, digestTree(digest, s), s.c.docs.digestTitle({ municipality, period: periodName(period, s) }), opts, lang);
  },
});

export const calendarCommand = defineCommand('calendar', 'calendar', {
  options: [
    networkOption,
    formatOption(CALENDAR_FORMATS, 'ics'),
    option('--base-url <url>', 'baseUrl', siteUrl.optional()),
    outOption,
    forceOption,
  ],
  async run(opts, io) {
    const { root, archive, lang } = await open(io, opts);
    const network = opts.network !== undefined ? networkId(archive, opts.network) : undefined;
    const entries = calendarEntries(archive, { network, base: opts.baseUrl ?? archive.config?.site_url });
    // Links go to the protocols' pages when the site's address is known; else they are relative to where the Markdown is written (or printed from).
    const from = opts.out !== undefined ? path.dirname(path.resolve(io.cwd, opts.out)) : io.cwd;
    const link = (file: string) =>
      entries.find((e) => e.protocol === file)?.url ??
      path
        .relative(from, path.join(root, ...file.split('/')))
        .split(path.sep)
        .join('/');
    const ctx = { style: style(archive, lang), link, organisation: archive.config?.organisation ?? 'kd', version: kdPackage().version };
    return emit(io, await calendarReporters[opts.format](entries, ctx), opts, lang);
  },
});
