import { lstatSync, readdirSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findRoot } from '../../archive/read.js';
import { replaceFile } from '../../archive/write.js';
import { runRules } from '../../check/index.js';
import { KdError, type KdErrorKey } from '../../core/errors.js';
import type { Lang } from '../../i18n/index.js';
import { catalogue } from '../../i18n/index.js';
import type { Archive, ProtocolRecord } from '../../model/index.js';
import { renderText } from '../../render/findings.js';
import { type Style, style } from '../../render/registers.js';
import { searchDocs } from '../../render/site.js';
import { siteUrl } from '../../schema/index.js';
import { defineCommand, option } from '../command.js';
import { chalkFor, displayPath, type Io } from '../io.js';
import { openArchive } from '../load.js';
import { kdPackage, today } from '../meta.js';
import { date, flag, text } from '../options.js';
import {
  buildPart,
  type ItemWords,
  itemWords,
  type PartOptions,
  type PartResult,
  type SiteWriter,
  sharedCounter,
  siteWriter,
} from '../site-build.js';
import type { WorkerInput, WorkerOutput } from './site-worker.js';

/** The list of files kd wrote to the site's folder last time: what it may remove, and the mark that the folder is kd's. */
export const SITE_MANIFEST = '.kd-site.json';

export const siteCommand = defineCommand('site', 'site', {
  options: [
    option('--out <dir>', 'siteOut', text),
    option('--public', 'sitePublic', flag),
    option('--internal', 'siteInternal', flag),
    option('--as-of <date>', 'siteAsOf', date.optional()),
    option('--base-url <url>', 'baseUrl', siteUrl.optional()),
  ],
  async run(opts, io) {
    if (opts.public && opts.internal) throw new KdError('conflicting-options', { options: '--public, --internal' });
    const out = path.resolve(io.cwd, opts.out ?? 'site');
    const shown = opts.out ?? 'site';
    const part = { public: !opts.internal, asOf: opts.asOf ?? today(), version: kdPackage().version, out };
    // On a large archive workers load it while this thread loads and checks it; they make pages only once told to.
    // Whether it is large is told from its file names: a worker started for nothing would load it for nothing.
    const counter = sharedCounter();
    const large =
      io.env.KD_SITE_THREADS !== undefined ||
      protocolFiles(await findRoot({ cwd: io.cwd, archive: opts.archive, env: io.env })) >= PARALLEL_FROM;
    const input = { cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang, part, counter };
    const helpers = large ? startHelpers(io.env, input) : [];
    try {
      const { archive, lang, root } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
      const c = catalogue(lang);
      // A site is for readers: it is not built on protocols kd check rejects.
      const errors = runRules(archive).findings.filter((f) => f.severity === 'error');
      if (errors.length > 0) {
        const chalk = chalkFor(io.stderr, io.env, opts.color);
        io.stderr.write(
          renderText({ findings: errors, files: new Set(errors.map((f) => f.file)).size, display: displayPath(root, io.cwd), lang }, chalk),
        );
        io.stderr.write(`kd: ${c.cli.errors['site-blocked']({ count: errors.length })}\n`);
        return 1;
      }
      const before = await previousFiles(out, shown);
      const s = style(archive, lang);

      // A large archive's pages are made by the workers, each taking the next page no one has taken, while this thread
      // makes the search index; then it takes what is left (every page, if no worker could start).
      const shared = helpers.length > 0 && shares(archive.protocols.length, io.env);
      for (const h of helpers) {
        if (shared) h.go(before);
        else h.stop();
      }
      const writer = siteWriter(out, before);
      const parts: PartResult[] = [];
      if (shared) {
        await writeSearch(writer, archive, s, lang, part.public, await itemWords(archive));
        for (const done of await Promise.all(helpers.map((h) => h.result))) if (done !== undefined) parts.push(done);
        parts.push(await buildPart(archive, s, { ...part, before }, { counter }));
      } else {
        const words: ItemWords = new Map();
        parts.push(await buildPart(archive, s, { ...part, before }, { all: true }, words));
        await writeSearch(writer, archive, s, lang, part.public, words);
      }
      // Every part asked for the same files; together they took each once, or the archive changed during the build.
      const asked = parts.at(-1)!.asked;
      if (parts.some((p) => p.asked !== asked) || parts.reduce((n, p) => n + p.taken, 0) !== asked) throw new KdError('site-changed', {});
      return finish(archive, lang, parts, writer, { ...part, before, shown, baseUrl: opts.baseUrl }, io);
    } finally {
      for (const h of helpers) h.stop();
    }
  },
});

