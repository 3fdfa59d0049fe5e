import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- the generator is plain JavaScript, outside the typed sources
import { generate } from '../bench/generate.js';
import { type CacheStats, entryLine, inputHash, lastCacheStats, MAX_CACHE_BYTES, recordOf } from '../src/archive/cache.js';
import { readArchive } from '../src/archive/read.js';
import { processFile } from '../src/model/file.js';
import { archiveWith, MINI, NO_GIT, replace, run, SAMPLE } from './helpers.js';

/**
 * The cache can cost time, never correctness: whatever sits in the cache
 * directory, kd check reports exactly what it reports without one.
 */

const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';
/** A date that is no date: the schema's finding, in P1's own record. */
const BROKEN = { [P1]: replace('date: 2019-01-10', 'date: 2019-13-10') };
const BROKEN_FINDING = { rule: 'schema', file: P1, line: 4, column: 7 };
/** A generous guard against a hang; no timing is asserted. */
const HANG_GUARD = 60_000;

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function cacheDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-cache-trust-'));
  dirs.push(dir);
  return dir;
}

interface Checked {
  code: number;
  found: { rule: string; file: string; line: number; column: number }[];
  stderr: string;
  stats: CacheStats | undefined;
}

/** kd check --format json with the cache in `dir`. */
async function check(root: string, dir: string): Promise<Checked> {
  const out = await run(['check', '--format', 'json'], { cwd: root, env: { KD_CACHE: 'on', KD_CACHE_DIR: dir } });
  const found = out.stdout
    ? (JSON.parse(out.stdout) as { findings: Checked['found'] }).findings.map(({ rule, file, line, column }) => ({
        rule,
        file,
        line,
        column,
      }))
    : [];
  return { code: out.code, found, stderr: out.stderr, stats: lastCacheStats() };
}

/** The cache file a run used, as header and entry lines. */
async function cacheFile(stats: CacheStats | undefined) {
  const file = stats?.file;
  if (!file) throw new Error('no cache file');
  const text = await readFile(file, 'utf8');
  const [header, ...lines] = text.trimEnd().split('\n');
  const code = header!.split('\t')[2]!;
  const byPath = new Map(lines.map((l) => [(JSON.parse(l.split('\t')[2]!) as { path: string }).path, l]));
  return { file, text, header: header!, code, lines, byPath };
}

const keyOf = (line: string) => line.split('\t')[0]!;
const jsonOf = (line: string) => line.split('\t')[2]!;

async function bytesOf(root: string, rel: string) {
  return new Uint8Array(await readFile(path.join(root, rel)));
}

// First in the file: the notice is given once per process (vitest runs each file in a fresh module graph).
describe('an unusable cache', () => {
  it.runIf(process.platform !== 'win32')('says so once per process, in the language of KD_LANG', { timeout: HANG_GUARD }, async () => {
    const said: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      said.push(String(chunk));
      return true;
    });
    const root = await archiveWith(MINI);
    const fifo = path.join(await cacheDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (let i = 0; i < 3; i++) await run(['check'], { cwd: root, env: { KD_CACHE: 'on', KD_CACHE_DIR: fifo, KD_LANG: 'en' } });
    expect(said.filter((s) => s.startsWith('kd: '))).toEqual([
      `kd: The cache ${fifo} is not used (not a regular folder); kd reads every file afresh, which only takes longer. Give a folder of your own with KD_CACHE_DIR or turn the cache off with KD_CACHE=off.\n`,
    ]);
  });
});

