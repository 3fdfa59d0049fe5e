import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveWith, MINI, NO_GIT, REPO, run } from './helpers.js';

/**
 * The secretary's mistakes, each as it happens in a month's work: the slip,
 * what kd check says of it (every finding, exact, with line and column, in
 * Swedish and English), and the fix the message itself tells her to make,
 * applied by reading the message: after it the archive checks clean. So a
 * hint is proven right, not only present. (YAML slips have their own table
 * in yaml-slips.test.ts; the frozen protocol's undo and the scaffold's
 * instruction are run as written in git.test.ts and new-protocol.test.ts.)
 */
const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';

interface Slip {
  name: string;
  file: string;
  slip: (text: string) => string;
  /** The lines kd check prints, in Swedish and in English. */
  sv: string[];
  en: string[];
  /** What the Swedish message says to do, done to the file's text: `said` is the message's own words, `line` the finding's line. */
  fix: (text: string, said: string, line: number) => string;
}

const sub = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`not in the fixture: ${from}`);
  return text.replace(from, to);
};
/** The word the message puts in `re`'s first group; a test fails at once if the message no longer says it. */
const said = (message: string, re: RegExp) => {
  const m = re.exec(message);
  if (!m) throw new Error(`the message does not say ${re}: ${message}`);
  return m[1]!;
};
/** `text` with its line `n` (1-based) changed. */
const onLine = (text: string, n: number, change: (line: string) => string) =>
  text
    .split('\n')
    .map((l, i) => (i === n - 1 ? change(l) : l))
    .join('\n');
const didYouMean = /menade du ([a-z0-9-]+|[a-z0-9-]+ \d+\/\d{4} §\d+:\d+)\?/;

