#!/usr/bin/env node
// npm run bench [-- --sizes 1000,10000 --runs 5]
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

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(REPO, 'bench', '.work');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const runs = Math.max(5, Number(arg('runs', 5)));
const peerLimit = Number(arg('peer-max', 1000));
const KD = path.join(REPO, 'bin', 'kd.js');
const RSS = path.join(REPO, 'bench', 'rss.mjs');

function measure(argv, { cwd = REPO, env = {}, before, timeoutMs = 600_000 } = {}) {
  const times = [];
  const mems = [];
  for (let i = 0; i < runs; i++) {
    before?.(i);
    const rssFile = path.join(os.tmpdir(), `kd-bench-rss-${process.pid}`);
    rmSync(rssFile, { force: true });
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', RSS, ...argv], {
      cwd,
      env: { ...process.env, KD_BENCH_RSS: rssFile, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: timeoutMs,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.error?.code === 'ETIMEDOUT' || r.signal) return { timedOut: true };
    times.push(ms);
    mems.push(Math.max(0, ...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(times), mb: median(mems), runs: times.length };
}

const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs, sizes: {} };
const startup = {
  node: measure(['-e', '0']),
  kdVersion: measure([KD, '--version']),
};
results.startup = startup;

for (const size of sizes) {
  const dir = path.join(WORK, String(size));
  const info = generate({ out: dir, protocols: size, seed: 1 });
  const lastYear = info.firstYear + info.years - 1;
  const cache = mkdtempSync(path.join(os.tmpdir(), 'kd-bench-cache-'));
  const kdEnv = { KD_CACHE_DIR: cache };
  const r = {};
  r.floor = measure([path.join(REPO, 'bench', 'floor.js'), dir]);
  r.checkCold = measure([KD, 'check', '--archive', dir], { env: kdEnv, before: () => rmSync(cache, { recursive: true, force: true }) });
  // Warm: the cache holds the archive; each run one protocol has changed since.
  spawnSync(process.execPath, [KD, 'check', '--archive', dir], { env: { ...process.env, ...kdEnv }, stdio: 'ignore' });
  const changed = path.join(dir, 'networks', 'net-01', 'protocols', String(info.firstYear), `${info.firstYear}-01-10-1.md`);
  r.checkWarm = measure([KD, 'check', '--archive', dir], { env: kdEnv, before: (i) => appendFileSync(changed, `Tillägg ${i}.\n`) });
  r.index = measure([KD, 'index', '--archive', dir], { env: kdEnv });
  r.report = measure([KD, 'report', '--half', `${lastYear}H1`, '--archive', dir], { env: kdEnv });
  // The site: built afresh, then again into the same folder with one protocol changed (only changed pages are written).
  const site = path.join(WORK, `site-${size}`);
  const siteArgs = [KD, 'site', '--archive', dir, '--out', site, '--as-of', `${lastYear}-12-31`];
  r.siteCold = measure(siteArgs, { env: kdEnv, before: () => rmSync(site, { recursive: true, force: true }) });
  r.siteWarm = measure(siteArgs, { env: kdEnv, before: (i) => appendFileSync(changed, `Ändring ${i}.\n`) });
  rmSync(site, { recursive: true, force: true });
  if (size <= peerLimit) {
    const schema = JSON.parse(spawnSync(process.execPath, [KD, 'schema', 'protocol'], { encoding: 'utf8' }).stdout);
    delete schema.$schema;
    writeFileSync(path.join(dir, 'protocol.schema.json'), JSON.stringify(schema));
    writeFileSync(
      path.join(dir, '.remarkrc.mjs'),
      `import remarkFrontmatter from 'remark-frontmatter';\nimport schema from 'remark-lint-frontmatter-schema';\nexport default { plugins: [remarkFrontmatter, [schema, { schemas: { './protocol.schema.json': ['networks/**/*.md'] } }]] };\n`,
    );
    r.peer = measure([path.join(REPO, 'node_modules', 'remark-cli', 'cli.js'), 'networks', '--quiet'], { cwd: dir, timeoutMs: 900_000 });
  }
  rmSync(cache, { recursive: true, force: true });
  results.sizes[size] = { protocols: info.protocols, ...r };
}

writeFileSync(path.join(REPO, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (m) => (m?.timedOut ? 'timed out' : `${(m.ms / 1000).toFixed(2)} s, ${m.mb.toFixed(0)} MB`);
const ratio = (a, b) => (a && b && !a.timedOut && !b.timedOut ? `${(a.ms / b.ms).toFixed(1)}×` : '–');
const lines = [`kd benchmark — Node ${process.version}, ${os.cpus().length} cores, median of ${runs} runs`, ''];
lines.push(
  `kd --version: ${fmt(startup.kdVersion)} (${ratio(startup.kdVersion, startup.node)} node -e 0 at ${fmt(startup.node)}; target ≤ 2×)`,
);
for (const [size, r] of Object.entries(results.sizes)) {
  lines.push('', `${size} protocols`);
  lines.push(`  floor (read every file)   ${fmt(r.floor)}`);
  const row = (label, m, target) =>
    lines.push(
      `  ${label.padEnd(26)}${fmt(m).padEnd(18)} ${ratio(m, r.floor).padStart(6)} floor${r.peer ? `, peer ${ratio(r.peer, m)} slower` : ''}${target ? `   (target ${target})` : ''}`,
    );
  row('kd check, cold', r.checkCold, '≤ 6× floor, peer ≥ 30× slower');
  row('kd check, warm', r.checkWarm, '≤ 2× floor');
  row('kd index', r.index);
  row('kd report --half', r.report, '≤ 6× floor');
  row('kd site, cold', r.siteCold, '≤ 10× floor');
  row('kd site, one changed', r.siteWarm);
  if (r.peer) lines.push(`  peer (remark-cli + schema) ${fmt(r.peer)}`);
}
lines.push('', `Peak memory target at 10,000: ≤ 300 MB. Results in bench/results.json.`);
console.log(lines.join('\n'));