describe('a cache entry cannot vouch for other content', () => {
  it('(a) a crafted cache that claims a broken protocol is clean: the finding is still reported, exit 1', async () => {
    const dir = await cacheDir();
    const root = await archiveWith(MINI);
    // A run on the clean archive (another branch, another day) fills the cache.
    const clean = await check(root, dir);
    expect(clean).toMatchObject({ code: 0, found: [] });
    const before = await cacheFile(clean.stats);
    const cleanLine = before.byPath.get(P1)!;

    // The protocol breaks; the cache is restored from where it was clean.
    await writeFile(path.join(root, P1), BROKEN[P1]!(await readFile(path.join(root, P1), 'utf8')));
    const brokenKey = inputHash(before.code, 'protocol', P1, await bytesOf(root, P1));
    const crafted = [
      // 1. The restore as it was: the clean entry under the clean bytes' hash.
      before.text,
      // 2. The clean entry relabelled with the broken bytes' hash.
      `${before.header}\n${before.lines.map((l) => (l === cleanLine ? l.replace(keyOf(l), brokenKey) : l)).join('\n')}\n`,
      // 3. The clean record spliced into the line filed under the broken bytes' hash.
      `${before.header}\n${before.lines.map((l) => (l === cleanLine ? `${brokenKey}\t${l.split('\t')[1]}\t${jsonOf(l)}` : l)).join('\n')}\n`,
      // 4. An entry made by another kd (another code hash), with a header claiming this one.
      `${before.header}\n${before.lines.map((l) => (l === cleanLine ? entryLine(inputHash('another kd', 'protocol', P1, new Uint8Array()), jsonOf(l)) : l)).join('\n')}\n`,
      // 5. The format before this one: a v8 map of keys to records, where the old code would have found it.
      serialize({ code: before.code, entries: new Map([[brokenKey, JSON.parse(jsonOf(cleanLine))]]) }),
    ];
    for (const [i, text] of crafted.entries()) {
      await writeFile(before.file, text);
      const out = await check(root, dir);
      expect(out.found, `craft ${i + 1}`).toEqual([BROKEN_FINDING]);
      expect(out.code, `craft ${i + 1}`).toBe(1);
      expect(out.stderr, `craft ${i + 1}`).toBe(NO_GIT);
    }
  });

  it("(b) an entry copied under another file's key is ignored, with or without its checksum redone", async () => {
    const dir = await cacheDir();
    const root = await archiveWith(MINI);
    const first = await check(root, dir);
    const before = await cacheFile(first.stats);
    await writeFile(path.join(root, P1), BROKEN[P1]!(await readFile(path.join(root, P1), 'utf8')));
    const key = inputHash(before.code, 'protocol', P1, await bytesOf(root, P1));
    const p2 = before.byPath.get(P2)!;
    for (const copied of [`${key}\t${p2.split('\t')[1]}\t${jsonOf(p2)}`, entryLine(key, jsonOf(p2))]) {
      await writeFile(before.file, `${before.header}\n${[...before.lines, copied].join('\n')}\n`);
      const out = await check(root, dir);
      expect(out.found).toEqual([BROKEN_FINDING]);
      expect(out.code).toBe(1);
      // P2's own entry is still good; the copy under P1's key is not.
      expect(out.stats).toMatchObject({ rejected: 1, hits: 4, misses: 0 });
    }
  });

  it('(c) a truncated or garbage cache file is ignored: the check is right and nothing is thrown', async () => {
    const dir = await cacheDir();
    const root = await archiveWith(MINI, BROKEN);
    const first = await check(root, dir);
    expect(first.found).toEqual([BROKEN_FINDING]);
    const good = await cacheFile(first.stats);
    const garbage = [
      good.text.slice(0, Math.floor(good.text.length / 2)),
      good.text.slice(0, good.text.length - 10),
      good.text.slice(0, 5),
      '',
      '\0\xff\xfe garbage \u0000\n\t\t\n',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      `${good.header}\n${good.lines.map((l) => l.replace(/"line":\d+/, '"line":"x"')).join('\n')}\n`,
      `${good.header}\n${good.lines.map((l) => `${l.split('\t').slice(0, 2).join('\t')}\tnull`).join('\n')}\n`,
      `${good.header}\n${good.lines.map((l) => entryLine(keyOf(l), '{"path":')).join('\n')}\n`,
      `${good.header}\n${good.lines.map((l) => entryLine(keyOf(l), '[1,2,3]')).join('\n')}\n`,
    ];
    for (const [i, text] of garbage.entries()) {
      await writeFile(good.file, text);
      const out = await check(root, dir);
      expect(out.found, `garbage ${i}`).toEqual([BROKEN_FINDING]);
      expect(out.code, `garbage ${i}`).toBe(1);
      // No stack trace, no notice: a damaged cache of our own only costs time, and is rewritten.
      expect(out.stderr, `garbage ${i}`).toBe(NO_GIT);
      expect(out.stats?.written, `garbage ${i}`).toBe(true);
      expect(await readFile(good.file, 'utf8'), `garbage ${i}`).toBe(good.text);
    }
  });
});

