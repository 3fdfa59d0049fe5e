import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { itemContent, readBody } from '../archive/body.js';
import type { FolderCache } from '../archive/paths.js';
import { replaceFileSync } from '../archive/write.js';
import type { Archive, ProtocolRecord } from '../model/index.js';
import type { Style } from '../render/registers.js';
import { plain, type SiteOptions, sitePages } from '../render/site.js';

/*
 * One part of a kd site build: the pages it takes, made and written, and
 * what the rest of the build needs back from them (the files and their
 * hashes for the manifest). A small archive is built by the command's own
 * thread alone. On a large one, worker threads (site-worker.ts) make the
 * pages, each taking the next page no part has taken yet, so a thread that
 * starts late or is slowed down makes fewer; the command's thread makes the
 * search index meanwhile, then takes pages too.
 */

export interface PartOptions {
  public: boolean;
  asOf: string;
  version: string;
  /** The site's folder, and the files (with their SHA-1) the last build wrote there. */
  out: string;
  before: ReadonlyMap<string, string>;
}

export interface PartResult {
  /** Each file this part made, with the SHA-1 of its content. */
  files: [file: string, sha1: string][];
  written: number;
  /** How many files the build asked for: every part must count the same, or the archive changed under it. */
  asked: number;
  taken: number;
}

/** Page numbers shared by the threads of one build: each claims the next with one atomic add. */
export function sharedCounter(): SharedArrayBuffer {
  return new SharedArrayBuffer(4);
}

/**
 * Which pages a part makes: every page (a build on one thread), or the
 * next page no other part has taken (threads sharing `counter`).
 */
export type Share = { all: true } | { counter: SharedArrayBuffer };

/** The words of each item, by protocol file and item number: what the search indexes. */
export type ItemWords = Map<string, Map<number, string>>;

const wordsOf = (items: Map<number, RootContent[]>) => new Map([...items].map(([no, nodes]) => [no, plain(nodes)]));

/**
 * Makes and writes the pages this part takes. `words`, given by a build on
 * one thread, is filled with the items' words it reads on the way; workers
 * leave the words to the command's own thread (`itemWords`).
 */
export async function buildPart(archive: Archive, s: Style, opts: PartOptions, share: Share, words?: ItemWords): Promise<PartResult> {
  const folders: FolderCache = new Map();
  const content = async (p: ProtocolRecord) => {
    const items = itemContent(await readBody(archive.root, p.file, folders), p.sections);
    words?.set(p.file, wordsOf(items));
    return items;
  };
  const cells = 'counter' in share ? new Int32Array(share.counter) : undefined;
  const claim = () => (cells === undefined ? asked : Atomics.add(cells, 0, 1));
  let asked = 0;
  let taken = 0;
  let mine = claim();
  const take = () => {
    const yes = asked === mine;
    asked++;
    if (yes) {
      taken++;
      mine = claim();
    }
    return yes;
  };
  const options: SiteOptions = { public: opts.public, asOf: opts.asOf, version: opts.version, content, take };
  const writer = siteWriter(opts.out, opts.before);
  for await (const [file, body] of sitePages(archive, s, options)) writer.put(file, body);
  return { files: [...writer.sums], written: writer.written(), asked, taken };
}

/** The words of every item of every protocol, read from the bodies: what search indexes when workers make the pages. */
export async function itemWords(archive: Archive): Promise<ItemWords> {
  const words: ItemWords = new Map();
  const folders: FolderCache = new Map();
  for (const p of archive.protocols) words.set(p.file, wordsOf(itemContent(await readBody(archive.root, p.file, folders), p.sections)));
  return words;
}

export type SiteWriter = ReturnType<typeof siteWriter>;

/**
 * Writes a site's files: only what changed, each file whole or not at all.
 * A file of the last build with the same content and size is left alone,
 * so a rebuild reads no pages. Synchronously: thousands of small writes
 * cost less one after another than each through the thread pool.
 */
export function siteWriter(out: string, before: ReadonlyMap<string, string>) {
  const sums = new Map<string, string>();
  const folders = new Set<string>();
  let written = 0;
  return {
    sums,
    written: () => written,
    put(file: string, body: string): void {
      const target = path.join(out, ...file.split('/'));
      const bytes = Buffer.from(body);
      const sum = createHash('sha1').update(bytes).digest('hex');
      sums.set(file, sum);
      if (before.get(file) === sum && sizeOf(target) === bytes.length) return;
      replaceFileSync(target, bytes, folders);
      written++;
    },
  };
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}
