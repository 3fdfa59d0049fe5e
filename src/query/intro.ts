import type { Archive, NetworkRecord } from '../model/index.js';
import { membersOn } from '../model/index.js';
import type { Membership, PlannedMeeting } from '../schema/index.js';
import { type AssignmentRow, assignmentRows } from './assignments.js';
import { type DecisionRow, decisions } from './decisions.js';
import { forMembers } from './public.js';
import { byName } from './sort.js';

export interface RosterRow extends Membership {
  name: string;
  municipality?: string;
  organisation?: string;
  title?: string;
}

export interface Contact {
  person: string;
  name: string;
  title?: string;
  organisation?: string;
  email?: string;
  phone?: string;
}

export interface IntroPackage {
  network: NetworkRecord;
  asOf: string;
  roster: RosterRow[];
  /** Planned meetings of the twelve months from the as-of date, cancelled ones left out. */
  upcoming: PlannedMeeting[];
  /** Decisions (or agreements) of the last four meetings. */
  recent: DecisionRow[];
  open: AssignmentRow[];
  contacts: Contact[];
  person?: {
    id: string;
    name: string;
    assignments: AssignmentRow[];
    substitute?: string;
    networks: { id: string; name: string; role: Membership['role']; acting: boolean }[];
    /** Where the person is someone's personal substitute: the network, and whose substitute. */
    substituteFor: { network: string; networkName: string; person: string; name: string; seat?: string }[];
  };
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function row(archive: Archive, m: Membership): RosterRow {
  const p = archive.people?.[m.person];
  return {
    ...m,
    name: p?.name ?? m.person,
    ...(p?.municipality !== undefined ? { municipality: p.municipality } : {}),
    ...(p?.organisation !== undefined ? { organisation: p.organisation } : {}),
    ...(p?.title !== undefined ? { title: p.title } : {}),
  };
}

/** What someone joining a network needs to know, as of a date. */
export function introPackage(archive: Archive, net: NetworkRecord, asOf: string, personId?: string): IntroPackage {
  const config = net.config!;
  const roster = membersOn(config, asOf)
    .map((m) => row(archive, m))
    .sort(byName((r) => r.name));
  const until = addMonths(asOf, 12);
  const upcoming = (net.calendar?.meetings ?? []).filter((m) => !m.cancelled && m.date >= asOf && m.date < until);
  const held = net.protocols.filter((p) => p.data.date <= asOf);
  const lastFour = new Set(held.slice(-4).map((p) => p.file));
  // For a new member: a confidential decision or assignment without its text (see public.ts).
  const recent = decisions(archive, { network: net.id })
    .filter((d) => lastFour.has(d.protocol.file))
    .map(forMembers);
  const open = assignmentRows(archive, { network: net.id, asOf })
    .filter((a) => a.status !== 'done')
    .map(forMembers);
  const contacts = membersOn(config, asOf)
    .filter((m) => m.role === 'secretary')
    .map((m): Contact => {
      const p = archive.people?.[m.person];
      return {
        person: m.person,
        name: p?.name ?? m.person,
        ...(p?.title ? { title: p.title } : {}),
        ...(p?.organisation ? { organisation: p.organisation } : {}),
        ...(p?.email ? { email: p.email } : {}),
        ...(p?.phone ? { phone: p.phone } : {}),
      };
    });
  const pkg: IntroPackage = { network: net, asOf, roster, upcoming, recent, open, contacts };
  if (personId !== undefined) {
    const term = membersOn(config, asOf).find((m) => m.person === personId);
    pkg.person = {
      id: personId,
      name: archive.people?.[personId]?.name ?? personId,
      assignments: assignmentRows(archive, { owner: personId, asOf }).map(forMembers),
      ...(term?.substitute !== undefined ? { substitute: term.substitute } : {}),
      networks: [...archive.networks.values()].flatMap((n) => {
        const m = n.config ? membersOn(n.config, asOf).find((x) => x.person === personId) : undefined;
        return m ? [{ id: n.id, name: n.config!.name, role: m.role, acting: m.acting === true }] : [];
      }),
      substituteFor: [...archive.networks.values()].flatMap((n) =>
        (n.config ? membersOn(n.config, asOf) : [])
          .filter((m) => m.substitute === personId)
          .map((m) => {
            const p = archive.people?.[m.person];
            const seat = p?.municipality ?? p?.organisation;
            return { network: n.id, networkName: n.config!.name, person: m.person, name: p?.name ?? m.person, ...(seat ? { seat } : {}) };
          }),
      ),
    };
  }
  return pkg;
}