/** The search index over every protocol's items, with their words, and every decision. */
async function writeSearch(writer: SiteWriter, archive: Archive, s: Style, lang: Lang, pub: boolean, words: ItemWords): Promise<void> {
  const { searchFiles } = await import('../../render/search.js');
  const itemText = (p: ProtocolRecord, no: number) => words.get(p.file)?.get(no) ?? '';
  const labels = { ...catalogue(lang).site.searchLabels, lang };
  for (const [file, body] of searchFiles(searchDocs(archive, s, { public: pub, itemText }), labels)) writer.put(file, body);
}

/** The sitemap and the manifest, once every page is made; what was built, said. */
async function finish(
  archive: Archive,
  lang: Lang,
  parts: PartResult[],
  writer: SiteWriter,
  opts: PartOptions & { shown: string; baseUrl: string | undefined },
  io: Io,
): Promise<number> {
  const { out, before } = opts;
  const c = catalogue(lang);
  // Every file this build made, with its hash.
  const sums = new Map(parts.flatMap((p) => p.files));
  const pages = [...sums.keys()].filter((f) => f.endsWith('.html')).sort();
  const base = opts.baseUrl ?? archive.config?.site_url;
  if (base !== undefined) writer.put('sitemap.xml', sitemap(base, pages));
  for (const [f, sum] of writer.sums) sums.set(f, sum);
  const written = parts.reduce((n, p) => n + p.written, writer.written());

  // What kd wrote before and no longer makes goes; the manifest says what is kd's now.
  const gone = [...before.keys()].filter((f) => !sums.has(f));
  for (const f of gone) await rm(path.join(out, ...f.split('/')), { force: true });
  const files = [...sums.keys()].sort();
  await replaceFile(
    path.join(out, SITE_MANIFEST),
    `${JSON.stringify({ kd: kdPackage().version, files, sha1: Object.fromEntries(files.map((f) => [f, sums.get(f)])) }, null, 1)}\n`,
  );
  io.stdout.write(`${c.site.done({ dir: opts.shown, pages: pages.length, written, removed: gone.length, public: opts.public })}\n`);
  return 0;
}

/**
 * The files kd wrote to the folder before, each with the SHA-1 of what it
 * wrote (empty when the manifest does not say); a folder with files but no
 * manifest is not kd's to write in.
 */
