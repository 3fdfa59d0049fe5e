import { KdError } from '../../core/errors.js';
import { catalogue } from '../../i18n/index.js';
import { type AssignmentStatus, assignmentRows } from '../../query/assignments.js';
import { attendanceRegisters } from '../../query/attendance.js';
import { decisions } from '../../query/decisions.js';
import type { Period } from '../../query/period.js';
import { QUERY_FORMATS } from '../../render/formats.js';
import {
  assignmentJson,
  assignmentTable,
  attendanceJson,
  attendanceMarkdown,
  attendanceMatrix,
  attendanceSummary,
  decisionJson,
  decisionTable,
  draftLegend,
  isDraft,
  legendText,
  municipalityTable,
  type Style,
  style,
} from '../../render/registers.js';
import { rowsView, type TableView, type TextBlock, tableReporters } from '../../render/views.js';
import { defineCommand, type Globals, option } from '../command.js';
import { chalkFor, type Io } from '../io.js';
import { openArchive } from '../load.js';
import { today } from '../meta.js';
import { atOption, date, flag, formatOption, fromOption, halfOption, networkOption, text, toOption } from '../options.js';
import { municipalityNamed, networkId, ownerId, personId } from '../resolve.js';
import { requireSound } from '../scope.js';

interface Scoped extends Globals {
  network?: string | undefined;
  half?: Period | undefined;
  from?: string | undefined;
  to?: string | undefined;
  at?: string | undefined;
}

/**
 * Loads the archive and checks the options every query shares: the network
 * by id or name, resolved to its id; the period. Names that need a sound
 * people.yml or kd.yml (person, municipality, owner) are resolved after
 * this, once the archive is known to be sound.
 */
async function open(opts: Scoped, io: Io) {
  const { archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, at: opts.at, lang: opts.lang });
  const network = opts.network !== undefined ? networkId(archive, opts.network) : undefined;
  const p = period(opts);
  requireSound(archive, { network, period: p }, lang);
  return { archive, lang, network, period: p, styled: (iso: boolean) => style(archive, lang, iso) };
}

/** The period asked about: a half-year, or from and to (either end open), or all time. */
function period(opts: Scoped): Period | undefined {
  if (opts.half !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw new KdError('conflicting-options', { options: '--half, --from/--to' });
    return opts.half;
  }
  if (opts.from === undefined && opts.to === undefined) return undefined;
  return { from: opts.from ?? '0000-01-01', to: opts.to ?? '9999-12-31' };
}

async function write(io: Io, opts: Globals & { format: (typeof QUERY_FORMATS)[number] }, view: TableView): Promise<number> {
  io.stdout.write(await tableReporters[opts.format](view, { chalk: chalkFor(io.stdout, io.env, opts.color) }));
  return 0;
}

const periodOptions = [halfOption, fromOption, toOption] as const;
const outputOptions = [formatOption(QUERY_FORMATS, 'text'), atOption] as const;
const ownerOption = option('--owner <id>', 'owner', text);