const SLIPS: Slip[] = [
  {
    name: 'a person’s id misspelt in the attendance',
    file: P2,
    slip: sub('present: [anna-ahl, siv-sekr]', 'present: [ana-ahl, siv-sekr]'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:12:13  fel  [unknown-person] attendance, present nr 1: Okänd person ”ana-ahl”, förväntade ett id ur people.yml; menade du anna-ahl?',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:12:13  error  [unknown-person] attendance, present no. 1: Unknown person "ana-ahl", expected an id from people.yml; did you mean anna-ahl?',
    ],
    fix: (text, message, line) => onLine(text, line, (l) => l.replace('ana-ahl', said(message, didYouMean))),
  },
  {
    name: 'the principal of a substitute misspelt',
    file: P2,
    slip: sub('for: cilla-cox', 'for: cila-cox'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:15:24  fel  [unknown-person] attendance, substitutes nr 1, for: Okänd person ”cila-cox”, förväntade ett id ur people.yml; menade du cilla-cox?',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:15:24  error  [unknown-person] attendance, substitutes no. 1, for: Unknown person "cila-cox", expected an id from people.yml; did you mean cilla-cox?',
    ],
    fix: (text, message, line) => onLine(text, line, (l) => l.replace('cila-cox', said(message, didYouMean))),
  },
  {
    name: 'an assignment’s owner misspelt',
    file: P1,
    slip: sub('owner: siv-sekr', 'owner: siv-sek'),
    sv: [
      'networks/grupp/protocols/2019/2019-01-10-1.md:18:16  fel  [unknown-owner] punkt 1, beslut 1, owner: Okänd ansvarig ”siv-sek”, förväntade ett id ur people.yml eller en etikett under owners: i kd.yml; menade du siv-sekr?',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-01-10-1.md:18:16  error  [unknown-owner] item 1, decision 1, owner: Unknown owner "siv-sek", expected an id from people.yml or a label under owners: in kd.yml; did you mean siv-sekr?',
    ],
    fix: (text, message, line) => onLine(text, line, (l) => l.replace('siv-sek', said(message, didYouMean))),
  },
  {
    name: 'a key misspelt (attendance)',
    file: P2,
    slip: sub('attendance:', 'atendance:'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:11:1  fel  [schema] atendance: Okänd nyckel ”atendance”, förväntade ”attendance”: rätta stavningen.',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:11:1  error  [schema] atendance: Unknown key "atendance", expected "attendance": correct the spelling.',
    ],
    fix: (text, message, line) =>
      onLine(text, line, (l) => l.replace('atendance', said(message, /förväntade ”([^”]+)”: rätta stavningen/))),
  },
  {
    name: 'a key misspelt where it may be left out (summary)',
    file: P2,
    slip: sub('    title: Budget\n', '    title: Budget\n    sammanfattning: Budgeten för 2019.\n'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:21:5  fel  [schema] punkt 1, sammanfattning: Okänd nyckel ”sammanfattning”, förväntade ”summary”: rätta stavningen.',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:21:5  error  [schema] item 1, sammanfattning: Unknown key "sammanfattning", expected "summary": correct the spelling.',
    ],
    fix: (text, message, line) =>
      onLine(text, line, (l) => l.replace('sammanfattning', said(message, /förväntade ”([^”]+)”: rätta stavningen/))),
  },
  {
    name: 'the protocol’s number copied from the previous one',
    file: P2,
    slip: sub('number: 2', 'number: 1'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:3:9  fel  [file-name] number: Oväntat nummer 1, förväntade 2 som i filnamnet 2019-02-14-2.md och i årets ordning.',
    ],
    en: [
      "networks/grupp/protocols/2019/2019-02-14-2.md:3:9  error  [file-name] number: Unexpected number 1, expected 2 as in the file name 2019-02-14-2.md and in the year's order.",
    ],
    fix: (text, message, line) => onLine(text, line, () => `number: ${said(message, /förväntade (\d+) som i filnamnet/)}`),
  },
  {
    name: 'an item numbered one too high',
    file: P2,
    slip: sub('  - no: 2', '  - no: 3'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:24:9  fel  [item-numbering] punkt 2, no: Oväntat punktnummer 3, förväntade 2: punkterna numreras 1, 2, 3 … utan luckor.',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:24:9  error  [item-numbering] item 2, no: Unexpected item number 3, expected 2: items are numbered 1..n.',
    ],
    fix: (text, message, line) => onLine(text, line, () => `  - no: ${said(message, /förväntade (\d+):/)}`),
  },
  {
    name: 'a heading numbered one too high',
    file: P2,
    slip: sub('## 2. Regionens strategi', '## 3. Regionens strategi'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:32:1  fel  [section-extra] Oväntat nummer i rubriken ”## 3. Regionens strategi”, förväntade ## 2. som punkten med samma rubrik under items.',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:32:1  error  [section-extra] Unexpected number in the heading "## 3. Regionens strategi", expected ## 2. as the item with the same title under items.',
    ],
    fix: (text, message, line) => onLine(text, line, (l) => l.replace(/^## \d+\./, `## ${said(message, /förväntade ## (\d+)\./)}.`)),
  },
  {
    name: 'a follow-up of an assignment with the item’s number wrong',
    file: P2,
    slip: sub('"grupp 1/2019 §1:1"', '"grupp 1/2019 §2:1"'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:21:18  fel  [follows-up] punkt 1, uppföljning 1: Okänt beslut ”grupp 1/2019 §2:1”, förväntade ett besluts-id som finns i arkivet; menade du grupp 1/2019 §1:1?',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:21:18  error  [follows-up] item 1, follow-up 1: Unknown decision "grupp 1/2019 §2:1", expected the id of a decision in the archive; did you mean grupp 1/2019 §1:1?',
    ],
    fix: (text, message, line) => onLine(text, line, (l) => l.replace('grupp 1/2019 §2:1', said(message, didYouMean))),
  },
  {
    name: 'the status written as it is said (justerad)',
    file: P2,
    slip: sub('status: utkast', 'status: justerad'),
    sv: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:8:9  fel  [schema] status: Oväntat ”justerad”, förväntade utkast eller justerat; menade du justerat?',
    ],
    en: [
      'networks/grupp/protocols/2019/2019-02-14-2.md:8:9  error  [schema] status: Unexpected "justerad", expected utkast or justerat; did you mean justerat?',
    ],
    fix: (text, message, line) => onLine(text, line, () => `status: ${said(message, /menade du (\S+)\?/)}`),
  },
];

async function check(root: string, lang: 'sv' | 'en') {
  const out = await run(['check', '--lang', lang], { cwd: root });
  expect(out.stderr).toBe(
    lang === 'sv' ? NO_GIT : 'kd: The history rule (frozen-protocol) was skipped: the archive is not in a git repository.\n',
  );
  return out;
}

describe('the secretary’s mistakes: one finding each, in her words, with a fix that works', () => {
  it.each(SLIPS.map((s) => [s.name, s] as const))('%s', async (_, s) => {
    const root = await archiveWith(MINI, { [s.file]: s.slip });
    const sv = await check(root, 'sv');
    expect(sv.code).toBe(1);
    expect(sv.stdout.split('\n').slice(0, -3)).toEqual(s.sv);
    const en = await check(root, 'en');
    expect(en.stdout.split('\n').slice(0, -3)).toEqual(s.en);

    // The real bin says the same.
    const env = { ...process.env, KD_CACHE: 'off', NO_COLOR: '1' } as NodeJS.ProcessEnv;
    delete env.CI;
    const bin = spawnSync(process.execPath, [path.join(REPO, 'bin', 'kd.js'), 'check'], { cwd: root, env, encoding: 'utf8' });
    expect({ code: bin.status, stdout: bin.stdout }).toEqual({ code: 1, stdout: sv.stdout });

    // Do what the (first) message says; nothing else.
    const first = s.sv[0]!;
    const line = Number(/:(\d+):\d+ /.exec(first)![1]);
    const file = path.join(root, s.file);
    await writeFile(file, s.fix(await readFile(file, 'utf8'), first, line));
    const after = await check(root, 'sv');
    expect(after.stdout).toMatch(/^Inga anmärkningar i \d+ filer\.\n$/);
    expect(after.code).toBe(0);
  });
});
