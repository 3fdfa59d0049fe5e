#!/usr/bin/env node
// npm run bench [-- --sizes 1000,10000 --runs 5 --only checkCold,index --results bench/results.json --peer-max 10000 --peer-runs 1]
// The 100,000-protocol run: npm run bench -- --sizes 100000 --only checkCold --results bench/results-100k.json
// Measures whole processes (wall time and peak memory), each figure the
// median of the runs, on deterministic synthetic archives, and prints every
// figure with its ratio to the floor (reading the files) and to the peer
// (remark-cli with remark-lint-frontmatter-schema). Writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';
import { TABLE, updateReadme } from './readme.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(REPO, 'bench', '.work');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const runs = Math.max(5, Number(arg('runs', 5)));
/** The peers are run up to this size; remark-cli only `--peer-runs` times (one by default: it takes minutes at 10,000, and kd is far enough ahead that one run decides). */
const peerLimit = Number(arg('peer-max', 10000));
const peerRuns = Math.max(1, Number(arg('peer-runs', 1)));
/** Only these figures (TABLE's keys, and `peer`), for a size where the rest would take hours. */
const only = arg('only', undefined)?.split(',');
const wanted = (key) => only === undefined || only.includes(key);
const resultsFile = path.resolve(REPO, arg('results', path.join('bench', 'results.json')));
const KD = path.join(REPO, 'bin', 'kd.js');
const RSS = path.join(REPO, 'bench', 'rss.mjs');

