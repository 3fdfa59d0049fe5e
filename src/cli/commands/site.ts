import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { itemContent, readBody } from '../../archive/body.js';
import type { FolderCache } from '../../archive/paths.js';
import { replaceFile } from '../../archive/write.js';
import { runRules } from '../../check/index.js';
import { KdError } from '../../core/errors.js';
import { catalogue } from '../../i18n/index.js';
import type { ProtocolRecord } from '../../model/index.js';
import { renderText } from '../../render/findings.js';
import { style } from '../../render/registers.js';
import { plain, searchDocs, sitePages } from '../../render/site.js';
import { siteUrl } from '../../schema/index.js';
import { defineCommand, option } from '../command.js';
import { chalkFor, displayPath } from '../io.js';
import { openArchive } from '../load.js';
import { kdPackage, today } from '../meta.js';
import { date, flag, text } from '../options.js';

/** The list of files kd wrote to the site's folder last time: what it may remove, and the mark that the folder is kd's. */
export const SITE_MANIFEST = '.kd-site.json';

export const siteCommand = defineCommand('site', 'site', {
  options: [
    option('--out <dir>', 'siteOut', text),
    option('--internal', 'siteInternal', flag),
    option('--as-of <date>', 'siteAsOf', date.optional()),
    option('--base-url <url>', 'baseUrl', siteUrl.optional()),
  ],
  async run(opts, io) {
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
    const out = path.resolve(io.cwd, opts.out ?? 'site');
    const shown = opts.out ?? 'site';
    const before = await previousFiles(out, shown);

    // Each protocol's body is parsed once, for its page; search keeps only the items' words.
    const words = new Map<ProtocolRecord, Map<number, string>>();
    const folders: FolderCache = new Map();
    const content = async (p: ProtocolRecord) => {
      const items = itemContent(await readBody(archive.root, p.file, folders), p.sections);
      words.set(p, new Map([...items].map(([no, nodes]) => [no, plain(nodes)])));
      return items;
    };
    const s = style(archive, lang);
    const options = { public: !opts.internal, asOf: opts.asOf ?? today(), version: kdPackage().version, content };

    // Only what changed is written, each file whole or not at all, page by page as it is made.
    const made = new Set<string>();
    const sums = new Map<string, string>();
    let written = 0;
    const writes = new Writes();
    const put = async (file: string, body: string) => {
      made.add(file);
      const target = path.join(out, ...file.split('/'));
      const bytes = Buffer.from(body);
      const sum = createHash('sha1').update(bytes).digest('hex');
      sums.set(file, sum);
      await writes.add(async () => {
        // A file of the last build with the same content and size is left alone: a rebuild reads no pages.
        if (before.get(file) === sum && (await stat(target).catch(() => undefined))?.size === bytes.length) return;
        await replaceFile(target, bytes);
        written++;
      });
    };
    for await (const [file, body] of sitePages(archive, s, options)) await put(file, body);
    const pages = [...made].filter((f) => f.endsWith('.html'));
    const { searchFiles } = await import('../../render/search.js');
    const itemText = (p: ProtocolRecord, no: number) => words.get(p)?.get(no) ?? '';
    for (const [file, body] of searchFiles(searchDocs(archive, s, { public: options.public, itemText }), { ...c.site.searchLabels, lang }))
      await put(file, body);
    const base = opts.baseUrl ?? archive.config?.site_url;
    if (base !== undefined) await put('sitemap.xml', sitemap(base, pages));
    await writes.done();

    // What kd wrote before and no longer makes goes; the manifest says what is kd's now.
    const gone = [...before.keys()].filter((f) => !made.has(f));
    for (const f of gone) await rm(path.join(out, ...f.split('/')), { force: true });
    const files = [...made].sort();
    await replaceFile(
      path.join(out, SITE_MANIFEST),
      `${JSON.stringify({ kd: kdPackage().version, files, sha1: Object.fromEntries(files.map((f) => [f, sums.get(f)])) }, null, 1)}\n`,
    );
    io.stdout.write(`${c.site.done({ dir: shown, pages: pages.length, written, removed: gone.length, public: !opts.internal })}\n`);
    return 0;
  },
});

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

/**
 * Files written while the next pages are made: up to a few dozen at once,
 * so the disk is busy while kd computes, and memory holds no more than that
 * many pages. The first failure is thrown by the next add, or by done.
 */
class Writes {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  async add(job: () => Promise<void>): Promise<void> {
    this.rethrow();
    const p: Promise<void> = job()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(p));
    this.running.add(p);
    if (this.running.size >= 32) await Promise.race(this.running);
    this.rethrow();
  }

  async done(): Promise<void> {
    await Promise.all(this.running);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}
