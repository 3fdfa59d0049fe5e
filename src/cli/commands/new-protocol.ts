import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { withArchiveLock } from '../../archive/lock.js';
import { withRemark } from '../../archive/outline.js';
import { archivePath } from '../../archive/paths.js';
import { readTemplate } from '../../archive/templates.js';
import { decodeText } from '../../archive/text.js';
import { Transaction } from '../../archive/transaction.js';
import { FileExistsError } from '../../archive/write.js';
import { KdError } from '../../core/errors.js';
import { catalogue, formatMessage, type Lang } from '../../i18n/index.js';
import { processFile } from '../../model/file.js';
import { laterInYear, nextPlanned, plannedOn, planProtocol } from '../../query/plan.js';
import { renderScaffold, type Scaffold } from '../../render/scaffold.js';
import { isRealDate, timeRange } from '../../schema/index.js';
import { defineCommand, option } from '../command.js';
import { displayPath } from '../io.js';
import { openArchive } from '../load.js';
import { date, dryRunOption, flag, networkOption, placeOption, text, timeOption } from '../options.js';
import { ask, interactive, type Question } from '../prompt.js';
import { pickNetwork } from '../resolve.js';

export interface NewProtocolOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  archive?: string | undefined;
  network?: string | undefined;
  /** A real date (checked as the option is read, or as the answer is given). */
  date?: string | undefined;
  /** A time range HH:MM-HH:MM (checked likewise). */
  time?: string | undefined;
  place?: string | undefined;
  /** Path of a file with one agenda item a line. */
  agenda?: string | undefined;
  lang?: Lang | undefined;
  /** Asked for date, time and place when they are still missing; absent means no one can be asked. */
  prompt?: (questions: Question[]) => Promise<string[]>;
}

export interface NewProtocolResult {
  root: string;
  scaffold: Scaffold;
  lang: Lang;
  openAssignments: number;
  /** The meeting as settled (given, planned or answered), so the write can plan it again under the lock. */
  meeting: { date: string; time: string; place: string };
}

/** Works out the next protocol of a network and renders it. Writes nothing. */
export async function newProtocol(options: NewProtocolOptions): Promise<NewProtocolResult> {
  const { root, archive, lang } = await openArchive(options);
  const c = catalogue(lang);
  const net = pickNetwork(archive, options.network);

  const given = {
    date: options.date,
    time: options.time,
    place: options.place?.trim() || undefined,
  };
  let planned = given.date !== undefined ? plannedOn(net, given.date) : nextPlanned(net);
  let date = given.date ?? planned?.date;
  let time = given.time ?? planned?.time;
  let place = given.place ?? planned?.place;

  const missing = [date === undefined && '--date', time === undefined && '--time', place === undefined && '--place'].filter(
    (m): m is string => m !== false,
  );
  if (missing.length > 0) {
    if (!options.prompt) throw new KdError('missing-options', { options: missing.join(', ') });
    const last = net.protocols.at(-1)?.data;
    const questions: Question[] = [];
    const n = c.ui.newProtocol;
    if (date === undefined) questions.push({ text: n.askDate, check: (a) => (isRealDate(a) ? undefined : n.invalidAnswer(c.expect.date)) });
    if (time === undefined)
      questions.push({
        text: n.askTime,
        default: last?.time,
        check: (a) => (timeRange.safeParse(a).success ? undefined : n.invalidAnswer(c.expect['time-range'])),
      });
    if (place === undefined)
      questions.push({ text: n.askPlace, default: last?.place, check: (a) => (a ? undefined : n.invalidAnswer(c.expect.text)) });
    const answers = await options.prompt(questions);
    if (date === undefined) {
      date = answers.shift()!;
      planned = plannedOn(net, date);
    }
    if (time === undefined) time = answers.shift()!;
    if (place === undefined) place = answers.shift()!;
  }
  const meetingDate = date!;

  const later = laterInYear(net, meetingDate);
  if (later) throw new KdError('date-before-existing', { date: meetingDate, file: later.file });
  const agenda =
    options.agenda !== undefined ? await readAgenda(path.resolve(options.cwd, options.agenda), options.agenda) : (planned?.agenda ?? []);
  const plan = planProtocol(archive, net, { date: meetingDate, time: time!, place: place!, agenda, theme: planned?.theme });
  if (plan.secretary === undefined) throw new KdError('no-secretary', { network: net.id, date: meetingDate });
  const template = await readTemplate(root, 'protocol', lang);
  const scaffold = renderScaffold(archive, plan, template, lang);
  // A template of the archive's own can break what kd writes: what does not pass the file's own checks is not written.
  const broken = (await withRemark(() => processFile(scaffold.file, 'protocol', new TextEncoder().encode(scaffold.text)))).findings.find(
    (f) => f.severity === 'error',
  );
  if (broken)
    throw new KdError('scaffold-invalid', {
      file: scaffold.file,
      line: broken.line,
      column: broken.column,
      message: formatMessage(lang, broken.message),
    });
  return { root, scaffold, lang, openAssignments: plan.open.length, meeting: { date: meetingDate, time: time!, place: place! } };
}

