import type { Archive, NetworkRecord } from '../model/index.js';
import { membersOn } from '../model/index.js';
import type { Membership, Term } from '../schema/index.js';
import { attendanceRegisters } from './attendance.js';
import { addDays, type Period } from './period.js';
import { byName, collator, familyFirst } from './sort.js';

export interface SeatRow {
  person: string;
  name: string;
  municipality?: string;
  organisation?: string;
  role: Membership['role'];
  acting: boolean;
  substitute?: string;
  /** The first day on this network's roster. */
  joined: string;
  /** Terms (up to the one viewed) in which the person sat at some point. */
  termsServed: number;
  meetings: number;
  attended: number;
  rate?: number;
  /** Meetings where the personal substitute came instead. */
  substituteAttended: number;
}

export interface RosterView {
  network: NetworkRecord;
  on?: string;
  term?: Term;
  period: Period;
  seats: SeatRow[];
  meetingsHeld: number;
  meetingsPlanned?: number;
  meetingsInCalendar: number;
}

export function termOn(net: NetworkRecord, date: string): Term | undefined {
  return net.config?.terms?.find((t) => t.from <= date && date <= t.to);
}

/** The roster on a date, or over a term, with each seat's tenure and attendance. */
export function rosterView(archive: Archive, net: NetworkRecord, opts: { on?: string; term?: Term }): RosterView {
  const config = net.config!;
  const term = opts.term ?? (opts.on ? termOn(net, opts.on) : undefined);
  const first = net.protocols[0]?.data.date ?? opts.on ?? '1900-01-01';
  const period: Period = term
    ? { from: term.from, to: term.to }
    : { from: first < (opts.on ?? first) ? first : '1900-01-01', to: opts.on ?? '9999-12-31' };
  const memberships =
    term && !opts.on
      ? config.roster.filter((m) => m.from <= term.to && (m.to === undefined || m.to >= term.from))
      : membersOn(config, opts.on ?? period.to);
  const reg = attendanceRegisters(archive, { network: net.id, period })[0];
  const upTo = term?.to ?? opts.on ?? period.to;
  const seen = new Set<string>();
  const seats: SeatRow[] = [];
  for (const m of memberships) {
    if (seen.has(m.person)) continue;
    seen.add(m.person);
    const p = archive.people?.[m.person];
    const mine = config.roster.filter((x) => x.person === m.person);
    const row = reg?.people.find((r) => r.person === m.person);
    seats.push({
      person: m.person,
      name: p?.name ?? m.person,
      ...(p?.municipality !== undefined ? { municipality: p.municipality } : {}),
      ...(p?.organisation !== undefined ? { organisation: p.organisation } : {}),
      role: m.role,
      acting: m.acting === true,
      ...(m.substitute !== undefined ? { substitute: m.substitute } : {}),
      joined: mine.map((x) => x.from).sort()[0]!,
      termsServed: (config.terms ?? []).filter(
        (t) => t.from <= upTo && mine.some((x) => x.from <= t.to && (x.to === undefined || x.to >= t.from)),
      ).length,
      meetings: row?.meetings ?? 0,
      attended: row?.attended ?? 0,
      ...(row?.rate !== undefined ? { rate: row.rate } : {}),
      substituteAttended: row?.represented ?? 0,
    });
  }
  return {
    network: net,
    ...(opts.on ? { on: opts.on } : {}),
    ...(term ? { term } : {}),
    period,
    seats: seats.sort(byName((s) => s.name)),
    meetingsHeld: reg?.meetings.length ?? 0,
    ...(term?.meetings !== undefined ? { meetingsPlanned: term.meetings } : {}),
    meetingsInCalendar: (net.calendar?.meetings ?? []).filter((c) => c.date >= period.from && c.date <= period.to && !c.cancelled).length,
  };
}

export interface Candidate {
  candidate: string;
  kind: 'municipality' | 'person';
  /** The last day it held a seat, if ever. */
  lastSeat?: string;
}

export interface RotationProposal {
  current: Term;
  next: Term;
  seats: number;
  replace: number;
  /** Seats to replace, in the order they were chosen. */
  leaving: (SeatRow & { tenureDays: number; lifetimeRate?: number })[];
  staying: SeatRow[];
  incoming: Candidate[];
}

