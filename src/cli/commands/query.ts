import { KdError } from '../../core/errors.js';
import { catalogue, type Lang } from '../../i18n/index.js';
import type { Archive } from '../../model/index.js';
import { type AssignmentStatus, assignmentRows } from '../../query/assignments.js';
import { attendanceRegisters } from '../../query/attendance.js';
import { decisions } from '../../query/decisions.js';
import { halfYear, type Period } from '../../query/period.js';
import {
  assignmentJson,
  assignmentTable,
  attendanceJson,
  attendanceMarkdown,
  attendanceMatrix,
  attendanceSummary,
  decisionJson,
  decisionTable,
  legendText,
  municipalityTable,
  style,
} from '../../render/registers.js';
import { renderCsv, renderTextTable, type Table } from '../../render/table.js';
import type { QueryFormat } from '../formats.js';
import { chalkFor, type Io } from '../io.js';
import { openArchive } from '../load.js';
import { today } from '../meta.js';
import { pickNetwork } from '../network.js';
import { checkDateOption } from '../options.js';
import { requireSound } from '../scope.js';

export interface QueryOptions {
  archive?: string;
  lang?: Lang;
  color?: boolean;
  format?: QueryFormat;
  network?: string;
  half?: string;
  from?: string;
  to?: string;
  at?: string;
}

/** Loads the archive and checks the options every query shares. */
async function open(opts: QueryOptions, io: Io) {
  const { archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, at: opts.at, lang: opts.lang });
  if (opts.network !== undefined) pickNetwork(archive, opts.network);
  const p = period(opts, lang);
  requireSound(archive, { network: opts.network, period: p }, lang);
  return { archive, lang, period: p };
}

export function period(opts: { half?: string; from?: string; to?: string }, lang: Lang): Period | undefined {
  const c = catalogue(lang);
  if (opts.half !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw new KdError('conflicting-options', { options: '--half, --from/--to' });
    const p = halfYear(opts.half);
    if (!p) throw new KdError('invalid-option-value', { option: '--half', found: opts.half, expected: c.expect.half });
    return p;
  }
  for (const [option, value] of [
    ['--from', opts.from],
    ['--to', opts.to],
  ] as const)
    if (value !== undefined) checkDateOption(option, value, lang);
  if (opts.from === undefined && opts.to === undefined) return undefined;
  return { from: opts.from ?? '0000-01-01', to: opts.to ?? '9999-12-31' };
}

function textTables(io: Io, opts: QueryOptions, parts: (string | Table)[]): string {
  const chalk = chalkFor(io.stdout, io.env, opts.color !== false);
  return parts.map((p) => (typeof p === 'string' ? `${chalk.bold(p)}\n` : `${renderTextTable(p, chalk)}\n`)).join('');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function markdown(children: import('mdast').RootContent[]): Promise<string> {
  const { renderMarkdown } = await import('../../render/markdown.js');
  return renderMarkdown(children);
}

export async function attendanceCommand(opts: QueryOptions & { person?: string; municipality?: string }, io: Io): Promise<number> {
  const { archive, lang, period: p } = await open(opts, io);
  if (opts.person !== undefined && !archive.people?.[opts.person]) throw new KdError('unknown-person-option', { id: opts.person });
  const regs = attendanceRegisters(archive, { ...(opts.network ? { network: opts.network } : {}), ...(p ? { period: p } : {}) }).map(
    (reg) => ({
      ...reg,
      people: reg.people.filter(
        (row) =>
          (opts.person === undefined || row.person === opts.person) &&
          (opts.municipality === undefined || row.municipality === opts.municipality),
      ),
      municipalities: reg.municipalities.filter((m) => opts.municipality === undefined || m.municipality === opts.municipality),
    }),
  );
  const format = opts.format ?? 'text';
  const s = style(archive, lang, format === 'csv' || format === 'json');
  const r = s.c.registers;
  if (format === 'json') io.stdout.write(json(attendanceJson(regs)));
  else if (format === 'csv') io.stdout.write(renderCsv(attendanceSummary(regs, s)));
  else if (format === 'md') io.stdout.write(await markdown(attendanceMarkdown(regs, s)));
  else {
    const parts: (string | Table)[] = [];
    for (const reg of regs) {
      parts.push(r.attendanceTitle(s.networkName(reg.network)), attendanceMatrix(reg, s));
      if (reg.municipalities.length > 0) parts.push(r.municipalitiesTitle, municipalityTable(reg, s));
    }
    const legend = legendText(s);
    io.stdout.write(`${textTables(io, opts, parts)}${legend}\n`);
  }
  return 0;
}

export async function decisionsCommand(opts: QueryOptions & { grep?: string; owner?: string }, io: Io): Promise<number> {
  const { archive, lang, period: p } = await open(opts, io);
  const rows = decisions(archive, {
    ...(opts.network ? { network: opts.network } : {}),
    ...(opts.owner ? { owner: opts.owner } : {}),
    ...(opts.grep ? { grep: opts.grep } : {}),
    ...(p ? { period: p } : {}),
  });
  return writeRows(io, opts, archive, lang, {
    json: () => decisionJson(rows),
    table: (s) => decisionTable(rows, s),
    title: catalogue(lang).registers.decisionsTitle,
    count: rows.length,
  });
}

export async function assignmentsCommand(
  opts: QueryOptions & { owner?: string; open?: boolean; overdue?: boolean; done?: boolean; asOf?: string },
  io: Io,
): Promise<number> {
  const { archive, lang } = await open(opts, io);
  const statuses = (['open', 'overdue', 'done'] as const).filter((k) => opts[k] === true);
  if (statuses.length > 1) throw new KdError('conflicting-options', { options: statuses.map((k) => `--${k}`).join(', ') });
  const asOf = opts.asOf !== undefined ? checkDateOption('--as-of', opts.asOf, lang) : today();
  const rows = assignmentRows(archive, {
    asOf,
    ...(opts.network ? { network: opts.network } : {}),
    ...(opts.owner ? { owner: opts.owner } : {}),
    ...(statuses[0] ? { status: statuses[0] as AssignmentStatus } : {}),
  });
  const c = catalogue(lang);
  return writeRows(io, opts, archive, lang, {
    json: () => ({ asOf, assignments: assignmentJson(rows) }),
    table: (s) => assignmentTable(rows, s),
    title: c.registers.assignmentsTitle,
    note: (s) => c.registers.asOf(s.date(asOf)),
    count: rows.length,
  });
}

async function writeRows(
  io: Io,
  opts: QueryOptions,
  archive: Archive,
  lang: Lang,
  out: {
    json: () => unknown;
    table: (s: ReturnType<typeof style>) => Table;
    title: string;
    note?: (s: ReturnType<typeof style>) => string;
    count: number;
  },
): Promise<number> {
  const format = opts.format ?? 'text';
  const s = style(archive, lang, format === 'csv' || format === 'json');
  if (format === 'json') io.stdout.write(json(out.json()));
  else if (format === 'csv') io.stdout.write(renderCsv(out.table(s)));
  else if (format === 'md') {
    const { md } = await import('../../render/markdown.js');
    io.stdout.write(
      await markdown([
        md.heading(2, out.title),
        ...(out.note ? [md.paragraph(out.note(s))] : []),
        out.count > 0 ? md.table(out.table(s)) : md.paragraph(s.c.registers.none),
      ]),
    );
  } else {
    const parts: (string | Table)[] = [out.title, ...(out.note ? [out.note(s)] : [])];
    if (out.count > 0) parts.push(out.table(s));
    else parts.push(s.c.registers.none);
    io.stdout.write(textTables(io, opts, parts));
  }
  return 0;
}
