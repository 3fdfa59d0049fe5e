import type { Archive } from '../model/index.js';
import type { PlannedMeeting } from '../schema/index.js';
import { toTakeHome } from './act.js';
import { type AssignmentRow, assignmentRow, assignmentsUpTo } from './assignments.js';
import { attendanceRegisters, type PersonRow } from './attendance.js';
import { type DecisionRow, decisions } from './decisions.js';
import { inPeriod, type Period, upTo } from './period.js';
import { contentForMembers, forMembers } from './public.js';
import { contentOf, type MeetingContent } from './report.js';
import { byName, collator } from './sort.js';

export interface DigestNetwork {
  id: string;
  name: string;
  /** The municipality's members in the period, with their attendance. */
  representatives: PersonRow[];
  meetings: number;
  /** What each of its meetings in the period dealt with. */
  content: MeetingContent[];
}

export interface DigestDecision extends DecisionRow {
  /** Addressed to all municipalities or naming this one: for the municipality to act on. */
  action: boolean;
}

export interface Digest {
  municipality: string;
  period: Period;
  /** The day the digest is told as of, when it is before the period's end. */
  asOf?: string;
  networks: DigestNetwork[];
  decisions: DigestDecision[];
  assignments: AssignmentRow[];
  upcoming: (PlannedMeeting & { network: string; networkName: string })[];
}

/** What a municipality's director takes home from a half-year of network meetings. */
export function municipalityDigest(archive: Archive, municipality: string, whole: Period, asOf = whole.to): Digest {
  // What has happened by the as-of day; meetings after it are the coming ones.
  const period = upTo(whole, asOf);
  // For the municipalities: a confidential decision without its text (see public.ts).
  const all = decisions(archive, { period }).map((d) => forMembers({ ...d, action: toTakeHome(d, municipality) }));
  // In what the meetings dealt with, marked to take home as this municipality does: addressed to all, or naming it.
  const asHere = all.map((d) => ({ ...d, takeHome: d.action }));
  const networks: DigestNetwork[] = attendanceRegisters(archive, { period })
    .map((reg) => ({
      id: reg.network,
      name: archive.networks.get(reg.network)?.config?.name ?? reg.network,
      representatives: reg.people.filter((p) => p.municipality === municipality),
      meetings: reg.meetings.length,
      content: reg.meetings.map((m) => contentForMembers(contentOf(m, asHere))),
    }))
    .filter((n) => n.representatives.length > 0)
    .sort((a, b) => collator.compare(a.name, b.name));
  const ids = new Set(networks.map((n) => n.id));
  const rows = all.filter((d) => ids.has(d.network));
  // Those to act on first; otherwise in date order.
  const ordered = [...rows.filter((d) => d.action), ...rows.filter((d) => !d.action)];
  const people = new Set(
    Object.entries(archive.people ?? {})
      .filter(([, p]) => p.municipality === municipality)
      .map(([id]) => id),
  );
  const assignments = assignmentsUpTo(archive, period.to)
    .filter((a) => people.has(a.owner))
    .map((a) => assignmentRow(a, period.to))
    .filter((a) => inPeriod(a.date, period) || a.status !== 'done')
    .map(forMembers);
  const upcoming = [...archive.networks.values()]
    .filter((n) => ids.has(n.id))
    .flatMap((n) =>
      (n.calendar?.meetings ?? [])
        .filter((m) => !m.cancelled && m.date > period.to)
        .slice(0, 3)
        .map((m) => ({ ...m, network: n.id, networkName: n.config!.name })),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    municipality,
    period: whole,
    ...(period.to < whole.to ? { asOf: period.to } : {}),
    networks: networks.map((n) => ({ ...n, representatives: n.representatives.sort(byName((p) => p.name)) })),
    decisions: ordered,
    assignments,
    upcoming,
  };
}