/**
 * Which seats to replace in the next term: longest-serving first (days on
 * the roster), ties broken by lowest attendance, then by name; and who
 * has waited longest among the candidates (never seated first).
 */
export function proposeRotation(
  archive: Archive,
  net: NetworkRecord,
  next: { id: string; from?: string; to?: string },
  share: number,
): RotationProposal {
  const config = net.config!;
  const terms = [...(config.terms ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  const current = terms.filter((t) => !next.from || t.to < next.from).at(-1) ?? terms.at(-1)!;
  // The next term is as many months long as the current one.
  const end = addDays(current.to, 1);
  const months =
    (Number(end.slice(0, 4)) - Number(current.from.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(current.from.slice(5, 7));
  const from = next.from ?? end;
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  const nextTerm: Term = {
    id: next.id,
    from,
    to: next.to ?? addDays(d.toISOString().slice(0, 10), -1),
    ...(current.meetings !== undefined ? { meetings: current.meetings } : {}),
  };
  const view = rosterView(archive, net, { on: current.to });
  const members = view.seats.filter((s) => s.role !== 'secretary');
  const whole = attendanceRegisters(archive, { network: net.id, period: { from: '1900-01-01', to: current.to } })[0];
  const tenure = (id: string) =>
    config.roster
      .filter((m) => m.person === id && m.from <= current.to)
      .reduce((s, m) => s + (Date.parse(m.to && m.to < current.to ? m.to : current.to) - Date.parse(m.from)) / 86_400_000 + 1, 0);
  const ranked = members
    .map((s) => ({
      ...s,
      tenureDays: tenure(s.person),
      ...(whole?.people.find((p) => p.person === s.person)?.rate !== undefined
        ? { lifetimeRate: whole!.people.find((p) => p.person === s.person)!.rate! }
        : {}),
    }))
    .sort(
      (a, b) =>
        b.tenureDays - a.tenureDays ||
        (a.lifetimeRate ?? 1) - (b.lifetimeRate ?? 1) ||
        collator.compare(familyFirst(a.name), familyFirst(b.name)),
    );
  const replace = Math.round(members.length * share);
  const leaving = ranked.slice(0, replace);
  const staying = members.filter((s) => !leaving.some((l) => l.person === s.person));
  const seatedNow = new Set(staying.map((s) => s.municipality).filter(Boolean));
  const lastSeatOf = (predicate: (m: Membership) => boolean) =>
    config.roster
      .filter(predicate)
      .map((m) => (m.to !== undefined && m.to < current.to ? m.to : current.to))
      .sort()
      .at(-1);
  const incoming = (config.candidates ?? [])
    .map((c): Candidate => {
      if (archive.people?.[c]) {
        const last = lastSeatOf((m) => m.person === c);
        return { candidate: c, kind: 'person', ...(last ? { lastSeat: last } : {}) };
      }
      const last = lastSeatOf((m) => archive.people?.[m.person]?.municipality === c);
      return { candidate: c, kind: 'municipality', ...(last ? { lastSeat: last } : {}) };
    })
    .filter((c) => !(c.kind === 'municipality' ? seatedNow.has(c.candidate) : staying.some((s) => s.person === c.candidate)))
    .filter((c) => !leaving.some((l) => l.person === c.candidate || (c.kind === 'municipality' && l.municipality === c.candidate)))
    .sort((a, b) =>
      (a.lastSeat ?? '') < (b.lastSeat ?? '')
        ? -1
        : (a.lastSeat ?? '') > (b.lastSeat ?? '')
          ? 1
          : collator.compare(a.candidate, b.candidate),
    )
    .slice(0, replace);
  return { current, next: nextTerm, seats: members.length, replace, leaving, staying, incoming };
}

/** Whose turn it is in a year: the regular representative and the reserve. */
export function turnOf(rotation: { from: number; order: string[] }, year: number): { regular: string; reserve: string } {
  const n = rotation.order.length;
  const i = (((year - rotation.from) % n) + n) % n;
  return { regular: rotation.order[i]!, reserve: rotation.order[(i + 1) % n]! };
}