describe('(d) a cache directory or file that is not a regular one is not used and never blocks', () => {
  async function checkedWithout(dirOrFile: string, refusal: CacheStats['refusal'], archive?: string) {
    const root = archive ?? (await archiveWith(MINI, BROKEN));
    const out = await check(root, dirOrFile);
    expect(out.found).toEqual([BROKEN_FINDING]);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(NO_GIT);
    expect(out.stats).toMatchObject({ refusal, hits: 0 });
  }

  it.runIf(process.platform === 'linux')('KD_CACHE_DIR=/proc/self', { timeout: HANG_GUARD }, async () => {
    await checkedWithout('/proc/self', 'special');
    await checkedWithout('/proc/self/fd', 'special');
  });

  it.runIf(process.platform !== 'win32')('KD_CACHE_DIR is a FIFO, or /dev/zero', { timeout: HANG_GUARD }, async () => {
    const fifo = path.join(await cacheDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    await checkedWithout(fifo, 'not-dir');
    await checkedWithout('/dev/zero', 'not-dir');
    await checkedWithout(path.join('/dev/zero', 'kd'), 'not-dir');
  });

  it.runIf(process.platform !== 'win32')(
    'the cache file is a FIFO, a link to /dev/zero, a folder, or too large',
    { timeout: HANG_GUARD },
    async () => {
      const dir = await cacheDir();
      const root = await archiveWith(MINI, BROKEN);
      const file = (await check(root, dir)).stats!.file!;
      await rm(file);
      execFileSync('mkfifo', [file]);
      await checkedWithout(dir, 'not-file', root);
      await rm(file);
      await symlink('/dev/zero', file);
      await checkedWithout(dir, 'not-file', root);
      await rm(file);
      await symlink(path.join(dir, 'nowhere'), file);
      await checkedWithout(dir, 'not-file', root);
      await rm(file);
      await writeFile(file, '');
      await truncate(file, MAX_CACHE_BYTES + 1);
      await checkedWithout(dir, 'too-large', root);
      // Nothing was written over what kd would not read.
      expect((await stat(file)).size).toBe(MAX_CACHE_BYTES + 1);
      await rm(file);
      await mkdir(file);
      await checkedWithout(dir, 'not-file', root);
    },
  );

  it.runIf(process.platform !== 'win32')(
    'a folder anyone may write to (without the sticky bit) or another user owns',
    { timeout: HANG_GUARD },
    async () => {
      const dir = await cacheDir();
      await chmod(dir, 0o777);
      await checkedWithout(dir, 'writable');
      await chmod(dir, 0o1777);
      const root = await archiveWith(MINI, BROKEN);
      const sticky = await check(root, dir);
      expect(sticky.stats?.refusal).toBeUndefined();
      expect(sticky.stats?.written).toBe(true);
      await chmod(dir, 0o700);
      if (process.getuid?.() === 0) {
        await chown(dir, 65534, 65534);
        await checkedWithout(dir, 'owner');
        await chown(dir, 0, 0);
        const file = sticky.stats!.file!;
        await chown(file, 65534, 65534);
        await checkedWithout(dir, 'owner', root);
      }
    },
  );
});

describe('(e) the cache still works', () => {
  it('a cache of many megabytes holds every record whole, in UTF-8, and a second run reuses them all', {
    timeout: HANG_GUARD,
  }, async () => {
    const root = await cacheDir();
    const { protocols } = generate({ out: root, protocols: 1500, seed: 3 });
    const dir = await cacheDir();
    const cold = await check(root, dir);
    const { text, lines, byPath } = await cacheFile(cold.stats);
    // Written a megabyte at a time: lines that cross a chunk's end and letters of two bytes (å, ä, ö) come back whole.
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    expect(text).toMatch(/[åäö]/);
    expect(byPath.size).toBe(lines.length);
    expect([...byPath.keys()].filter((f) => f.startsWith('networks/') && f.includes('/protocols/'))).toHaveLength(protocols);
    expect(cold.stats).toMatchObject({ hits: 0, misses: lines.length, written: true });
    const warm = await check(root, dir);
    expect(warm.stats).toMatchObject({ hits: lines.length, misses: 0, rejected: 0, written: false });
    expect(warm.found).toEqual(cold.found);
  });

  it('a second run reuses every entry and writes nothing; a changed file is read again', async () => {
    const dir = await cacheDir();
    const root = await archiveWith(MINI, BROKEN);
    const first = await check(root, dir);
    expect(first.stats).toMatchObject({ hits: 0, misses: 5, rejected: 0, written: true });
    const text = await readFile(first.stats!.file!, 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(6);
    expect(await readdir(dir)).toEqual([path.basename(first.stats!.file!)]);

    const second = await check(root, dir);
    expect(second).toMatchObject({ code: 1, found: [BROKEN_FINDING], stderr: NO_GIT });
    expect(second.stats).toMatchObject({ hits: 5, misses: 0, rejected: 0, written: false });
    expect(await readFile(first.stats!.file!, 'utf8')).toBe(text);

    await writeFile(path.join(root, P2), replace('chair: anna-ahl\n', '')(await readFile(path.join(root, P2), 'utf8')));
    const third = await check(root, dir);
    expect(third.stats).toMatchObject({ hits: 4, misses: 1, rejected: 0, written: true });
    expect(third.found).toContainEqual(BROKEN_FINDING);
    // The cache is written by this user only, and no temporary file is left.
    expect(await readdir(dir)).toEqual([path.basename(first.stats!.file!)]);
  });

  it("a temporary file left by a kd that was stopped is removed when the cache is next written; a running kd's is left alone", async () => {
    const dir = await cacheDir();
    const root = await archiveWith(MINI, BROKEN);
    const file = (await check(root, dir)).stats!.file!;
    const gone = execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).trim();
    const temp = (pid: string | number) => `.${path.basename(file)}.${pid}-0123456789ab.tmp`;
    await writeFile(path.join(dir, temp(gone)), 'half a cache');
    await writeFile(path.join(dir, temp(process.pid)), 'being written');
    await writeFile(path.join(root, P2), replace('chair: anna-ahl\n', '')(await readFile(path.join(root, P2), 'utf8')));
    expect((await check(root, dir)).stats).toMatchObject({ misses: 1, written: true });
    expect((await readdir(dir)).sort()).toEqual([temp(process.pid), path.basename(file)].sort());
  });

  it('accepts every record kd itself makes, and refuses any other shape without throwing', async () => {
    const records = [];
    for (const root of [
      SAMPLE,
      MINI,
      await archiveWith(MINI, BROKEN),
      await archiveWith(MINI, { [P2]: replace('chair: anna-ahl\n', ''), 'people.yml': '\u0001' }),
    ]) {
      for (const f of (await readArchive(root)).files) records.push(processFile(f.path, f.kind, f.bytes));
    }
    expect(records.length).toBeGreaterThan(20);
    expect(records.some((r) => r.findings.length > 0)).toBe(true);
    for (const r of records) expect(recordOf(JSON.parse(JSON.stringify(r)), r.kind, r.path), r.path).toEqual(r);

    const r = JSON.parse(JSON.stringify(records.find((x) => x.path === P1 && x.findings.length > 0)!)) as Record<string, unknown>;
    const finding = (r.findings as Record<string, unknown>[])[0]!;
    const bad: unknown[] = [
      null,
      [],
      42,
      'record',
      { ...r, path: P2 },
      { ...r, kind: 'people' },
      { ...r, extra: 1 },
      { ...r, data: [] },
      { ...r, data: 'clean' },
      { ...r, positions: { date: [4, 7] } },
      { ...r, yaml: ['4', 7, 2] },
      { ...r, yaml: [4, 7] },
      { ...r, yaml: [9, 7, 2] },
      { ...r, yaml: {} },
      { ...r, sections: [{ no: 1 }] },
      { ...r, sections: {} },
      { ...r, findings: {} },
      { ...r, findings: [{ ...finding, file: P2 }] },
      { ...r, findings: [{ ...finding, severity: 'info' }] },
      { ...r, findings: [{ ...finding, line: -1 }] },
      { ...r, findings: [{ ...finding, line: 1.5 }] },
      { ...r, findings: [{ ...finding, message: { key: 'toString', data: {} } }] },
      { ...r, findings: [{ ...finding, message: { key: 'no.such.key', data: {} } }] },
      { ...r, findings: [{ ...finding, message: { key: 'file.unreadable', data: null } }] },
      { ...r, findings: [{ ...finding, extra: true }] },
      { ...r, findings: [null] },
    ];
    for (const value of bad) expect(recordOf(value, 'protocol', P1), JSON.stringify(value).slice(0, 80)).toBeUndefined();
  });
});

describe('the places of a finding are worked out when it needs them', () => {
  // P2 numbered 3: a gap after 1, found by a rule over the whole archive, about a file clean on its own.
  const GAP = 'networks/grupp/protocols/2019/2019-02-14-3.md';
  const gapped = async () =>
    archiveWith(MINI, { [P2]: null, [GAP]: (await readFile(path.join(MINI, P2), 'utf8')).replace('number: 2', 'number: 3') });

  it('a cross-file finding points at the same line and column whether its record was just made or came from the cache, which keeps no positions', async () => {
    const root = await gapped();
    const dir = await cacheDir();
    const cold = await check(root, dir);
    const warm = await check(root, dir);
    expect(cold.found).toEqual([{ rule: 'number-gap', file: GAP, line: 3, column: 9 }]);
    expect(warm.found).toEqual(cold.found);
    expect(warm.stats?.hits).toBe(warm.stats!.hits + warm.stats!.misses);
    const { byPath } = await cacheFile(warm.stats);
    const record = JSON.parse(jsonOf(byPath.get(GAP)!)) as Record<string, unknown>;
    expect(Object.keys(record)).not.toContain('positions');
    expect(record.yaml).toEqual([4, expect.any(Number), 2]);
  });

  it('a file changed after kd read it, before a finding asked for its lines: kd stops with a sentence (archive-changed), never points at a line that has moved', async () => {
    const root = await gapped();
    const { loadArchive } = await import('../src/model/index.js');
    const { runRules } = await import('../src/check/index.js');
    const archive = await loadArchive(root);
    await writeFile(path.join(root, GAP), (await readFile(path.join(root, GAP), 'utf8')).replace('---\n', '---\n# tillagd rad\n'));
    expect(() => runRules(archive)).toThrow(expect.objectContaining({ key: 'archive-changed', data: { file: GAP } }));
    // Replaced by a link out of the archive: not followed, and the same answer.
    const again = await loadArchive(root);
    await rm(path.join(root, GAP));
    await symlink(path.join(MINI, P2), path.join(root, GAP));
    expect(() => runRules(again)).toThrow(expect.objectContaining({ key: 'archive-changed' }));
    const { catalogue } = await import('../src/i18n/index.js');
    expect(catalogue('sv').cli.errors['archive-changed']({ file: GAP })).toBe(
      `${GAP} ändrades medan kd läste arkivet: det kd läste först stämmer inte längre med filen. Kör kommandot igen när ingen skriver i arkivet.`,
    );
  });

  it('what a section says is read from the file when a report asks, kept in neither the record nor the cache; a file changed since stops the report', async () => {
    const root = await gapped();
    const dir = await cacheDir();
    await check(root, dir);
    const { loadArchive } = await import('../src/model/index.js');
    const archive = await loadArchive(root, { cache: { dir, lang: 'sv' } });
    expect(lastCacheStats()?.misses).toBe(0);
    const { byPath } = await cacheFile(lastCacheStats());
    expect(jsonOf(byPath.get(GAP)!)).not.toContain('presenterades');
    const p = archive.protocols.find((r) => r.file === GAP)!;
    expect(Object.keys(p.sections[0]!)).toEqual(['no', 'title', 'heading', 'line', 'column']);
    expect([...p.summaries]).toEqual([
      [1, 'Budgeten presenterades.'],
      [2, 'Regionen informerade.'],
    ]);
    const later = await loadArchive(root, { cache: { dir, lang: 'sv' } });
    await writeFile(path.join(root, GAP), (await readFile(path.join(root, GAP), 'utf8')).replace('presenterades', 'antogs'));
    expect(() => later.protocols.find((r) => r.file === GAP)!.summaries).toThrow(
      expect.objectContaining({ key: 'archive-changed', data: { file: GAP } }),
    );
    // Read once: what the first archive was told stands.
    expect(p.summaries.get(1)).toBe('Budgeten presenterades.');
  });
});
