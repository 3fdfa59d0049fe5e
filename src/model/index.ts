import { createHash } from 'node:crypto';
import { type CacheSettings, openCache } from '../archive/cache.js';
import type { Repo } from '../archive/git.js';
import { type Section, withRemark } from '../archive/outline.js';
import { type ReadResult, readArchive, type SourceFile } from '../archive/read.js';
import { readArchiveAt } from '../archive/read-at.js';
import type { PlaceTable } from '../archive/yaml.js';
import { KdError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { Calendar, Config, Decision, Membership, NetworkConfig, People, ProtocolData } from '../schema/index.js';
import { type FileRecord, placesOf, processFile, summariesOf } from './file.js';

export interface ProtocolRecord {
  file: string;
  /** The network folder the file is in. */
  folder: string;
  data: ProtocolData;
  positions: PlaceTable;
  sections: Section[];
  /** Each section's first paragraph, by item number (see archive/summary.ts): read from the file again when first asked. */
  readonly summaries: ReadonlyMap<number, string>;
  /** "1/2019". */
  id: string;
  year: number;
}

export interface NetworkRecord {
  id: string;
  file: string;
  config?: NetworkConfig;
  positions: PlaceTable;
  calendar?: Calendar;
  calendarFile?: string;
  calendarPositions?: PlaceTable;
  /** Valid protocols, sorted by date and number. */
  protocols: ProtocolRecord[];
  /** Years with a protocol file that could not be read: numbering there is not judged. */
  brokenYears: Set<string>;
}

export interface Archive {
  root: string;
  config?: Config;
  configPositions: PlaceTable;
  people?: People;
  peoplePositions: PlaceTable;
  networks: Map<string, NetworkRecord>;
  protocols: ProtocolRecord[];
  /** Every file kd read, valid or not. */
  files: FileRecord[];
  /** Findings of reading, parsing and schemas. */
  findings: Finding[];
}

export interface LoadOptions {
  /** Read the archive from this commit of this repository instead of the working tree. */
  at?: { repo: Repo; commit: string };
  /** Reuse per-file records from this cache (see archive/cache.ts). */
  cache?: CacheSettings | undefined;
}

/** Reads and parses a whole archive. Never throws for bad content: that becomes findings. */
export async function loadArchive(root: string, options: LoadOptions = {}): Promise<Archive> {
  const { files, again, read } = await readRecords(root, options);
  const placesFor = (f: FileRecord) => placesLater(again.get(f), f);
  const archive: Archive = {
    root,
    configPositions: {},
    peoplePositions: {},
    networks: new Map(),
    protocols: [],
    files,
    findings: [...read.findings, ...files.flatMap((f) => f.findings)],
  };
  for (const id of read.networkIds) {
    archive.networks.set(id, { id, file: `networks/${id}/network.yml`, positions: {}, protocols: [], brokenYears: new Set() });
  }
  for (const f of files) {
    const folder = f.path.split('/')[1] ?? '';
    switch (f.kind) {
      case 'config':
        lazily(archive, 'configPositions', placesFor(f));
        if (f.data) archive.config = f.data as Config;
        break;
      case 'people':
        lazily(archive, 'peoplePositions', placesFor(f));
        // No prototype: an id such as "constructor" or "__proto__" is looked up as data, never as a property of Object.
        if (f.data) archive.people = Object.assign(Object.create(null) as People, f.data as People);
        break;
      case 'network': {
        const net = archive.networks.get(folder)!;
        lazily(net, 'positions', placesFor(f));
        if (f.data) net.config = f.data as NetworkConfig;
        break;
      }
      case 'calendar': {
        const net = archive.networks.get(folder)!;
        net.calendarFile = f.path;
        lazily(net, 'calendarPositions', placesFor(f));
        if (f.data) net.calendar = f.data as Calendar;
        break;
      }
      case 'protocol': {
        const net = archive.networks.get(folder)!;
        if (!f.data) {
          net.brokenYears.add(f.path.split('/')[3] ?? '');
          break;
        }
        const data = f.data as ProtocolData;
        const year = Number(data.date.slice(0, 4));
        const placesOfFile = placesFor(f);
        const summariesOfFile = summariesLater(again.get(f), f);
        const record: ProtocolRecord = {
          file: f.path,
          folder,
          data,
          get positions() {
            return placesOfFile();
          },
          sections: f.sections,
          get summaries() {
            return summariesOfFile();
          },
          id: `${data.number}/${year}`,
          year,
        };
        net.protocols.push(record);
        archive.protocols.push(record);
        break;
      }
    }
  }
  const byDate = (a: ProtocolRecord, b: ProtocolRecord) =>
    a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.data.number - b.data.number;
  for (const net of archive.networks.values()) net.protocols.sort(byDate);
  archive.protocols.sort((a, b) => byDate(a, b) || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  return archive;
}

/** A file's bytes read again, and found to be the ones its record was made from (else KdError archive-changed). */
type Again = () => Uint8Array;

/**
 * Every file made a record, each with a way to read it again (see `again`).
 * A function of its own so that what the closures it leaves behind can
 * reach is only the reader: a closure in loadArchive would keep the cache's
 * lines alive as long as the archive (79 MB at 10,000 protocols).
 */
async function readRecords(
  root: string,
  options: LoadOptions,
): Promise<{ files: FileRecord[]; again: Map<FileRecord, Again>; read: ReadResult }> {
  const cache = await openCache(options.cache, root);
  // A cached record is used only when it was made from exactly these bytes at this path by this kd.
  const files: FileRecord[] = [];
  const again = new Map<FileRecord, Again>();
  // Asked only once every file is read (by a rule with a finding), when the reader is there.
  const source: { reread?: ReadResult['reread'] } = {};
  const take = async (f: SourceFile) => {
    const record = await withRemark(() => cache.record(f.kind, f.path, f.bytes, () => processFile(f.path, f.kind, f.bytes)));
    files.push(record);
    again.set(record, readAgain(source, f.path, f.bytes));
  };
  // Each file is made a record as it is read, and its bytes let go.
  const read: ReadResult = options.at ? await readArchiveAt(options.at.repo, options.at.commit) : await readArchive(root, take);
  for (const f of read.files) await take(f);
  source.reread = read.reread;
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await cache.save();
  return { files, again, read };
}

/**
 * A file read again the first time a rule or a report asks for more than its
 * record keeps: its places (most files never have a finding, and positions
 * were two thirds of what a record held) or what its sections say. Only a
 * digest of the bytes is kept, to make sure they are still the ones the
 * record was made from: if the file changed during the run its lines may
 * have moved, and kd says so rather than point at the wrong line. A
 * top-level function, so that the closure holds no other file's bytes.
 */
function readAgain(source: { reread?: ReadResult['reread'] }, path: string, bytes: Uint8Array): Again {
  const sum = digest(bytes);
  return () => {
    const now = source.reread?.(path);
    if (now === undefined || digest(now) !== sum) throw new KdError('archive-changed', { file: path });
    return now;
  };
}

/** The places of a file's YAML nodes, worked out once, when first asked. */
function placesLater(again: Again | undefined, { path, yaml }: FileRecord): () => PlaceTable {
  if (again === undefined || yaml === undefined) return () => ({});
  let table: PlaceTable | undefined;
  return () => {
    table ??= placesOf(path, again(), yaml);
    return table;
  };
}

/** What a protocol's sections say first, worked out once, when first asked. */
function summariesLater(again: Again | undefined, { yaml, sections }: FileRecord): () => ReadonlyMap<number, string> {
  if (again === undefined || yaml === undefined) return () => new Map();
  let found: ReadonlyMap<number, string> | undefined;
  return () => {
    found ??= summariesOf(again(), yaml, sections);
    return found;
  };
}

const digest = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('base64');

/** Defines `key` of `target` as the places `get` gives, made when first read. */
function lazily<K extends string>(target: { [k in K]?: PlaceTable }, key: K, get: () => PlaceTable): void {
  Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
}

/** The roster terms in force on a date. */
export function membersOn(network: NetworkConfig, date: string): Membership[] {
  return network.roster.filter((m) => m.from <= date && (m.to === undefined || date <= m.to));
}

/** The stable id of a decision: `kd-gruppen 1/2019 §2:1`. */
export function decisionId(network: string, protocolId: string, item: number, n: number): string {
  // Joined, not concatenated: one flat string rather than a tree of pieces (every decision of the archive has one).
  return [network, ' ', protocolId, ' §', item, ':', n].join('');
}

export interface DecisionRecord {
  id: string;
  network: string;
  protocol: ProtocolRecord;
  item: number;
  n: number;
  kind: 'decision' | 'agreement';
  text: string;
  owner?: string;
  due?: string;
  /** Said on the decision: the municipalities are to act on it, or not (see query/act.ts). */
  act?: boolean;
  /** Why the decision, or the item it is under, is confidential (`confidential: {reason}`). */
  confidential?: string;
  /**
   * Set only in outputs for members and the public (query/public.ts): the
   * reason shown in place of the text, which is then empty.
   */
  withheld?: string;
  /** Key path of the decision in its file, for positions. */
  path: string;
}

const decisionsOf = new WeakMap<Archive, DecisionRecord[]>();

/**
 * Every decision and agreement of the archive, in protocol order. A loaded
 * archive does not change, so the list is made once per archive: the checks,
 * the registers and every section of the report ask for it.
 */
export function allDecisions(archive: Archive): DecisionRecord[] {
  const known = decisionsOf.get(archive);
  if (known) return known;
  const out: DecisionRecord[] = [];
  decisionsOf.set(archive, out);
  // Key paths say the same few texts again in every protocol: each is made once.
  const paths = { decisions: [] as string[][], agreements: [] as string[][] };
  const pathOf = (i: number, kind: 'decisions' | 'agreements', j: number) => {
    const row = (paths[kind][i] ??= []);
    return (row[j] ??= `items[${i}].${kind}[${j}]`);
  };
  for (const p of archive.protocols) {
    p.data.items.forEach((item, i) => {
      for (const kind of ['decisions', 'agreements'] as const) {
        (item[kind] ?? []).forEach((d: Decision, j: number) => {
          const obj = typeof d === 'string' ? { text: d } : d;
          // Every key is set, those not said to undefined: one shape for every record, its fields inside the object
          // (optional keys added one by one had every record carry a second array of them: 33 MB at 10,000 protocols).
          out.push({
            id: decisionId(p.data.network, p.id, item.no, j + 1),
            network: p.data.network,
            protocol: p,
            item: item.no,
            n: j + 1,
            kind: kind === 'decisions' ? 'decision' : 'agreement',
            text: obj.text,
            owner: 'owner' in obj ? obj.owner : undefined,
            due: 'due' in obj ? obj.due : undefined,
            act: 'act' in obj ? obj.act : undefined,
            confidential: ('confidential' in obj ? obj.confidential?.reason : undefined) ?? item.confidential?.reason,
            path: pathOf(i, kind, j),
          });
        });
      }
    });
  }
  return out;
}
