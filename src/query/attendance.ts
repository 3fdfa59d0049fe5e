import type { Archive, NetworkRecord, ProtocolRecord } from '../model/index.js';
import { membersOn } from '../model/index.js';
import type { Membership } from '../schema/index.js';
import { dated } from './lists.js';
import type { Period } from './period.js';
import { byName, byText } from './sort.js';

/** How a member took part in one meeting. */
export type Presence = 'present' | 'partial' | 'remote' | 'represented' | 'regrets' | 'absent';

/** Present, partial and remote count as attended; a substitute represents, but the member did not attend. */
export const ATTENDED: ReadonlySet<Presence> = new Set(['present', 'partial', 'remote']);

/** Three or more missed meetings in a row flags a member as inactive (as in Apache's board tool). */
export const INACTIVE_STREAK = 3;

export interface Cell {
  presence: Presence;
  /** For partial: the time or item range, as written ("–11:15", "13:15–", "p. 2-3"). */
  detail?: string;
  /** For represented: the substitute's person id. */
  substitute?: string;
}

export interface Meeting {
  network: string;
  protocol: ProtocolRecord;
  date: string;
  /** "1/2019". */
  id: string;
}

export interface PersonRow {
  person: string;
  name: string;
  municipality?: string;
  organisation?: string;
  acting: boolean;
  /** By index in the register's meetings, for those held while the person was a member; in meeting order. */
  cells: ReadonlyMap<number, Cell>;
  /** Meetings held while on the roster. */
  meetings: number;
  attended: number;
  partial: number;
  remote: number;
  represented: number;
  regrets: number;
  absent: number;
  /** attended / meetings, or undefined when there were no meetings. */
  rate?: number;
  longestMissedStreak: number;
  inactive: boolean;
}

export interface MunicipalityRow {
  municipality: string;
  /** Meetings where the municipality had a member. */
  meetings: number;
  /** Of those, meetings where a member attended. */
  attended: number;
  /** Of those, meetings where a member attended or a substitute represented it. */
  represented: number;
  rate?: number;
  representationRate?: number;
}

export interface AttendanceRegister {
  network: string;
  meetings: Meeting[];
  people: PersonRow[];
  municipalities: MunicipalityRow[];
  /** Totals over the municipalities' members: attended person-meetings over member-meetings. */
  memberMeetings: number;
  attended: number;
  rate?: number;
}

export interface AttendanceFilter {
  network?: string;
  period?: Period;
}

/** The presence of every member of a network at one meeting. */
export function presenceAt(p: ProtocolRecord): Map<string, Cell> {
  const a = p.data.attendance;
  const cells = new Map<string, Cell>();
  const put = (id: string, cell: Cell) => {
    if (!cells.has(id)) cells.set(id, cell);
  };
  for (const id of a.present) put(id, { presence: 'present' });
  for (const x of a.partial) {
    const parts: string[] = [];
    if (x.from !== undefined || x.until !== undefined) parts.push(`${x.from ?? ''}–${x.until ?? ''}`);
    if (x.items !== undefined) parts.push(`p. ${x.items}`);
    put(x.person, { presence: 'partial', detail: parts.join(', ') });
  }
  for (const id of a.remote) put(id, { presence: 'remote' });
  for (const s of a.substitutes) put(s.for, { presence: 'represented', substitute: s.person });
  for (const id of a.regrets) put(id, { presence: 'regrets' });
  for (const id of a.absent) put(id, { presence: 'absent' });
  return cells;
}

/** The attendance register of each network (or of one), over a period. */
export function attendanceRegisters(archive: Archive, filter: AttendanceFilter = {}): AttendanceRegister[] {
  return [...archive.networks.values()]
    .filter((n) => n.config && (filter.network === undefined || n.id === filter.network))
    .map((n) => register(archive, n, filter.period));
}

