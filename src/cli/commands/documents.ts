import path from 'node:path';
import type { Root } from 'mdast';
import { KdError } from '../../core/errors.js';
import type { Lang } from '../../i18n/index.js';
import { calendarEntries } from '../../query/calendar.js';
import { findMunicipality, municipalityDigest } from '../../query/digest.js';
import { introPackage } from '../../query/intro.js';
import { halfYear } from '../../query/period.js';
import { collator } from '../../query/sort.js';
import { calendarTree, digestTree, introTree } from '../../render/documents.js';
import { renderIcs } from '../../render/ics.js';
import { renderMarkdown } from '../../render/markdown.js';
import { style } from '../../render/registers.js';
import { renderHtmlDocument } from '../../render/report.js';
import type { Io } from '../io.js';
import { openArchive } from '../load.js';
import { kdPackage, today } from '../meta.js';
import { pickNetwork } from '../network.js';
import { checkDateOption } from '../options.js';
import { closest, emit } from '../output.js';
import { requireSound } from '../scope.js';

interface DocOptions {
  archive?: string;
  lang?: Lang;
  format?: string;
  out?: string;
  force?: boolean;
}

function open(io: Io, opts: DocOptions) {
  return openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
}

async function document(io: Io, tree: Root, title: string, opts: DocOptions, lang: Lang): Promise<number> {
  const text = opts.format === 'html' ? await renderHtmlDocument(tree, title, lang, kdPackage().version) : renderMarkdown(tree.children);
  return emit(io, text, opts, lang);
}

export async function introCommand(opts: DocOptions & { network?: string; person?: string; asOf?: string }, io: Io): Promise<number> {
  const { archive, lang } = await open(io, opts);
  const net = pickNetwork(archive, opts.network);
  requireSound(archive, { network: net.id }, lang);
  if (opts.person !== undefined && !archive.people?.[opts.person]) {
    const known = closest(opts.person, Object.keys(archive.people ?? {}));
    throw new KdError('unknown-person-suggest', { id: opts.person, known: known.join(', ') });
  }
  const asOf = opts.asOf !== undefined ? checkDateOption('--as-of', opts.asOf, lang) : today();
  const s = style(archive, lang);
  const tree = introTree(introPackage(archive, net, asOf, opts.person), s);
  return document(io, tree, s.c.docs.introTitle({ network: net.config!.name }), opts, lang);
}

export async function digestCommand(opts: DocOptions & { municipality?: string; half?: string }, io: Io): Promise<number> {
  const { archive, lang } = await open(io, opts);
  const missing = [opts.municipality === undefined && '--municipality', opts.half === undefined && '--half'].filter(
    (x): x is string => x !== false,
  );
  if (missing.length > 0) throw new KdError('missing-options', { options: missing.join(', ') });
  const s = style(archive, lang);
  const period = halfYear(opts.half!);
  if (!period) throw new KdError('invalid-option-value', { option: '--half', found: opts.half!, expected: s.c.expect.half });
  requireSound(archive, { period }, lang);
  const known = [...(archive.config?.municipalities ?? [])].sort(collator.compare);
  const municipality = findMunicipality(opts.municipality!, known);
  if (!municipality) throw new KdError('unknown-municipality-option', { found: opts.municipality!, known: known.join(', ') });
  const digest = municipalityDigest(archive, municipality, period);
  return document(io, digestTree(digest, s), s.c.docs.digestTitle({ municipality, period: opts.half! }), opts, lang);
}

export async function calendarCommand(opts: DocOptions & { network?: string }, io: Io): Promise<number> {
  const { root, archive, lang } = await open(io, opts);
  if (opts.network !== undefined) pickNetwork(archive, opts.network);
  const entries = calendarEntries(archive, opts.network);
  const s = style(archive, lang);
  const format = opts.format ?? 'ics';
  if (format === 'json') return emit(io, `${JSON.stringify(entries, null, 2)}\n`, opts, lang);
  if (format === 'md') {
    // Links are relative to where the Markdown is written (or printed from).
    const base = opts.out !== undefined ? path.dirname(path.resolve(io.cwd, opts.out)) : io.cwd;
    const link = (file: string) =>
      path
        .relative(base, path.join(root, ...file.split('/')))
        .split(path.sep)
        .join('/');
    return emit(io, renderMarkdown(calendarTree(entries, s, link).children), opts, lang);
  }
  return emit(
    io,
    renderIcs(entries, { organisation: archive.config?.organisation ?? 'kd', version: kdPackage().version, lang, words: s.c.docs.ics }),
    opts,
    lang,
  );
}
