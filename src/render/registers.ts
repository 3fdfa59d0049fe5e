import type { RootContent } from 'mdast';
import { type Catalogue, catalogue, type Lang } from '../i18n/index.js';
import type { Archive, ProtocolRecord } from '../model/index.js';
import type { AssignmentRow } from '../query/assignments.js';
import type { AttendanceRegister, Cell, PersonRow, Presence } from '../query/attendance.js';
import type { DecisionRow } from '../query/decisions.js';
import { HALF_RE } from '../query/period.js';
import { md } from './markdown.js';
import { columns, type Table } from './table.js';

/** One formatter a language: making one costs far more than using it, and a site formats dates by the thousand. */
const LONG_DATES = new Map<Lang, Intl.DateTimeFormat>();

/** "18 januari 2019": the date in words, the same on every machine (UTC, never the local zone). */
export function longDate(s: Style, iso: string): string {
  let format = LONG_DATES.get(s.lang);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(s.lang === 'sv' ? 'sv-SE' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    LONG_DATES.set(s.lang, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/** How values read in one language: dates in the Swedish (or English) style, rates as percent, people by name. */
export interface Style {
  lang: Lang;
  c: Catalogue;
  /** The style of CSV and JSON: ISO dates, plain fractions, the protocol's status in a column of its own. */
  iso: boolean;
  /** "18 jan. 2019" for people; ISO when `iso` (CSV, JSON). */
  date: (iso: string) => string;
  percent: (rate: number | undefined) => string;
  person: (idOrLabel: string) => string;
  networkName: (id: string) => string;
}

export function style(archive: Archive, lang: Lang, iso = false): Style {
  const dates = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const percent = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  // A register names the same few hundred meeting days in thousands of rows, and formatting one costs more than looking it up.
  const formatted = new Map<string, string>();
  const human = (d: string) => {
    let text = formatted.get(d);
    if (text === undefined) {
      text = dates.format(new Date(`${d}T00:00:00Z`));
      formatted.set(d, text);
    }
    return text;
  };
  return {
    lang,
    c: catalogue(lang),
    iso,
    date: iso ? (d) => d : human,
    // In CSV a rate is a plain fraction, with the decimal comma Swedish Excel expects.
    percent: (r) => (r === undefined ? '' : iso ? (lang === 'sv' ? r.toFixed(4).replace('.', ',') : r.toFixed(4)) : percent.format(r)),
    person: (id) => archive.people?.[id]?.name ?? id,
    networkName: (id) => archive.networks.get(id)?.config?.name ?? id,
  };
}

const round = (r: number | undefined) => (r === undefined ? null : Math.round(r * 10000) / 10000);

function code(s: Style, cell: Cell | undefined): string {
  return cell === undefined ? s.c.registers.notMember : s.c.registers.presence[cell.presence];
}

/**
 * Person × meeting, with each person's figures. Without `meetings`, the
 * figures alone (a register's whole history); without `inactive`, no
 * column for it (a year's table: being inactive is said of the whole).
 */
export function attendanceMatrix(reg: AttendanceRegister, s: Style, { meetings = true, inactive = true } = {}): Table {
  const col = s.c.registers.columns;
  const shown = meetings ? reg.meetings : [];
  return {
    columns: [
      { title: col.name },
      { title: col.municipality },
      ...shown.map((m) => ({ title: m.id, align: 'center' as const })),
      { title: col.attended, align: 'right' },
      { title: col.rate, align: 'right' },
      ...(inactive ? [{ title: col.inactive }] : []),
    ],
    rows: reg.people.map((p) => [
      p.name,
      p.municipality ?? p.organisation ?? '',
      ...shown.map((_, i) => code(s, p.cells.get(i))),
      `${p.attended}/${p.meetings}`,
      s.percent(p.rate),
      ...(inactive ? [p.inactive ? s.c.registers.yes : ''] : []),
    ]),
  };
}

export function municipalityTable(reg: Pick<AttendanceRegister, 'municipalities'>, s: Style): Table {
  const col = s.c.registers.columns;
  return {
    columns: columns(
      col,
      ['municipality', 'meetings', 'attended', 'rate', 'represented', 'representationRate'],
      ['meetings', 'attended', 'rate', 'represented', 'representationRate'],
    ),
    rows: reg.municipalities.map((m) => [
      m.municipality,
      String(m.meetings),
      String(m.attended),
      s.percent(m.rate),
      String(m.represented),
      s.percent(m.representationRate),
    ]),
  };
}

/** One row a person and network: the long form that a spreadsheet pivots. */
export function attendanceSummary(regs: AttendanceRegister[], s: Style): Table {
  const col = s.c.registers.columns;
  return {
    columns: [
      col.network,
      col.person,
      col.name,
      col.municipality,
      col.meetings,
      col.attended,
      col.partial,
      col.remote,
      col.substituted,
      col.regrets,
      col.absent,
      col.rate,
      col.inactive,
    ].map((title) => ({ title })),
    rows: regs.flatMap((reg) =>
      reg.people.map((p) => [
        reg.network,
        p.person,
        p.name,
        p.municipality ?? p.organisation ?? '',
        String(p.meetings),
        String(p.attended),
        String(p.partial),
        String(p.remote),
        String(p.represented),
        String(p.regrets),
        String(p.absent),
        s.percent(p.rate),
        p.inactive ? s.c.registers.yes : '',
      ]),
    ),
  };
}

/**
 * One row a person and meeting held while a member: the long form a
 * spreadsheet pivots, and which grows with the meetings, not with people ×
 * meetings as a matrix of the whole history would.
 */
export function attendanceCsv(reg: AttendanceRegister, s: Style): Table {
  const col = s.c.registers.columns;
  const r = s.c.registers;
  return {
    columns: [col.person, col.name, col.municipality, col.protocol, col.date, col.presence, col.detail, col.substitute].map((title) => ({
      title,
    })),
    rows: reg.people.flatMap((p) =>
      [...p.cells].map(([i, c]) => {
        const m = reg.meetings[i]!;
        return [
          p.person,
          p.name,
          p.municipality ?? p.organisation ?? '',
          m.id,
          s.date(m.date),
          r.presenceWord[c.presence],
          c.detail ?? '',
          c.substitute ?? '',
        ];
      }),
    ),
  };
}

/**
 * A network's attendance register: its whole history in figures (each
 * person, each municipality), then who came to each meeting, a table a
 * year, the latest first. A matrix of the whole history would grow with
 * people × meetings, and be unreadable long before that: the secretary and
 * the directors look up a year, and the figures answer for the rest.
 * `years` holds the register of each year, in any order.
 */
export function attendanceRegisterMarkdown(reg: AttendanceRegister, years: readonly AttendanceRegister[], s: Style): RootContent[] {
  const r = s.c.registers;
  const first = reg.meetings[0];
  const last = reg.meetings.at(-1);
  const inactive = reg.people.filter((p) => p.inactive).map((p) => p.name);
  const latestFirst = [...years].filter((y) => y.meetings.length > 0).sort((a, b) => (a.meetings[0]!.date < b.meetings[0]!.date ? 1 : -1));
  return [
    md.heading(2, r.attendanceTitle(s.networkName(reg.network))),
    md.paragraph(
      first && last ? r.wholeHistory({ meetings: reg.meetings.length, from: s.date(first.date), to: s.date(last.date) }) : r.noMeetings,
    ),
    ...(reg.people.length > 0 ? [md.table(attendanceMatrix(reg, s, { meetings: false }))] : []),
    ...(inactive.length > 0 ? [md.paragraph(r.inactive(inactive.join(', ')))] : []),
    md.heading(3, r.municipalitiesTitle),
    md.table(municipalityTable(reg, s)),
    ...latestFirst.flatMap((y): RootContent[] => [
      md.heading(3, r.yearTitle(y.meetings[0]!.date.slice(0, 4))),
      md.paragraph(r.meetingsLine(y.meetings.map((m) => `${m.id} ${s.date(m.date)}`).join(', '))),
      md.table(attendanceMatrix(y, s, { inactive: false })),
    ]),
    ...(latestFirst.length > 0 ? [md.paragraph(legendText(s))] : []),
  ];
}

/** One person's attendance figures as JSON, the same in the registers and the report. */
export function personJson(p: PersonRow) {
  return {
    person: p.person,
    name: p.name,
    municipality: p.municipality ?? null,
    meetings: p.meetings,
    attended: p.attended,
    partial: p.partial,
    remote: p.remote,
    represented: p.represented,
    regrets: p.regrets,
    absent: p.absent,
    rate: round(p.rate),
    inactive: p.inactive,
  };
}

export function attendanceJson(regs: AttendanceRegister[]) {
  return regs.map((reg) => ({
    network: reg.network,
    meetings: reg.meetings.map((m) => ({ id: m.id, date: m.date, place: m.protocol.data.place, file: m.protocol.file })),
    rate: round(reg.rate),
    memberMeetings: reg.memberMeetings,
    attended: reg.attended,
    people: reg.people.map((p) => ({
      ...personJson(p),
      organisation: p.organisation ?? null,
      acting: p.acting,
      // The meetings held while a member, not a cell for every meeting of the history.
      attendance: [...p.cells].map(([i, c]) => ({
        meeting: reg.meetings[i]!.id,
        presence: c.presence,
        ...(c.detail ? { detail: c.detail } : {}),
        ...(c.substitute ? { substitute: c.substitute } : {}),
      })),
    })),
    municipalities: reg.municipalities.map((m) => ({ ...m, rate: round(m.rate), representationRate: round(m.representationRate) })),
  }));
}

/** The key to the attendance codes, one sentence. */
export function legendText(s: Style): string {
  const r = s.c.registers;
  const marks = Object.entries(r.presence).map(([k, v]) => `${v} ${r.presenceWord[k as Presence]}`);
  return r.legend([...marks, `${r.notMember} ${r.notMemberWord}`].join(', '));
}

/**
 * Each register as Markdown. `nobody` says, for a network that a filter left
 * without people, why there is no table (undefined: show the empty table).
 */
export function attendanceMarkdown(
  regs: AttendanceRegister[],
  s: Style,
  depth: 2 | 3 = 2,
  nobody: (network: string) => string | undefined = () => undefined,
): RootContent[] {
  const r = s.c.registers;
  const legend = legendText(s);
  return regs.flatMap((reg): RootContent[] => {
    const heading = md.heading(depth, r.attendanceTitle(s.networkName(reg.network)));
    const meetings = md.paragraph(r.meetingsLine(reg.meetings.map((m) => `${m.id} ${s.date(m.date)}`).join(', ') || '–'));
    const none = reg.people.length === 0 ? nobody(reg.network) : undefined;
    if (none !== undefined) return [heading, meetings, md.paragraph(none)];
    const inactive = reg.people.filter((p) => p.inactive).map((p) => p.name);
    return [
      heading,
      meetings,
      md.table(attendanceMatrix(reg, s)),
      md.paragraph(legend),
      ...(inactive.length > 0 ? [md.paragraph(r.inactive(inactive.join(', ')))] : []),
      md.heading((depth + 1) as 3 | 4, r.municipalitiesTitle),
      md.table(municipalityTable(reg, s)),
    ];
  });
}

/** A decision's text, or for members "Sekretess: <reason>" when it is withheld (query/public.ts). */
export function shownText(d: { text: string; withheld?: string }, s: Style): string {
  return d.withheld !== undefined ? s.c.protocol.secret(d.withheld) : d.text;
}

export function decisionTable(rows: DecisionRow[], s: Style): Table {
  const col = s.c.registers.columns;
  return withProtocolStatus(rows, s, {
    columns: columns(col, ['id', 'date', 'kind', 'item', 'text', 'owner', 'due']),
    rows: rows.map((d) => [
      d.id,
      meetingDate(d, s),
      s.c.registers.kind[d.kind],
      d.itemTitle,
      shownText(d, s),
      d.owner !== undefined ? s.person(d.owner) : '',
      d.due !== undefined ? s.date(d.due) : '',
    ]),
  });
}

export function decisionJson(rows: DecisionRow[]) {
  return rows.map((d) => ({
    id: d.id,
    network: d.network,
    protocol: d.protocol.id,
    date: d.date,
    item: d.item,
    itemTitle: d.itemTitle,
    kind: d.kind,
    text: d.text,
    owner: d.owner ?? null,
    due: d.due ?? null,
    takeHome: d.takeHome,
    draft: isDraft(d),
  }));
}

export function assignmentTable(rows: AssignmentRow[], s: Style): Table {
  const col = s.c.registers.columns;
  return withProtocolStatus(rows, s, {
    columns: columns(col, ['id', 'date', 'text', 'owner', 'due', 'status', 'doneIn']),
    rows: rows.map((a) => [
      a.id,
      meetingDate(a, s),
      shownText(a, s),
      s.person(a.owner),
      a.due !== undefined ? s.date(a.due) : '',
      s.c.registers.status[a.status],
      a.doneIn ?? '',
    ]),
  });
}

/** Decisions or assignments: rows that name the protocol they come from. */
export type FromProtocols = readonly { protocol: ProtocolRecord }[];

/** Whether a decision or an assignment comes from a protocol not yet approved. */
export function isDraft(row: { protocol: ProtocolRecord }): boolean {
  return row.protocol.data.status !== 'justerat';
}

/** The meeting's date, marked for a reader when its protocol is not approved. */
function meetingDate(row: { date: string; protocol: ProtocolRecord }, s: Style): string {
  return isDraft(row) && !s.iso ? `${s.date(row.date)} (${s.c.registers.draftMark})` : s.date(row.date);
}

/** In CSV, the protocol's status as a column of its own, so that the date stays a date. */
function withProtocolStatus(rows: FromProtocols, s: Style, table: Table): Table {
  if (!s.iso) return table;
  return {
    columns: [...table.columns, { title: s.c.registers.columns.protocol }],
    rows: table.rows.map((cells, i) => [...cells, s.c.registers.protocolStatus[rows[i]!.protocol.data.status]]),
  };
}

/** The legend under a table of decisions or assignments, when any of them is from a protocol not yet approved. */
export function draftLegend(rows: FromProtocols, s: Style): string[] {
  return rows.some(isDraft) ? [s.c.registers.draftLegend] : [];
}

export function assignmentJson(rows: AssignmentRow[]) {
  return rows.map((a) => ({
    id: a.id,
    network: a.network,
    date: a.date,
    itemTitle: a.itemTitle,
    text: a.text,
    owner: a.owner,
    due: a.due ?? null,
    status: a.status,
    draft: isDraft(a),
    doneIn: a.doneIn ?? null,
    doneOn: a.status === 'done' ? a.doneBy!.date : null,
  }));
}

/** A table of decisions or assignments in a document: `empty` ("Inga uppdrag.") when there are none, the legend under it when any is from a draft. */
export function rowsBlock(rows: FromProtocols, table: () => Table, s: Style, empty: string): RootContent[] {
  if (rows.length === 0) return [md.paragraph(empty)];
  return [md.table(table()), ...draftLegend(rows, s).map((line) => md.paragraph(line))];
}

/** A first column that marks the decisions every municipality (or, in a digest, the municipality) is to take home. */
export function takeHomeColumn(
  rows: readonly { takeHome: boolean }[],
  table: Table,
  s: Style,
  marked = rows.map((d) => d.takeHome),
): Table {
  // No column when no row is marked: it would only take width.
  if (!marked.some(Boolean)) return table;
  return {
    columns: [{ title: s.c.registers.columns.takeHome }, ...table.columns],
    rows: table.rows.map((cells, i) => [marked[i] ? s.c.registers.takeHomeMark : '', ...cells]),
    rowClasses: marked.map((m) => (m ? 'take-home' : undefined)),
  };
}

/** A half-year in words ("andra halvåret 2019"), or as a column title ("jul–dec 2019"); another period as its dates. */
export function periodName(period: { from: string; to: string; half?: string }, s: Style, short = false): string {
  const m = HALF_RE.exec(period.half ?? '');
  if (!m) return `${period.from}–${period.to}`;
  const d = { year: m[1]!, half: Number(m[2]) as 1 | 2 };
  return short ? s.c.report.halfShort(d) : s.c.report.halfName(d);
}