/** One run of a whole process: wall time, peak memory and CPU time, or undefined when it timed out. */
function once(argv, { cwd = REPO, env = {}, timeoutMs = 900_000 } = {}) {
  const rssFile = path.join(os.tmpdir(), `kd-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS, ...argv], {
    cwd,
    env: { ...process.env, KD_BENCH_RSS: rssFile, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    // A peer reports every finding on stderr (markdownlint-cli2: megabytes at 10,000 files); past the buffer it would be killed.
    maxBuffer: 1024 * 1024 * 1024,
    timeout: timeoutMs,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return undefined;
  const [rss, cpu] = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return { ms, mb: rss / 1024, cpuMs: cpu / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A command measured in turn with the floor (floor, command, floor,
 * command, …): each figure the median of the runs, and the ratio the
 * median of each run's ratio to the floor run just before it, so that a
 * figure does not swing with the machine's load.
 */
function measure(argv, { floor, before, argvFor, times = runs, ...opts } = {}) {
  const runsOf = [];
  for (let i = 0; i < times; i++) {
    const base = floor ? once(floor) : undefined;
    before?.(i);
    const m = once(argvFor ? argvFor(i) : argv, opts);
    if (m === undefined) return { timedOut: true };
    runsOf.push({ ...m, ratio: base ? m.ms / base.ms : undefined });
  }
  return {
    ms: median(runsOf.map((r) => r.ms)),
    mb: median(runsOf.map((r) => r.mb)),
    cpuMs: median(runsOf.map((r) => r.cpuMs)),
    ...(floor ? { ratio: median(runsOf.map((r) => r.ratio)) } : {}),
    runs: runsOf.length,
  };
}

const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs, sizes: {} };
const startup = {
  node: measure(['-e', '0']),
  kdVersion: measure([KD, '--version'], { floor: ['-e', '0'] }),
  kdCheckSample: measure([KD, 'check', '--archive', path.join(REPO, 'archive')], { floor: ['-e', '0'], env: { KD_CACHE: 'off' } }),
};
results.startup = startup;

for (const size of sizes) {
  const dir = path.join(WORK, String(size));
  const info = generate({ out: dir, protocols: size, seed: 1 });
  const lastYear = info.firstYear + info.years - 1;
  const cache = mkdtempSync(path.join(os.tmpdir(), 'kd-bench-cache-'));
  const kdEnv = { KD_CACHE_DIR: cache };
  const r = {};
  const floor = [path.join(REPO, 'bench', 'floor.js'), dir];
  r.floor = measure(floor);
  if (wanted('checkCold'))
    r.checkCold = measure([KD, 'check', '--archive', dir], {
      floor,
      env: kdEnv,
      before: () => rmSync(cache, { recursive: true, force: true }),
    });
  // Warm: the cache holds the archive; each run one protocol has changed since.
  spawnSync(process.execPath, [KD, 'check', '--archive', dir], { env: { ...process.env, ...kdEnv }, stdio: 'ignore' });
  const changed = path.join(dir, 'networks', 'net-01', 'protocols', String(info.firstYear), `${info.firstYear}-01-10-1.md`);
  if (wanted('checkWarm'))
    r.checkWarm = measure([KD, 'check', '--archive', dir], {
      floor,
      env: kdEnv,
      before: (i) => appendFileSync(changed, `Tillägg ${i}.\n`),
    });
  // From cold: no cache, no registers. Then again with nothing changed (the registers' stamp finds them current).
  const registers = path.join(dir, 'index');
  if (wanted('index'))
    r.index = measure([KD, 'index', '--archive', dir], {
      floor,
      env: kdEnv,
      before: () => {
        rmSync(cache, { recursive: true, force: true });
        rmSync(registers, { recursive: true, force: true });
      },
    });
  if (wanted('indexUnchanged')) {
    spawnSync(process.execPath, [KD, 'index', '--archive', dir], { env: { ...process.env, ...kdEnv }, stdio: 'ignore' });
    r.indexUnchanged = measure([KD, 'index', '--archive', dir], { floor, env: kdEnv });
  }
  if (wanted('report')) r.report = measure([KD, 'report', '--half', `${lastYear}H1`, '--archive', dir], { floor, env: kdEnv });
  // The site: built into a new folder each run (removing the last one just before would time the file system's cleanup
  // of it), then again into one folder with one protocol changed (only changed pages are written).
  const siteArgs = (out) => [KD, 'site', '--archive', dir, '--out', out, '--as-of', `${lastYear}-12-31`];
  const siteDir = (i) => path.join(WORK, `site-${size}-${i}`);
  if (wanted('siteCold') || wanted('siteWarm')) r.siteCold = measure(null, { floor, env: kdEnv, argvFor: (i) => siteArgs(siteDir(i)) });
  if (wanted('siteWarm'))
    r.siteWarm = measure(siteArgs(siteDir(0)), { floor, env: kdEnv, before: (i) => appendFileSync(changed, `Ändring ${i}.\n`) });
  for (let i = 0; i < runs; i++) rmSync(siteDir(i), { recursive: true, force: true });
  if (size <= peerLimit && wanted('peer')) {
    const schema = JSON.parse(spawnSync(process.execPath, [KD, 'schema', 'protocol'], { encoding: 'utf8' }).stdout);
    delete schema.$schema;
    writeFileSync(path.join(dir, 'protocol.schema.json'), JSON.stringify(schema));
    writeFileSync(
      path.join(dir, '.remarkrc.mjs'),
      `import remarkFrontmatter from 'remark-frontmatter';\nimport schema from 'remark-lint-frontmatter-schema';\nexport default { plugins: [remarkFrontmatter, [schema, { schemas: { './protocol.schema.json': ['networks/**/*.md'] } }]] };\n`,
    );
    r.peer = measure([path.join(REPO, 'node_modules', 'remark-cli', 'cli.js'), 'networks', '--quiet'], {
      cwd: dir,
      timeoutMs: 900_000,
      times: peerRuns,
    });
  }
  // markdownlint-cli2 with its default rules: Markdown style only, front matter skipped (it checks far less than kd).
  if (size <= peerLimit && wanted('markdownlint'))
    r.markdownlint = measure([path.join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), 'networks/**/*.md'], {
      cwd: dir,
      timeoutMs: 900_000,
    });
  rmSync(cache, { recursive: true, force: true });
  results.sizes[size] = { protocols: info.protocols, ...r };
}

writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

const fmt = (m) =>
  m?.timedOut ? 'timed out' : `${(m.ms / 1000).toFixed(2)} s (CPU ${(m.cpuMs / 1000).toFixed(2)} s), ${m.mb.toFixed(0)} MB`;
const ratio = (m) => (m && !m.timedOut && m.ratio !== undefined ? `${m.ratio.toFixed(1)}×` : '–');
const lines = [
  `kd benchmark — Node ${process.version}, ${os.cpus().length} cores, median of ${runs} runs, ratios paired with the floor`,
  '',
];
lines.push(`kd --version: ${fmt(startup.kdVersion)}, ${ratio(startup.kdVersion)} node -e 0 (target ≤ 2×)`);
lines.push(`kd check on the sample: ${fmt(startup.kdCheckSample)}, ${ratio(startup.kdCheckSample)} node -e 0 (target ≤ 3×)`);
for (const [size, r] of Object.entries(results.sizes)) {
  lines.push('', `${size} protocols`);
  lines.push(`  floor (read every file)   ${fmt(r.floor)}`);
  for (const [label, key] of TABLE)
    if (r[key]) lines.push(`  ${label.padEnd(26)}${fmt(r[key]).padEnd(34)} ${ratio(r[key]).padStart(6)} floor`);
  if (r.peer && r.checkCold)
    lines.push(`  peer (remark-cli + schema) ${fmt(r.peer)}, ${(r.peer.ms / r.checkCold.ms).toFixed(1)}× kd check cold`);
  if (r.markdownlint && r.checkCold)
    lines.push(`  peer (markdownlint-cli2)   ${fmt(r.markdownlint)}, ${(r.markdownlint.ms / r.checkCold.ms).toFixed(1)}× kd check cold`);
}
console.log(lines.join('\n'));
updateReadme();
