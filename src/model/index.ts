import { createHash } from 'node:crypto';
import { type CacheSettings, openCache } from '../archive/cache.js';
import type { Repo } from '../archive/git.js';
import { type Section, withRemark } from '../archive/outline.js';
import { type ReadResult, readArchive, type SourceFile } from '../archive/read.js';
import { readArchiveAt } from '../archive/read-at.js';
import type { PlaceTable } from '../archive/yaml.js';
import { KdError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { Calendar, Config, Decision, Item, Membership, NetworkConfig, People, ProtocolData } from '../schema/index.js';
import { type FileRecord, placesOf, processFile, summariesOf } from './file.js';

export interface ProtocolRecord {
  file: string;
  /** The network folder the file is in. */
  folder: string;
  data: ProtocolData;
  readonly positions: PlaceTable;
  sections: Section[];
  /** Each section's first paragraph, by item number (see archive/summary.ts): read from the file again when first asked. */
  readonly summaries: ReadonlyMap<number, string>;
  /** "1/2019". */
  id: string;
  year: number;
  /** The same protocol with other data (as it will read once approved, say); its places and sections are the file's. */
  withData(data: ProtocolData): ProtocolRecord;
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
  /** A digest of every file kd read, by path and content: what anything made from the archive alone depends on. */
  inputs(): string;
}

export interface LoadOptions {
  /** Read the archive from this commit of this repository instead of the working tree. */
  at?: { repo: Repo; commit: string };
  /** Reuse per-file records from this cache (see archive/cache.ts). */
  cache?: CacheSettings | undefined;
}

/** Reads and parses a whole archive. Never throws for bad content: that becomes findings. */
export async function loadArchive(root: string, options: LoadOptions = {}): Promise<Archive> {
  const { files, sources, read } = await readRecords(root, options);
  const placesFor = (f: FileRecord) => placesLater(sources, f);
  const archive: Archive = {
    root,
    configPositions: {},
    peoplePositions: {},
    networks: new Map(),
    protocols: [],
    files,
    findings: [...read.findings, ...files.flatMap((f) => f.findings)],
    inputs: () => sources.inputs(files, read.findings),
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
        const record = new Protocol(f, folder, data, year, sources);
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

/**
 * The files of a loaded archive, read again the first time a rule or a report
 * asks for more than a record keeps: its places (most files never have a
 * finding, and positions were two thirds of what a record held) or what its
 * sections say. Only a digest of each file's bytes is kept, to make sure they
 * are still the ones its record was made from: if the file changed during
 * the run its lines may have moved, and kd says so rather than point at the
 * wrong line. One object for the archive, not closures a file: those, their
 * scopes and the protocols' accessors were about 10 MB at 10,000 protocols.
 */
class Sources {
  readonly #digests = new Map<FileRecord, string>();
  /** Set once every file is read: a rule or report asks only after that. */
  reread: ReadResult['reread'] | undefined;

  add(record: FileRecord, bytes: Uint8Array): void {
    this.#digests.set(record, digest(bytes));
  }

  /** A digest of the files' paths, kinds and contents, in path order, and of the files that could not be read. */
  inputs(files: readonly FileRecord[], skipped: readonly Finding[]): string {
    const hash = createHash('sha256');
    for (const f of files) hash.update(`${f.kind}\0${f.path}\0${this.#digests.get(f)}\n`);
    // What could not be read is an input too: a file left out.
    return hash.update(JSON.stringify(skipped)).digest('hex');
  }

  /** The record's file as it is now, when it is still what the record was made from; else KdError archive-changed. */
  bytes(record: FileRecord): Uint8Array {
    const now = this.reread?.(record.path);
    if (now === undefined || digest(now) !== this.#digests.get(record)) throw new KdError('archive-changed', { file: record.path });
    return now;
  }

  /** The places of the record's YAML nodes, from its file. */
  places(record: FileRecord): PlaceTable {
    return record.yaml === undefined ? {} : placesOf(record.path, this.bytes(record), record.yaml);
  }

  /** What each section of the record's protocol says first, from its file. */
  summaries(record: FileRecord): ReadonlyMap<number, string> {
    return record.yaml === undefined ? new Map() : summariesOf(this.bytes(record), record.yaml, record.sections);
  }
}

/**
 * Every file made a record. A function of its own so that the one thing the
 * archive keeps from it is the Sources: a closure in loadArchive would keep
 * the cache's lines alive as long as the archive (79 MB at 10,000 protocols).
 */
async function readRecords(root: string, options: LoadOptions): Promise<{ files: FileRecord[]; sources: Sources; read: ReadResult }> {
  const cache = await openCache(options.cache, root);
  // A cached record is used only when it was made from exactly these bytes at this path by this kd.
  const files: FileRecord[] = [];
  const sources = new Sources();
  const take = async (f: SourceFile) => {
    const record = await withRemark(() => cache.record(f.kind, f.path, f.bytes, () => processFile(f.path, f.kind, f.bytes)));
    files.push(record);
    sources.add(record, f.bytes);
  };
  // Each file is made a record as it is read, and its bytes let go.
  const read: ReadResult = options.at ? await readArchiveAt(options.at.repo, options.at.commit) : await readArchive(root, take);
  for (const f of read.files) await take(f);
  sources.reread = read.reread;
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await cache.save();
  return { files, sources, read };
}

/** The places of a file's YAML nodes (config, people, a network, a calendar), worked out once, when first asked. */
function placesLater(sources: Sources, f: FileRecord): () => PlaceTable {
  let table: PlaceTable | undefined;
  return () => {
    table ??= sources.places(f);
    return table;
  };
}

/**
 * A valid protocol of a loaded archive. Its places and what its sections say
 * are read from the file again when first asked (see Sources), by getters
 * every protocol shares rather than closures of its own.
 */
class Protocol implements ProtocolRecord {
  readonly file: string;
  readonly sections: Section[];
  readonly id: string;
  readonly #record: FileRecord;
  readonly #sources: Sources;
  #places: PlaceTable | undefined;
  #summaries: ReadonlyMap<number, string> | undefined;

  constructor(
    record: FileRecord,
    readonly folder: string,
    readonly data: ProtocolData,
    readonly year: number,
    sources: Sources,
  ) {
    this.file = record.path;
    this.sections = record.sections;
    this.id = `${data.number}/${year}`;
    this.#record = record;
    this.#sources = sources;
  }

  get positions(): PlaceTable {
    this.#places ??= this.#sources.places(this.#record);
    return this.#places;
  }

  get summaries(): ReadonlyMap<number, string> {
    this.#summaries ??= this.#sources.summaries(this.#record);
    return this.#summaries;
  }

  withData(data: ProtocolData): ProtocolRecord {
    return new Protocol(this.#record, this.folder, data, this.year, this.#sources);
  }
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
  readonly id: string;
  readonly network: string;
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
  readonly path: string;
}

const decisionsOf = new WeakMap<Archive, DecisionRecord[]>();

/** Key paths say the same few texts in every protocol: each is made once. */
const PATHS = { decisions: [] as string[][], agreements: [] as string[][] };
const pathOf = (i: number, kind: 'decisions' | 'agreements', j: number) => {
  const row = (PATHS[kind][i] ??= []);
  return (row[j] ??= `items[${i}].${kind}[${j}]`);
};

/**
 * A decision of a loaded archive. Its id, network and key path are worked
 * out from its protocol when asked, not kept: every decision of the archive
 * is held while the rules run, 700,000 of them at 100,000 protocols. Every
 * other field is set, to undefined when not said, so that all share one
 * shape with their fields inside the object. A getter is not copied by
 * `{ ...d }`: copy one with `decisionFields`.
 */
class ArchiveDecision implements DecisionRecord {
  readonly #index: number;
  constructor(
    readonly protocol: ProtocolRecord,
    index: number,
    readonly item: number,
    readonly n: number,
    readonly kind: 'decision' | 'agreement',
    readonly text: string,
    readonly owner: string | undefined,
    readonly due: string | undefined,
    readonly act: boolean | undefined,
    readonly confidential: string | undefined,
  ) {
    this.#index = index;
  }

  get id(): string {
    return decisionId(this.protocol.data.network, this.protocol.id, this.item, this.n);
  }

  get network(): string {
    return this.protocol.data.network;
  }

  get path(): string {
    return pathOf(this.#index, this.kind === 'decision' ? 'decisions' : 'agreements', this.n - 1);
  }
}

/** A decision's fields as a plain object, in the order outputs list them: what `{ ...d }` gives of a plain record. */
export function decisionFields(d: DecisionRecord): DecisionRecord {
  return {
    id: d.id,
    network: d.network,
    protocol: d.protocol,
    item: d.item,
    n: d.n,
    kind: d.kind,
    text: d.text,
    ...(d.owner !== undefined ? { owner: d.owner } : {}),
    ...(d.due !== undefined ? { due: d.due } : {}),
    ...(d.act !== undefined ? { act: d.act } : {}),
    ...(d.confidential !== undefined ? { confidential: d.confidential } : {}),
    ...(d.withheld !== undefined ? { withheld: d.withheld } : {}),
    path: d.path,
  };
}

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
  eachDecision(archive, (p, i, kind, j, said, item) => {
    const secret = said.confidential?.reason ?? item.confidential?.reason;
    const k = kind === 'decisions' ? 'decision' : 'agreement';
    out.push(new ArchiveDecision(p, i, item.no, j + 1, k, said.text, said.owner, said.due, said.act, secret));
  });
  return out;
}

/** A decision or agreement as its protocol says it: its text, and what else was said of it. */
export interface SaidDecision {
  text: string;
  owner?: string | undefined;
  due?: string | undefined;
  act?: boolean | undefined;
  confidential?: { reason: string } | undefined;
}

/**
 * Calls `visit` for each decision and agreement of the archive, in protocol
 * order, with where it is (protocol, item index, list, index in the list),
 * without making a record of each: the checks that go through every
 * decision once use it rather than keep allDecisions (80 MB at 100,000
 * protocols).
 */
export function eachDecision(
  archive: Archive,
  visit: (p: ProtocolRecord, i: number, kind: 'decisions' | 'agreements', j: number, said: SaidDecision, item: Item) => void,
): void {
  for (const p of archive.protocols) {
    const items = p.data.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      for (const kind of ['decisions', 'agreements'] as const) {
        const list: readonly Decision[] = item[kind] ?? [];
        for (let j = 0; j < list.length; j++) {
          const d = list[j]!;
          visit(p, i, kind, j, typeof d === 'string' ? { text: d } : (d as SaidDecision), item);
        }
      }
    }
  }
}
