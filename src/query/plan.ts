import type { Archive, NetworkRecord, ProtocolRecord } from '../model/index.js';
import { membersOn } from '../model/index.js';
import type { Membership, PlannedMeeting, ProtocolKind } from '../schema/index.js';
import { type Assignment, assignments, byUrgency, isOpenOn, isOverdueOn } from './assignments.js';

/** The meeting a new protocol is for, and everything that follows from the archive. */
export interface ProtocolPlan {
  network: NetworkRecord;
  number: number;
  date: string;
  time: string;
  place: string;
  kind: ProtocolKind;
  theme?: string;
  chair?: string;
  secretary?: string;
  /** Every roster member on the date, in roster order. */
  members: Membership[];
  agenda: string[];
  /** Open assignments of the network on the date, overdue first. */
  open: { assignment: Assignment; overdue: boolean }[];
}

/** The first planned, not cancelled meeting after the network's latest protocol that has no protocol. */
export function nextPlanned(net: NetworkRecord): PlannedMeeting | undefined {
  const latest = net.protocols.at(-1)?.data.date ?? '';
  const held = new Set(net.protocols.map((p) => p.data.date));
  return net.calendar?.meetings
    .filter((m) => !m.cancelled && m.date > latest && !held.has(m.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
}

export function plannedOn(net: NetworkRecord, date: string): PlannedMeeting | undefined {
  return net.calendar?.meetings.find((m) => m.date === date && !m.cancelled);
}

/** The next free number in the network's year of `date`. */
export function nextNumber(net: NetworkRecord, date: string): number {
  const year = date.slice(0, 4);
  const numbers = net.protocols.filter((p) => p.data.date.startsWith(year)).map((p) => p.data.number);
  return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
}

/** A protocol of the same year dated after `date`: a new one there would break the number order. */
export function laterInYear(net: NetworkRecord, date: string): ProtocolRecord | undefined {
  return net.protocols.find((p) => p.data.date.slice(0, 4) === date.slice(0, 4) && p.data.date > date);
}

export function planProtocol(
  archive: Archive,
  net: NetworkRecord,
  meeting: { date: string; time: string; place: string; agenda: string[]; theme?: string | undefined },
): ProtocolPlan {
  const config = net.config!;
  const members = membersOn(config, meeting.date);
  const role = (r: Membership['role']) => members.find((m) => m.role === r)?.person;
  const open = assignments(archive)
    .filter((a) => a.network === net.id && isOpenOn(a, meeting.date))
    .sort(byUrgency(meeting.date))
    .map((assignment) => ({ assignment, overdue: isOverdueOn(assignment, meeting.date) }));
  const last = net.protocols.at(-1);
  const chair = role('chair') ?? role('vice-chair');
  const secretary = role('secretary');
  return {
    network: net,
    number: nextNumber(net, meeting.date),
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    kind: last?.data.kind ?? (config.decides ? 'protokoll' : 'anteckningar'),
    ...(meeting.theme !== undefined ? { theme: meeting.theme } : {}),
    ...(chair !== undefined ? { chair } : {}),
    ...(secretary !== undefined ? { secretary } : {}),
    members,
    agenda: meeting.agenda,
    open,
  };
}