function register(archive: Archive, net: NetworkRecord, period: Period | undefined): AttendanceRegister {
  const config = net.config!;
  // The period's protocols found by date, not by looking at every protocol: the register is asked for each year.
  const meetings: Meeting[] = dated(net.protocols, (p) => p.data.date, period?.from, period?.to)
    .filter((p) => p.data.network === net.id)
    .map((p) => ({ network: net.id, protocol: p, date: p.data.date, id: p.id }));
  const presence = meetings.map((m) => presenceAt(m.protocol));
  const rosters = meetings.map((m) => membersOn(config, m.date));

  // Everyone on the roster at any meeting of the period, in roster order.
  const seen = new Map<string, Membership>();
  for (const roster of rosters) for (const m of roster) if (!seen.has(m.person)) seen.set(m.person, m);

  // Each person's cells, meeting by meeting: as many as the rosters have members, not people × meetings (which grows
  // with the square of a network's history).
  const cellsOf = new Map<string, Map<number, Cell>>();
  for (const person of seen.keys()) cellsOf.set(person, new Map());
  rosters.forEach((roster, i) => {
    for (const { person } of roster) cellsOf.get(person)!.set(i, presence[i]!.get(person) ?? { presence: 'absent' as const });
  });

  const people: PersonRow[] = [...seen.values()].map((first) => {
    const person = archive.people?.[first.person];
    const cells = cellsOf.get(first.person)!;
    const counted = [...cells.values()];
    const count = (p: Presence) => counted.filter((c) => c.presence === p).length;
    let streak = 0;
    let longest = 0;
    for (const c of counted) {
      streak = ATTENDED.has(c.presence) ? 0 : streak + 1;
      longest = Math.max(longest, streak);
    }
    const attended = counted.filter((c) => ATTENDED.has(c.presence)).length;
    return {
      person: first.person,
      name: person?.name ?? first.person,
      ...(person?.municipality !== undefined ? { municipality: person.municipality } : {}),
      ...(person?.organisation !== undefined ? { organisation: person.organisation } : {}),
      acting: config.roster.some((m) => m.person === first.person && m.acting === true),
      cells,
      meetings: counted.length,
      attended,
      partial: count('partial'),
      remote: count('remote'),
      represented: count('represented'),
      regrets: count('regrets'),
      absent: count('absent'),
      ...(counted.length > 0 ? { rate: attended / counted.length } : {}),
      longestMissedStreak: longest,
      inactive: longest >= INACTIVE_STREAK,
    };
  });

  const municipalities = new Map<string, MunicipalityRow>();
  meetings.forEach((_, i) => {
    const byMunicipality = new Map<string, Cell[]>();
    for (const m of rosters[i]!) {
      const municipality = archive.people?.[m.person]?.municipality;
      if (municipality === undefined) continue;
      const cell = presence[i]!.get(m.person) ?? { presence: 'absent' as const };
      const cells = byMunicipality.get(municipality);
      if (cells) cells.push(cell);
      else byMunicipality.set(municipality, [cell]);
    }
    for (const [municipality, cells] of byMunicipality) {
      const row = municipalities.get(municipality) ?? { municipality, meetings: 0, attended: 0, represented: 0 };
      row.meetings++;
      if (cells.some((c) => ATTENDED.has(c.presence))) row.attended++;
      if (cells.some((c) => ATTENDED.has(c.presence) || c.presence === 'represented')) row.represented++;
      municipalities.set(municipality, row);
    }
  });
  for (const row of municipalities.values()) {
    if (row.meetings > 0) {
      row.rate = row.attended / row.meetings;
      row.representationRate = row.represented / row.meetings;
    }
  }

  // Totals count the members who represent a municipality: secretariat
  // staff on the roster are listed, but a network's attendance is its members'.
  const counted = people.filter((p) => p.municipality !== undefined);
  const memberMeetings = counted.reduce((s, p) => s + p.meetings, 0);
  const attended = counted.reduce((s, p) => s + p.attended, 0);
  return {
    network: net.id,
    meetings,
    people: people.sort(byName((p) => p.name)),
    municipalities: [...municipalities.values()].sort(byText((m) => m.municipality)),
    memberMeetings,
    attended,
    ...(memberMeetings > 0 ? { rate: attended / memberMeetings } : {}),
  };
}
