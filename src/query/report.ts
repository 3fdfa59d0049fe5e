import type { Archive, NetworkRecord, ProtocolRecord } from '../model/index.js';
import type { Guest, PlannedMeeting, ProtocolStatus } from '../schema/index.js';
import { type AssignmentRow, assignmentRow, assignmentsUpTo, statusOn } from './assignments.js';
import { ATTENDED, type AttendanceRegister, attendanceRegisters, type Meeting, type MunicipalityRow, presenceAt } from './attendance.js';
import { type DecisionRow, decisions } from './decisions.js';
import { addDays, halfYear, inPeriod, type Period, previousHalf, upTo } from './period.js';
import { byText } from './sort.js';

/** The figures a half-year summary leads with; also computed for the half-year before, for comparison. */
export interface Overview {
  meetingsHeld: number;
  /** Calendar entries of the period, cancelled ones included; undefined when no network has a calendar. */
  meetingsPlanned?: number;
  meetingsCancelled: number;
  /** Attended member-meetings over member-meetings, members of municipalities only. */
  memberMeetings: number;
  attended: number;
  rate?: number;
  decisions: number;
  agreements: number;
  /** Decisions and agreements for every municipality to take home (see act.ts). */
  takeHome: number;
  guests: number;
  assignmentsOpened: number;
  assignmentsDone: number;
  /** At the end of the period. */
  assignmentsOpen: number;
  assignmentsOverdue: number;
}

/** A municipality over all networks: the same figures as one network's row, summed. */
export type MunicipalitySummary = MunicipalityRow;

/** One item of a meeting: its title, what the protocol says of it, and what it decided. */
export interface ItemSummary {
  no: number;
  title: string;
  /** The item's `summary:`, else the first paragraph of its section in the protocol's text. */
  summary?: string;
  decisions: DecisionRow[];
  /** Why the item is confidential; the half-year report, which is internal, keeps its summary. */
  confidential?: string;
  /** Set only in outputs for members (query/public.ts): the reason shown in place of the summary. */
  withheld?: string;
}

/** A meeting as the content follow-up shows it: its heading line and its items. */
export interface MeetingContent {
  id: string;
  date: string;
  theme?: string;
  status: ProtocolStatus;
  items: ItemSummary[];
}

export interface MeetingSummary extends MeetingContent {
  file: string;
  place: string;
  /** Members from the municipalities who attended (present, partial, remote), and those on the roster that day. */
  attended: number;
  roster: number;
}

export interface NetworkSummary {
  network: string;
  /** Meetings the calendar plans after the as-of day, within the period (cancelled ones left out). */
  coming: PlannedMeeting[];
  name: string;
  /** The short name, for charts. */
  short: string;
  decides: boolean;
  meetings: MeetingSummary[];
  planned?: number;
  /** Of the planned, those the calendar marks cancelled. */
  cancelled: number;
  attendance: AttendanceRegister;
  guests: (Guest & { meeting: string; date: string })[];
  decisions: DecisionRow[];
  /** Assignments decided in the period or still open when it began, with their status at its end. */
  assignments: AssignmentRow[];
  /** The term the period ends in, with the meetings held in it so far against those planned. */
  term?: { id: string; held: number; planned?: number };
}

export interface HalfYearReport {
  period: Period;
  /** The day the report is told as of, when it is before the period's end: what happened up to it, and what is still to come. */
  asOf?: string;
  previous?: Period;
  overview: Overview;
  previousOverview?: Overview;
  municipalities: MunicipalitySummary[];
  networks: NetworkSummary[];
}

export interface ReportFilter {
  network?: string;
  /** A day in the period: figures up to it, later planned meetings as coming. The period's end when not given. */
  asOf?: string;
}

/** The half-year summary: every figure from the same query layer as kd attendance, decisions and assignments. */
export function halfYearReport(archive: Archive, whole: Period, filter: ReportFilter = {}): HalfYearReport {
  const asOf = filter.asOf !== undefined && filter.asOf < whole.to ? filter.asOf : undefined;
  // What has happened by the as-of day; the title still names the whole period.
  const period = asOf !== undefined ? upTo(whole, asOf) : whole;
  const nets = [...archive.networks.values()].filter((n) => n.config && (filter.network === undefined || n.id === filter.network));
  const prevHalf = period.half !== undefined ? previousHalf(period.half) : undefined;
  const previous = prevHalf !== undefined ? halfYear(prevHalf) : undefined;
  const registersOf = (p: Period) => attendanceRegisters(archive, { ...(filter.network ? { network: filter.network } : {}), period: p });
  const registers = registersOf(period);
  // A half-year without meetings is no basis for comparison: the archive may simply start later.
  const before = previous ? overview(archive, nets, previous, registersOf(previous)) : undefined;
  return {
    period: whole,
    ...(asOf !== undefined ? { asOf } : {}),
    ...(previous && before && before.meetingsHeld > 0 ? { previous, previousOverview: before } : {}),
    overview: overview(archive, nets, period, registers),
    municipalities: municipalities(registers),
    networks: nets
      .map((net) => networkSummary(archive, net, period, registers.find((r) => r.network === net.id)!, whole))
      .sort(byText((n) => n.name)),
  };
}

