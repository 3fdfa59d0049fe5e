import type { RootContent } from 'mdast';
import { type Archive, decisionId, type ProtocolRecord } from '../model/index.js';
import type { Decision } from '../schema/index.js';
import type { ApprovalMethod, ProtocolKind, ProtocolStatus } from '../schema/protocol.js';

/*
 * A protocol as its readers receive it: names in place of ids, attendance in
 * the order a protocol lists it, and, for a public rendering, everything
 * marked confidential already left out. Leaving it out here, before any
 * renderer sees the data, means no output format can show it by mistake.
 */

/** How a person took part, when not for the whole meeting in the room. */
export type AttendanceNote =
  | { kind: 'partial'; from?: string; until?: string; items?: string }
  | { kind: 'remote' }
  | { kind: 'substitute'; for: string };

export interface PersonLine {
  name: string;
  /** Municipality, else organisation. */
  where?: string;
  role?: 'chair' | 'secretary';
  note?: AttendanceNote;
}

export interface GuestLine {
  /** Left out in a public rendering of a guest marked `public: false`. */
  name?: string;
  organisation: string;
  role?: string;
  items?: number[];
  /** Marked `public: false` (the internal rendering says so). */
  unnamed: boolean;
}

export interface DecisionLine {
  id: string;
  /** Left out when the decision is confidential and the rendering public. */
  text?: string;
  owner?: string;
  due?: string;
  confidential?: string;
}

export interface ItemView {
  no: number;
  title: string;
  confidential?: string;
  /** The item's body section as mdast; empty when confidential in a public rendering. */
  content: RootContent[];
  decisions: DecisionLine[];
  agreements: DecisionLine[];
  followsUp: string[];
}

export interface ProtocolView {
  network: string;
  networkName: string;
  /** "3/2019". */
  id: string;
  kind: ProtocolKind;
  status: ProtocolStatus;
  date: string;
  time: string;
  place: string;
  theme?: string;
  present: PersonLine[];
  regrets: PersonLine[];
  absent: PersonLine[];
  guests: GuestLine[];
  items: ItemView[];
  /** A confidential correction has no `what` in the public rendering. */
  corrections: { date: string; by: string; what?: string; confidential?: string }[];
  secretary: string;
  /** Who is to approve: the approvers, else the chair. */
  approvers: string[];
  approval?: { date: string; by: string[]; method: ApprovalMethod; ref?: string };
  /** Rendered for members and the public. */
  public: boolean;
  /** Something in the protocol is not to be published (a confidential item or decision, a guest not named). */
  withheld: boolean;
}

/** The protocol whose id is `<network> N/YYYY`, or undefined. */
export function protocolById(archive: Archive, id: string): ProtocolRecord | undefined {
  return archive.protocols.find((p) => `${p.folder} ${p.id}` === id);
}

/** Every protocol's id, `<network> N/YYYY`, for suggestions. */
export function protocolIds(archive: Archive): string[] {
  return archive.protocols.map((p) => `${p.folder} ${p.id}`);
}