export const attendanceCommand = defineCommand('attendance', 'attendance', {
  options: [
    networkOption,
    option('--person <id>', 'person', text),
    option('--municipality <name>', 'municipality', text),
    ...periodOptions,
    ...outputOptions,
  ],
  async run(opts, io) {
    const { archive, network, period: p, styled } = await open(opts, io);
    const person = opts.person !== undefined ? personId(archive, opts.person) : undefined;
    const municipality = opts.municipality !== undefined ? municipalityNamed(archive, opts.municipality) : undefined;
    const regs = attendanceRegisters(archive, { ...(network ? { network } : {}), ...(p ? { period: p } : {}) }).map((reg) => ({
      ...reg,
      people: reg.people.filter(
        (row) => (person === undefined || row.person === person) && (municipality === undefined || row.municipality === municipality),
      ),
      municipalities: reg.municipalities.filter((m) => municipality === undefined || m.municipality === municipality),
    }));
    const s = styled(false);
    const r = s.c.registers;
    // A filter that leaves a network without rows says so, rather than showing an empty table.
    const nobody = (id: string): string | undefined => {
      const d = { network: s.networkName(id), period: p !== undefined };
      if (person !== undefined) return r.personNotMember({ ...d, person: s.person(person) });
      if (municipality !== undefined) return r.noMemberFrom({ ...d, municipality });
      return undefined;
    };
    return write(io, opts, {
      json: () => attendanceJson(regs),
      csv: () => attendanceSummary(regs, styled(true)),
      markdown: () => attendanceMarkdown(regs, s, 2, nobody),
      text: () => {
        const none = (reg: (typeof regs)[number]) => (reg.people.length === 0 ? nobody(reg.network) : undefined);
        return [
          ...regs.flatMap((reg): TextBlock[] => [
            { strong: r.attendanceTitle(s.networkName(reg.network)) },
            ...(none(reg) !== undefined ? [{ line: none(reg)! }] : [{ table: attendanceMatrix(reg, s) }]),
            { line: '' },
            ...(reg.municipalities.length > 0
              ? [{ strong: r.municipalitiesTitle }, { table: municipalityTable(reg, s) }, { line: '' }]
              : []),
          ]),
          // The legend explains the matrix: with none shown, none is needed.
          ...(regs.some((reg) => none(reg) === undefined) ? [{ line: legendText(s) }] : []),
        ];
      },
    });
  },
});

export const decisionsCommand = defineCommand('decisions', 'decisions', {
  options: [option('--grep <text>', 'grep', text), networkOption, ownerOption, ...periodOptions, ...outputOptions],
  async run(opts, io) {
    const { archive, lang, network, period: p, styled } = await open(opts, io);
    const owner = opts.owner !== undefined ? ownerId(archive, opts.owner) : undefined;
    const rows = decisions(archive, {
      ...(network ? { network } : {}),
      ...(owner ? { owner } : {}),
      ...(opts.grep ? { grep: opts.grep } : {}),
      ...(p ? { period: p } : {}),
    });
    const view = rowsView(
      {
        json: () => decisionJson(rows),
        table: (s) => decisionTable(rows, s),
        title: catalogue(lang).registers.decisionsTitle,
        ...(rows.some(isDraft) ? { note: (s: Style) => draftLegend(rows, s).join(' ') } : {}),
        count: rows.length,
      },
      styled,
    );
    return write(io, opts, view);
  },
});

export const assignmentsCommand = defineCommand('assignments', 'assignments', {
  options: [
    option('--open', 'open', flag),
    option('--overdue', 'overdue', flag),
    option('--done', 'done', flag),
    ownerOption,
    networkOption,
    option('--as-of <date>', 'asOf', date.optional()),
    ...outputOptions,
  ],
  async run(opts, io) {
    const { archive, lang, network, styled } = await open(opts, io);
    const statuses = (['open', 'overdue', 'done'] as const).filter((k) => opts[k]);
    if (statuses.length > 1) throw new KdError('conflicting-options', { options: statuses.map((k) => `--${k}`).join(', ') });
    const owner = opts.owner !== undefined ? ownerId(archive, opts.owner) : undefined;
    const asOf = opts.asOf ?? today();
    const rows = assignmentRows(archive, {
      asOf,
      ...(network ? { network } : {}),
      ...(owner ? { owner } : {}),
      ...(statuses[0] ? { status: statuses[0] as AssignmentStatus } : {}),
    });
    const c = catalogue(lang);
    const view = rowsView(
      {
        json: () => ({ asOf, assignments: assignmentJson(rows) }),
        table: (s) => assignmentTable(rows, s),
        title: c.registers.assignmentsTitle,
        note: (s) => [c.registers.asOf(s.date(asOf)), ...draftLegend(rows, s)].join(' '),
        count: rows.length,
      },
      styled,
    );
    return write(io, opts, view);
  },
});
