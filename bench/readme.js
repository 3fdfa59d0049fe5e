// The README's table of benchmark figures, made from bench/results.json
// (and bench/results-100k.json, the cold check at 100,000 protocols, when
// it is there): `node bench/readme.js` rewrites it between its two
// markers, and `npm run bench` does so after each run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** The commands measured at each size, as the table names them, with their target as a ratio to the floor. */
export const TABLE = [
  ['kd check, cold', 'checkCold', '≤ 3×', '`kd check` kall (tom cache)'],
  ['kd check, warm', 'checkWarm', '≤ 1,2×', '`kd check` varm (ett protokoll ändrat)'],
  ['kd index, cold', 'index', '≤ 5×', '`kd index` kall (ingen cache, inga register)'],
  ['kd index, unchanged', 'indexUnchanged', '≤ 1,5×', '`kd index` igen, inget ändrat'],
  ['kd report --half', 'report', '≤ 3×', '`kd report --half`'],
  ['kd site, cold', 'siteCold', '≤ 10×', '`kd site` i en ny mapp'],
  ['kd site, one changed', 'siteWarm', '', '`kd site` igen, ett protokoll ändrat'],
];

const sv = (n, digits) => n.toFixed(digits).replace('.', ',');
const seconds = (m) => `${sv(m.ms / 1000, 2)} s`;
const cell = (m) => (m === undefined ? '–' : m.timedOut ? 'tog för lång tid' : `${seconds(m)} (${sv(m.ratio, 1)}×)`);

export function readmeTable(results, large) {
  const sizes = Object.keys(results.sizes);
  const head = `| | ${sizes.map((s) => `${Number(s).toLocaleString('sv-SE')} protokoll`).join(' | ')} | mål |`;
  const rows = [head, `| --- | ${sizes.map(() => '---:').join(' | ')} | --- |`];
  const row = (label, values, target) => rows.push(`| ${label} | ${values.join(' | ')} | ${target} |`);
  row(
    'golvet: läsa alla filer',
    sizes.map((s) => seconds(results.sizes[s].floor)),
    '',
  );
  for (const [, key, target, label] of TABLE)
    row(
      label,
      sizes.map((s) => cell(results.sizes[s][key])),
      target ? `${target} golvet` : '',
    );
  row(
    'högsta minne, `kd check` kall',
    sizes.map((s) => `${sv(results.sizes[s].checkCold.mb, 0)} MB`),
    '≤ 300 MB vid 10 000',
  );
  // A peer's time, and how many times kd's cold check it is.
  const peer = (label, key, target) =>
    row(
      `jämförelsen (${label})`,
      sizes.map((s) => {
        const r = results.sizes[s];
        return r[key] ? `${seconds(r[key])} (kd ${sv(r[key].ms / r.checkCold.ms, 0)}× snabbare)` : '–';
      }),
      target,
    );
  peer('remark-cli', 'peer', 'kd ≥ 50× snabbare');
  peer('markdownlint-cli2', 'markdownlint', 'kd ≥ 5× snabbare');
  const start = results.startup;
  rows.push(
    '',
    `Uppstart: \`kd --version\` ${seconds(start.kdVersion)} (${sv(start.kdVersion.ratio, 1)}× \`node -e 0\`, mål ≤ 2×), ` +
      `\`kd check\` på exempelarkivet ${seconds(start.kdCheckSample)} (${sv(start.kdCheckSample.ratio, 1)}×, mål ≤ 3×). ` +
      `Node ${results.node}, ${results.cpus} kärnor, medianen av ${results.runs} körningar, ${results.date.slice(0, 10)}.`,
  );
  for (const [size, r] of Object.entries(large?.sizes ?? {}))
    if (r.checkCold)
      rows.push(
        '',
        `Vid ${Number(size).toLocaleString('sv-SE')} protokoll (\`npm run bench -- --sizes ${size} --only checkCold --results bench/results-100k.json\`): ` +
          `golvet ${seconds(r.floor)}, \`kd check\` kall ${cell(r.checkCold)} (mål ≤ 3×), högsta minne ${sv(r.checkCold.mb, 0)} MB (mål ≤ 600 MB); ` +
          `medianen av ${large.runs} körningar, ${large.date.slice(0, 10)}.`,
      );
  return rows.join('\n');
}

const readJson = (name) => {
  try {
    return JSON.parse(readFileSync(path.join(REPO, 'bench', name), 'utf8'));
  } catch {
    return undefined;
  }
};

export function updateReadme(results = readJson('results.json'), large = readJson('results-100k.json')) {
  const file = path.join(REPO, 'README.md');
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END}`);
  writeFileSync(file, `${text.slice(0, a + START.length)}\n${readmeTable(results, large)}\n${text.slice(b)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) updateReadme();