export function protocolView(
  archive: Archive,
  p: ProtocolRecord,
  content: ReadonlyMap<number, RootContent[]>,
  options: { public: boolean },
): ProtocolView {
  const d = p.data;
  const person = (id: string, extra: Omit<PersonLine, 'name' | 'where'> = {}): PersonLine => {
    const who = archive.people?.[id];
    const where = who?.municipality ?? who?.organisation;
    return { name: who?.name ?? id, ...(where !== undefined ? { where } : {}), ...extra };
  };
  const name = (id: string) => archive.people?.[id]?.name ?? id;
  const role = (id: string): Pick<PersonLine, 'role'> =>
    id === d.chair ? { role: 'chair' } : id === d.secretary ? { role: 'secretary' } : {};
  const a = d.attendance;
  const present: PersonLine[] = [
    ...a.present.map((id) => person(id, role(id))),
    ...a.partial.map((x) =>
      person(x.person, {
        ...role(x.person),
        note: {
          kind: 'partial',
          ...(x.from !== undefined ? { from: x.from } : {}),
          ...(x.until !== undefined ? { until: x.until } : {}),
          ...(x.items !== undefined ? { items: String(x.items) } : {}),
        },
      }),
    ),
    ...a.remote.map((id) => person(id, { ...role(id), note: { kind: 'remote' } })),
    ...a.substitutes.map((x) => person(x.person, { ...role(x.person), note: { kind: 'substitute', for: name(x.for) } })),
  ];
  // The chair opens the list and the secretary closes it, as protocols are signed.
  const rank = (l: PersonLine) => (l.role === 'chair' ? 0 : l.role === 'secretary' ? 2 : 1);
  const ordered = present.map((l, i) => ({ l, i })).sort((x, y) => rank(x.l) - rank(y.l) || x.i - y.i);

  const pub = options.public;
  const lines = (item: number, list: readonly Decision[] | undefined, offset: number): DecisionLine[] =>
    (list ?? []).map((dec, j) => {
      const obj = typeof dec === 'string' ? { text: dec } : dec;
      const secret = 'confidential' in obj ? obj.confidential?.reason : undefined;
      const id = decisionId(d.network, p.id, item, offset + j + 1);
      if (secret !== undefined && pub) return { id, confidential: secret };
      return {
        id,
        text: obj.text,
        ...(obj.owner !== undefined ? { owner: name(obj.owner) } : {}),
        ...(obj.due !== undefined ? { due: obj.due } : {}),
        ...(secret !== undefined ? { confidential: secret } : {}),
      };
    });

  const items = d.items.map((item): ItemView => {
    const secret = item.confidential?.reason;
    const head = { no: item.no, title: item.title, ...(secret !== undefined ? { confidential: secret } : {}) };
    if (secret !== undefined && pub) return { ...head, content: [], decisions: [], agreements: [], followsUp: [] };
    // Decisions and agreements are each numbered from 1 within an item, as allDecisions numbers them.
    const decisions = lines(item.no, item.decisions, 0);
    return {
      ...head,
      content: content.get(item.no) ?? [],
      decisions,
      agreements: lines(item.no, item.agreements, 0),
      followsUp: item.follows_up ?? [],
    };
  });

  const withheld =
    d.items.some((i) => i.confidential !== undefined || [...(i.decisions ?? []), ...(i.agreements ?? [])].some(isSecret)) ||
    d.guests.some((g) => g.public === false) ||
    (d.corrections ?? []).some((c) => c.confidential !== undefined);

  const approvers = d.approvers ?? (d.chair !== undefined ? [d.chair] : []);
  return {
    network: d.network,
    networkName: archive.networks.get(p.folder)?.config?.name ?? d.network,
    id: p.id,
    kind: d.kind,
    status: d.status,
    date: d.date,
    time: d.time,
    place: d.place,
    ...(d.theme !== undefined ? { theme: d.theme } : {}),
    present: ordered.map((x) => x.l),
    regrets: a.regrets.map((id) => person(id)),
    absent: a.absent.map((id) => person(id)),
    guests: d.guests.map((g) => ({
      ...(g.public === false && pub ? {} : { name: g.name }),
      organisation: g.organisation,
      ...(g.role !== undefined ? { role: g.role } : {}),
      ...(g.items !== undefined ? { items: g.items } : {}),
      unnamed: g.public === false,
    })),
    items,
    corrections: (d.corrections ?? []).map((c) => {
      const secret = c.confidential?.reason;
      return {
        date: c.date,
        by: name(c.by),
        ...(secret !== undefined && pub ? {} : { what: c.what }),
        ...(secret !== undefined ? { confidential: secret } : {}),
      };
    }),
    secretary: name(d.secretary),
    approvers: approvers.map(name),
    ...(d.approval
      ? {
          approval: {
            date: d.approval.date,
            by: d.approval.by.map(name),
            method: d.approval.method,
            ...(d.approval.ref !== undefined ? { ref: d.approval.ref } : {}),
          },
        }
      : {}),
    public: pub,
    withheld,
  };
}

function isSecret(dec: Decision): boolean {
  return typeof dec !== 'string' && dec.confidential !== undefined;
}
