import { type Archive, allDecisions, type DecisionRecord, decisionFields, type ProtocolRecord } from '../model/index.js';
import { normaliseRef } from '../schema/index.js';
import { dated, ofNetwork } from './lists.js';

/** An assignment (a decision with an owner) and what became of it. */
export interface Assignment extends DecisionRecord {
  owner: string;
  /** The first later item that followed it up, when one has. */
  doneBy?: { protocol: ProtocolRecord; item: number; date: string };
}

const assignmentsOf = new WeakMap<Archive, Assignment[]>();

/** Every assignment of the archive, with the item that closed it (made once per loaded archive). */
export function assignments(archive: Archive): Assignment[] {
  const known = assignmentsOf.get(archive);
  if (known) return known;
  const closed = new Map<string, Assignment['doneBy']>();
  for (const p of archive.protocols) {
    for (const item of p.data.items) {
      for (const ref of item.follows_up ?? []) {
        const id = normaliseRef(ref);
        // Protocols are in date order: the first follow-up is the one that closed it.
        if (!closed.has(id)) closed.set(id, { protocol: p, item: item.no, date: p.data.date });
      }
    }
  }
  const out: Assignment[] = [];
  for (const d of allDecisions(archive)) {
    if (d.owner === undefined) continue;
    const doneBy = closed.get(d.id);
    out.push({ ...decisionFields(d), owner: d.owner, ...(doneBy && doneBy.date > d.protocol.data.date ? { doneBy } : {}) });
  }
  assignmentsOf.set(archive, out);
  return out;
}

/** Open on a date: decided before it and not followed up by then. */
export function isOpenOn(a: Assignment, date: string): boolean {
  return a.protocol.data.date < date && (a.doneBy === undefined || a.doneBy.date > date);
}

export function isOverdueOn(a: Assignment, date: string): boolean {
  return isOpenOn(a, date) && a.due !== undefined && a.due < date;
}

/** Overdue first (oldest due date first), then by due date, undated last, then by id order. */
export function byUrgency(date: string) {
  return (a: Assignment, b: Assignment): number => {
    const ao = isOverdueOn(a, date) ? 0 : 1;
    const bo = isOverdueOn(b, date) ? 0 : 1;
    if (ao !== bo) return ao - bo;
    const ad = a.due ?? '9999-99-99';
    const bd = b.due ?? '9999-99-99';
    return ad < bd ? -1 : ad > bd ? 1 : 0;
  };
}

export type AssignmentStatus = 'open' | 'overdue' | 'done';

export interface AssignmentRow extends Assignment {
  date: string;
  itemTitle: string;
  status: AssignmentStatus;
  /** "kd-gruppen 3/2019 §1": the item that followed it up. */
  doneIn?: string;
}

export interface AssignmentFilter {
  network?: string;
  owner?: string;
  status?: AssignmentStatus;
  /** Status as of this date: done only by protocols up to it, overdue when due before it. */
  asOf: string;
}

/** Every assignment decided up to the as-of date, with its status on that date. */
export function assignmentRows(archive: Archive, filter: AssignmentFilter): AssignmentRow[] {
  return assignmentsUpTo(archive, filter.asOf, filter.network)
    .filter((a) => filter.owner === undefined || a.owner === filter.owner)
    .map((a) => assignmentRow(a, filter.asOf))
    .filter((a) => filter.status === undefined || a.status === filter.status || (filter.status === 'open' && a.status === 'overdue'));
}

/** The assignments (of one network, or all) decided up to a date, in date order. */
export function assignmentsUpTo(archive: Archive, asOf: string, network?: string): readonly Assignment[] {
  const all = network === undefined ? assignments(archive) : ofNetwork(assignments(archive), network);
  return dated(all, (a) => a.protocol.data.date, undefined, asOf);
}

/** Done by a follow-up up to the date, overdue when due before it, else open. */
export function statusOn(a: Assignment, asOf: string): AssignmentStatus {
  if (a.doneBy !== undefined && a.doneBy.date <= asOf) return 'done';
  return a.due !== undefined && a.due < asOf ? 'overdue' : 'open';
}

/** An assignment as the registers show it on a date. */
export function assignmentRow(a: Assignment, asOf: string): AssignmentRow {
  const status = statusOn(a, asOf);
  return {
    ...a,
    date: a.protocol.data.date,
    itemTitle: a.protocol.data.items.find((i) => i.no === a.item)?.title ?? '',
    status,
    ...(status === 'done' ? { doneIn: `${a.doneBy!.protocol.data.network} ${a.doneBy!.protocol.id} §${a.doneBy!.item}` } : {}),
  };
}