function overview(archive: Archive, nets: NetworkRecord[], period: Period, regs: AttendanceRegister[]): Overview {
  const ids = new Set(nets.map((n) => n.id));
  const rows = decisions(archive, { period }).filter((d) => ids.has(d.network));
  // Each assignment's status at the period's end, counted without making a register row of each.
  const atEnd = assignmentsUpTo(archive, period.to)
    .filter((a) => ids.has(a.network))
    .map((a) => ({ a, status: statusOn(a, period.to) }));
  const planned = nets.filter((n) => n.calendar).flatMap((n) => n.calendar!.meetings.filter((m) => inPeriod(m.date, period)));
  const memberMeetings = regs.reduce((s, r) => s + r.memberMeetings, 0);
  const attended = regs.reduce((s, r) => s + r.attended, 0);
  return {
    meetingsHeld: regs.reduce((s, r) => s + r.meetings.length, 0),
    ...(nets.some((n) => n.calendar) ? { meetingsPlanned: planned.length } : {}),
    meetingsCancelled: planned.filter((m) => m.cancelled).length,
    memberMeetings,
    attended,
    ...(memberMeetings > 0 ? { rate: attended / memberMeetings } : {}),
    decisions: rows.filter((d) => d.kind === 'decision').length,
    agreements: rows.filter((d) => d.kind === 'agreement').length,
    takeHome: rows.filter((d) => d.takeHome).length,
    guests: regs.reduce((s, r) => s + r.meetings.reduce((g, m) => g + m.protocol.data.guests.length, 0), 0),
    assignmentsOpened: atEnd.filter(({ a }) => inPeriod(a.protocol.data.date, period)).length,
    assignmentsDone: atEnd.filter(({ a, status }) => status === 'done' && inPeriod(a.doneBy!.date, period)).length,
    assignmentsOpen: atEnd.filter(({ status }) => status !== 'done').length,
    assignmentsOverdue: atEnd.filter(({ status }) => status === 'overdue').length,
  };
}

/** A municipality over all networks: the sum of its per-network rows, so each agrees with kd attendance. */
function municipalities(regs: AttendanceRegister[]): MunicipalitySummary[] {
  const sums = new Map<string, MunicipalitySummary>();
  for (const reg of regs) {
    for (const m of reg.municipalities) {
      const row = sums.get(m.municipality) ?? { municipality: m.municipality, meetings: 0, attended: 0, represented: 0 };
      row.meetings += m.meetings;
      row.attended += m.attended;
      row.represented += m.represented;
      sums.set(m.municipality, row);
    }
  }
  for (const row of sums.values()) {
    if (row.meetings > 0) {
      row.rate = row.attended / row.meetings;
      row.representationRate = row.represented / row.meetings;
    }
  }
  return [...sums.values()].sort(byText((m) => m.municipality));
}

function networkSummary(archive: Archive, net: NetworkRecord, period: Period, reg: AttendanceRegister, whole: Period): NetworkSummary {
  const rows = decisions(archive, { network: net.id, period });
  const meetings: MeetingSummary[] = reg.meetings.map((m, i) => {
    const cells = presenceAt(m.protocol);
    // Members from the municipalities, as every attendance figure counts them (the secretariat is not one).
    const roster = reg.people.filter((p) => p.cells.has(i) && p.municipality !== undefined);
    return {
      ...contentOf(m, rows),
      file: m.protocol.file,
      place: m.protocol.data.place,
      attended: roster.filter((p) => ATTENDED.has(cells.get(p.person)?.presence ?? 'absent')).length,
      roster: roster.length,
    };
  });
  const dayBefore = addDays(period.from, -1);
  const term = net.config!.terms?.find((t) => t.from <= period.to && period.to <= t.to);
  return {
    ...(term
      ? {
          term: {
            id: term.id,
            held: net.protocols.filter((p) => p.data.date >= term.from && p.data.date <= period.to).length,
            ...(term.meetings !== undefined ? { planned: term.meetings } : {}),
          },
        }
      : {}),
    network: net.id,
    coming: (net.calendar?.meetings ?? []).filter((m) => !m.cancelled && m.date > period.to && m.date <= whole.to),
    name: net.config!.name,
    short: net.config!.short ?? net.config!.name,
    decides: net.config!.decides,
    meetings,
    ...(net.calendar ? { planned: net.calendar.meetings.filter((m) => inPeriod(m.date, period)).length } : {}),
    cancelled: (net.calendar?.meetings ?? []).filter((m) => m.cancelled && inPeriod(m.date, period)).length,
    attendance: reg,
    guests: reg.meetings.flatMap((m) => m.protocol.data.guests.map((g) => ({ ...g, meeting: m.id, date: m.date }))),
    decisions: rows,
    // Decided in the period or open when it began, as the register shows them at its end.
    assignments: assignmentsUpTo(archive, period.to, net.id)
      .filter((a) => inPeriod(a.protocol.data.date, period) || (a.protocol.data.date <= dayBefore && statusOn(a, dayBefore) !== 'done'))
      .map((a) => assignmentRow(a, period.to)),
  };
}

/** What one meeting dealt with: its items, what it says of each, and those of `decisions` taken under each. */
export function contentOf(meeting: Meeting, decisions: readonly DecisionRow[]): MeetingContent {
  const { protocol } = meeting;
  return {
    id: meeting.id,
    date: meeting.date,
    ...(protocol.data.theme !== undefined ? { theme: protocol.data.theme } : {}),
    status: protocol.data.status,
    items: itemsOf(
      protocol,
      decisions.filter((d) => d.protocol === protocol),
    ),
  };
}

/** A protocol's items with what it says of each and the decisions under each. */
function itemsOf(protocol: ProtocolRecord, decided: readonly DecisionRow[]): ItemSummary[] {
  return protocol.data.items.map((item) => {
    const summary = item.summary ?? protocol.summaries.get(item.no);
    return {
      no: item.no,
      title: item.title,
      ...(summary !== undefined ? { summary } : {}),
      decisions: decided.filter((d) => d.item === item.no),
      ...(item.confidential !== undefined ? { confidential: item.confidential.reason } : {}),
    };
  });
}