async function previousFiles(dir: string, shown: string): Promise<Map<string, string>> {
  const text = await readFile(path.join(dir, SITE_MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) {
    if ((await stat(dir).catch(() => undefined))?.isDirectory() === false) throw new KdError('site-out-file', { dir: shown });
    const entries = await readdir(dir).catch(() => []);
    if (entries.length > 0) throw new KdError('site-not-kd', { dir: shown });
    return new Map();
  }
  try {
    const manifest = JSON.parse(text) as { files?: unknown; sha1?: unknown };
    const sums = typeof manifest.sha1 === 'object' && manifest.sha1 !== null ? (manifest.sha1 as Record<string, unknown>) : {};
    // Only plain relative paths inside the folder: a hand-edited manifest must not make kd remove anything outside it.
    const files = Array.isArray(manifest.files)
      ? manifest.files.filter(
          (f): f is string => typeof f === 'string' && /^[\w.-]+(?:\/[\w.-]+)*$/.test(f) && !f.split('/').includes('..'),
        )
      : [];
    return new Map(files.map((f) => [f, typeof sums[f] === 'string' ? sums[f] : '']));
  } catch {
    throw new KdError('site-not-kd', { dir: shown });
  }
}

function sitemap(base: string, pages: string[]): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = pages.sort().map((p) => `<url><loc>${esc(new URL(p.split('/').map(encodeURIComponent).join('/'), root).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** How many worker threads may build a site: one a core (at most four), or KD_SITE_THREADS; with one, the command's thread builds it alone. */
function threads(env: Record<string, string | undefined>): number {
  const set = Number(env.KD_SITE_THREADS);
  if (Number.isInteger(set) && set >= 1) return Math.min(set, 8);
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * How many protocol files the archive's network folders seem to hold, from
 * their names alone (no file is opened, no link followed): enough to tell a
 * large archive from a small one before reading it.
 */
function protocolFiles(root: string): number {
  let n = 0;
  const networks = path.join(root, 'networks');
  const entries = (dir: string, recursive: boolean) => {
    try {
      return lstatSync(dir).isDirectory() ? readdirSync(dir, { withFileTypes: true, recursive }) : [];
    } catch {
      return [];
    }
  };
  for (const net of entries(networks, false))
    if (net.isDirectory())
      for (const f of entries(path.join(networks, net.name, 'protocols'), true)) if (f.isFile() && f.name.endsWith('.md')) n++;
  return n;
}

/** Whether workers build this archive's pages: from 2,000 protocols (a worker costs more than it saves below), or when KD_SITE_THREADS says so. */
function shares(protocols: number, env: Record<string, string | undefined>): boolean {
  return protocols >= PARALLEL_FROM || env.KD_SITE_THREADS !== undefined;
}

/**
 * Below this many protocols workers cost more than they save. Measured on
 * the benchmark's archives with 2 cores: at 1,000 protocols one thread and
 * two workers both took 4.2–4.6 s (the workers with twice the memory); at
 * 3,000 the workers 7.8–8.3 s against 8.9–10.2 s; at 10,000 20 s against 29 s.
 */
const PARALLEL_FROM = 2000;

/**
 * A worker's young generation: a page's trees (a register page is megabytes
 * of them) outlive V8's default 16 MB semi-space and are copied and promoted
 * again and again; at 64 MB per semi-space (three of them make the young
 * generation) a worker builds its pages about 15 % faster and the build's
 * peak memory is lower, not higher (measured on the benchmark's 10,000
 * protocols). The command's own thread keeps the default: its size is fixed
 * when node starts.
 */
const YOUNG_MB = 192;

interface Helper {
  /** What it made, or undefined when it made nothing (told to stop, or it could not start: the others took its pages). */
  result: Promise<PartResult | undefined>;
  go(before: ReadonlyMap<string, string>): void;
  stop(): void;
}

/**
 * Worker threads that load the archive at once and wait: told to go, each
 * builds its share of the site; told to stop (a small archive, an error),
 * each ends. One that fails after taking pages fails the build.
 */
function startHelpers(env: Record<string, string | undefined>, input: WorkerInput): Helper[] {
  const n = threads(env);
  return Array.from({ length: n > 1 ? n : 0 }, (): Helper => {
    let worker: Worker | undefined;
    try {
      // Beside this module both in dist/cli/commands and in the bundle (dist/kd), where it is an entry of its own.
      worker = new Worker(new URL('./site-worker.js', import.meta.url), {
        workerData: input,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
      });
    } catch {
      return { result: Promise.resolve(undefined), go() {}, stop() {} };
    }
    const w = worker;
    let settled = false;
    const result = new Promise<PartResult | undefined>((resolve, reject) => {
      w.once('message', (out: WorkerOutput) => {
        settled = true;
        if (out.ok) resolve(out.result);
        else if ('key' in out.error) reject(new KdError(out.error.key as KdErrorKey, out.error.data as never));
        else reject(new Error(out.error.message));
      });
      w.once('error', () => (settled ? undefined : resolve(undefined)));
      w.once('exit', () => (settled ? undefined : resolve(undefined)));
    });
    // Not awaited when the build stops early: its outcome no longer matters then.
    result.catch(() => undefined);
    return {
      result,
      go: (before) => w.postMessage({ go: [...before] }),
      stop: () => {
        if (!settled) void w.terminate();
      },
    };
  });
}