/** One item a line; blank lines, list marks ("- ", "1. ") and surrounding space are dropped. */
async function readAgenda(file: string, shown: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new KdError('path-missing', { path: shown });
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new KdError('agenda-unreadable', { file: shown });
  return decoded.text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}

export const newProtocolCommand = defineCommand('new-protocol', 'newProtocol', {
  options: [
    networkOption,
    option('--date <date>', 'date', date.optional()),
    timeOption,
    placeOption,
    option('--agenda <file>', 'agenda', text),
    dryRunOption,
    option('--edit', 'edit', flag),
  ],
  async run(opts, io) {
    const first = await newProtocol({
      cwd: io.cwd,
      env: io.env,
      archive: opts.archive,
      network: opts.network,
      date: opts.date,
      time: opts.time,
      place: opts.place,
      agenda: opts.agenda,
      lang: opts.lang,
      ...(interactive(io) ? { prompt: (questions: Question[]) => ask(io, questions) } : {}),
    });
    const c = catalogue(first.lang);
    if (opts.dryRun) {
      io.stdout.write(first.scaffold.text);
      return 0;
    }
    // Questions are asked before the archive is locked; the number and the file are worked out again under the
    // lock, so two secretaries writing at once never both take the same number.
    let result = first;
    let shown = displayPath(first.root, io.cwd)(first.scaffold.file);
    let target = '';
    try {
      await withArchiveLock({ root: first.root, lang: first.lang, io }, async () => {
        result = await newProtocol({
          cwd: io.cwd,
          env: io.env,
          archive: first.root,
          network: opts.network,
          ...first.meeting,
          agenda: opts.agenda,
          lang: opts.lang,
        });
        target = await archivePath(result.root, result.scaffold.file);
        shown = displayPath(result.root, io.cwd)(result.scaffold.file);
        await Transaction.run((tx) => tx.create(target, result.scaffold.text), { root: result.root, lang: result.lang, io });
      });
    } catch (error) {
      if (error instanceof FileExistsError) {
        io.stderr.write(`kd: ${c.cli.errors['file-exists']({ file: shown })}\n`);
        return 1;
      }
      throw error;
    }
    const n = c.ui.newProtocol;
    io.stdout.write(
      `${n.written({ file: shown })}\n${n.openCount(result.openAssignments)}\n\n${n.todo}\n${n.todoItems.map((t) => `  - ${t}\n`).join('')}`,
    );
    if (opts.edit) {
      const editor = io.env.VISUAL || io.env.EDITOR;
      if (!editor) {
        io.stderr.write(`kd: ${c.cli.errors['no-editor']()}\n`);
        return 0;
      }
      const [command, ...args] = editor.split(/\s+/).filter(Boolean);
      spawnSync(command!, [...args, target], { stdio: 'inherit' });
    }
    return 0;
  },
});
