import { readFile } from 'node:fs/promises';
import { addTerm } from '../../archive/edit.js';
import { withArchiveLock } from '../../archive/lock.js';
import { archivePath } from '../../archive/paths.js';
import { findRoot } from '../../archive/read.js';
import { Transaction } from '../../archive/transaction.js';
import { KdError } from '../../core/errors.js';
import { type Catalogue, catalogue } from '../../i18n/index.js';
import { proposeRotation, rosterView, type SeatRow, turnOf } from '../../query/roster.js';
import { QUERY_FORMATS, SUMMARY_FORMATS } from '../../render/formats.js';
import { md } from '../../render/markdown.js';
import { type Style, style } from '../../render/registers.js';
import { columns, type Table } from '../../render/table.js';
import { summaryReporters, tableReporters } from '../../render/views.js';
import { defineCommand, type Globals, type Input, option } from '../command.js';
import { chalkFor, displayPath, type Io } from '../io.js';
import { openArchive } from '../load.js';
import { today } from '../meta.js';
import { date, flag, formatOption, fromOption, networkOption, share, termId, text, toOption, year } from '../options.js';
import { pickNetwork } from '../resolve.js';
import { requireSound } from '../scope.js';

interface Common extends Globals {
  network?: string | undefined;
}

async function open(io: Io, opts: Common) {
  const { root, archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
  const net = pickNetwork(archive, opts.network);
  return { root, archive, lang, net, c: catalogue(lang) };
}

function seatTable(seats: SeatRow[], s: Style, c: Catalogue): Table {
  const col = c.roster.columns;
  return {
    columns: columns(
      col,
      ['name', 'municipality', 'role', 'substitute', 'joined', 'terms', 'attended', 'rate', 'substituteAttended'],
      ['terms', 'attended', 'rate', 'substituteAttended'],
    ),
    rows: seats.map((r) => [
      r.name,
      r.municipality ?? r.organisation ?? '',
      `${c.docs.roles[r.role]}${r.acting ? ` (${col.acting})` : ''}`,
      r.substitute ? s.person(r.substitute) : '',
      s.date(r.joined),
      String(r.termsServed),
      `${r.attended}/${r.meetings}`,
      s.percent(r.rate),
      String(r.substituteAttended),
    ]),
  };
}

const rosterOptions = [
  networkOption,
  option('--on <date>', 'on', date.optional()),
  option('--term <id>', 'term', text),
  formatOption(QUERY_FORMATS, 'text'),
] as const;

async function rosterRun(opts: Input<[], typeof rosterOptions>, io: Io): Promise<number> {
  const { archive, lang, net, c } = await open(io, opts);
  // Attendance over a term counts the network's protocols: a broken one would be counted as a meeting not held.
  requireSound(archive, { network: net.id }, lang);
  if (opts.on !== undefined && opts.term !== undefined) throw new KdError('conflicting-options', { options: '--on, --term' });
  const term = opts.term !== undefined ? net.config!.terms?.find((t) => t.id === opts.term) : undefined;
  if (opts.term !== undefined && !term)
    throw new KdError('unknown-term', { id: opts.term, known: (net.config!.terms ?? []).map((t) => t.id).join(', ') || '–' });
  const on = opts.on ?? (term ? undefined : today());
  const view = rosterView(archive, net, { ...(on ? { on } : {}), ...(term ? { term } : {}) });
  const s = style(archive, lang);
  const head = [
    c.roster.title({ network: net.config!.name }),
    view.on
      ? c.roster.onDate({ date: s.date(view.on), term: view.term?.id ?? '' })
      : c.roster.overTerm({ term: view.term!.id, from: s.date(view.term!.from), to: s.date(view.term!.to) }),
    c.roster.meetings({
      held: view.meetingsHeld,
      planned: view.meetingsPlanned !== undefined ? String(view.meetingsPlanned) : '',
      calendar: view.meetingsInCalendar,
    }),
  ];
  const text = await tableReporters[opts.format](
    {
      json: () => ({
        network: net.id,
        on: view.on ?? null,
        term: view.term ?? null,
        meetingsHeld: view.meetingsHeld,
        meetingsPlanned: view.meetingsPlanned ?? null,
        meetingsInCalendar: view.meetingsInCalendar,
        seats: view.seats,
      }),
      csv: () => seatTable(view.seats, style(archive, lang, true), c),
      markdown: () => [md.heading(2, head[0]!), md.paragraph(`${head[1]} ${head[2]}`), md.table(seatTable(view.seats, s, c))],
      text: () => [{ strong: head[0]! }, { line: `${head[1]} ${head[2]}` }, { line: '' }, { table: seatTable(view.seats, s, c) }],
    },
    { chalk: chalkFor(io.stdout, io.env, opts.color) },
  );
  io.stdout.write(text);
  return 0;
}

const rotateOptions = [
  networkOption,
  option('--term <id>', 'nextTerm', termId.optional()),
  option('--share <share>', 'share', share.default(1 / 3)),
  fromOption,
  toOption,
  option('--write', 'write', flag),
  formatOption(SUMMARY_FORMATS, 'text'),
] as const;
async function rotateRun(opts: Input<[], typeof rotateOptions>, io: Io): Promise<number> {
  if (!opts.write) return rotate(opts, io);
  // network.yml is read, changed and written under the archive's lock, so that no other run's change is lost.
  const root = await findRoot({ cwd: io.cwd, archive: opts.archive, env: io.env });
  return withArchiveLock({ root, lang: opts.lang, io }, () => rotate(opts, io));
}

async function rotate(opts: Input<[], typeof rotateOptions>, io: Io): Promise<number> {
  // The id is written into network.yml: --term's type holds it to one the schema accepts.
  if (opts.term === undefined) {
    // Swedish municipal terms begin the year after an election (2022, 2026, …): 2027-2030 is the next one after 2026.
    const year = Number(today().slice(0, 4)) + 1;
    const from = year + ((3 - (year % 4) + 4) % 4);
    throw new KdError('options-required', { options: '--term', example: `kd roster rotate --term ${from}-${from + 3}` });
  }
  const { root, archive, lang, net, c } = await open(io, opts);
  if (!net.config!.terms?.length) throw new KdError('no-terms', { network: net.id });
  if (net.config!.terms.some((t) => t.id === opts.term)) {
    io.stderr.write(`kd: ${c.cli.errors['term-exists']({ id: opts.term })}\n`);
    return 1;
  }
  const proposal = proposeRotation(
    archive,
    net,
    { id: opts.term, ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) },
    opts.share,
  );
  const s = style(archive, lang);
  const r = c.roster;
  const lines = () => [
    r.rotateTitle({ network: net.config!.name, next: proposal.next.id, from: s.date(proposal.next.from), to: s.date(proposal.next.to) }),
    r.rotateSummary({ replace: proposal.replace, seats: proposal.seats, current: proposal.current.id }),
    '',
    `${r.leaving}:`,
    ...proposal.leaving.map(
      (l) =>
        `  - ${l.name}, ${l.municipality ?? l.organisation ?? ''} (${r.tenure({ days: l.tenureDays })}, ${s.percent(l.lifetimeRate) || '–'})`,
    ),
    `${r.staying}: ${proposal.staying.map((x) => x.name).join(', ') || '–'}`,
    `${r.incoming}:`,
    ...(net.config!.candidates?.length
      ? proposal.incoming.map(
          (i) =>
            `  - ${i.kind === 'person' ? s.person(i.candidate) : i.candidate} (${i.lastSeat ? r.lastSeat({ date: s.date(i.lastSeat) }) : r.never})`,
        )
      : [`  ${r.noCandidates}`]),
  ];
  io.stdout.write(await summaryReporters[opts.format]({ json: () => proposal, text: () => `${lines().join('\n')}\n` }));
  if (!opts.write) return 0;
  // Write: the leaving members' terms end with the current term, person candidates join, the new term is added.
  const file = await archivePath(root, net.file);
  const text = addTerm(await readFile(file, 'utf8'), {
    term: proposal.next,
    ending: net.config!.roster.flatMap((m, i) =>
      proposal.leaving.some((l) => l.person === m.person) && (m.to === undefined || m.to > proposal.current.to) ? [i] : [],
    ),
    endsOn: proposal.current.to,
    joining: proposal.incoming.flatMap((i) => (i.kind === 'person' ? [{ person: i.candidate, from: proposal.next.from }] : [])),
  });
  await Transaction.run((tx) => tx.replace(file, text), { root, lang, io });
  io.stdout.write(`\n${r.written({ file: displayPath(root, io.cwd)(net.file), term: proposal.next.id })}\n`);
  for (const i of proposal.incoming.filter((x) => x.kind === 'municipality'))
    io.stdout.write(`${r.chooseFor({ municipality: i.candidate })}\n`);
  return 0;
}

async function turnRun(opts: Common & { year?: number | undefined; format: (typeof SUMMARY_FORMATS)[number] }, io: Io): Promise<number> {
  const { net, c } = await open(io, opts);
  const rotation = net.config!.rotation;
  if (!rotation) {
    io.stdout.write(`${c.roster.noRotation}\n`);
    return 0;
  }
  const first = opts.year ?? Number(today().slice(0, 4));
  const turns = [first, first + 1].map((y) => ({ year: y, ...turnOf(rotation, y) }));
  io.stdout.write(
    await summaryReporters[opts.format]({ json: () => turns, text: () => `${turns.map((t) => c.roster.turn(t)).join('\n')}\n` }),
  );
  return 0;
}

export const rosterCommand = defineCommand('roster', 'roster', {
  options: rosterOptions,
  run: rosterRun,
  subcommands: [
    defineCommand('rotate', 'rotate', {
      options: rotateOptions,
      run: rotateRun,
    }),
    defineCommand('turn', 'turn', {
      options: [networkOption, option('--year <year>', 'year', year.optional()), formatOption(SUMMARY_FORMATS, 'text')],
      run: turnRun,
    }),
  ],
});
