import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/check/archive.js';
import { allRules } from '../src/check/rules.js';
import { COMMIT_ID, EXAMPLE_ARCHIVE } from '../src/core/examples.js';
import type { Example, ExpectedFinding } from '../src/core/rule.js';
import { catalogue, type MessageKey } from '../src/i18n/index.js';
import { git } from './helpers.js';

/**
 * The rule tester: every rule's examples are its tests, as remark-lint's are.
 * An example that passes gives no finding at all; one that fails gives
 * exactly the findings it names, by message key, data and position.
 */

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

async function write(dir: string, files: Readonly<Record<string, string | null>>) {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, ...rel.split('/'));
    if (text === null) await rm(file, { force: true });
    else {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    }
  }
}

/** The example archive with the example laid over it, checked as `kd check` does. */
async function findingsOf(example: Example): Promise<(ExpectedFinding & { rule: string })[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-rule-'));
  made.push(dir);
  await write(dir, EXAMPLE_ARCHIVE);
  let base: string | undefined;
  if (example.committed) {
    await write(dir, example.committed);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
    base = git(dir, 'rev-parse', 'HEAD').trim();
  }
  await write(dir, example.files);
  const out = await checkArchive({ cwd: dir, env: { KD_CACHE: 'off' }, ...(base ? { base } : {}) });
  return out.findings.map((f) => ({
    rule: f.rule,
    file: f.file,
    line: f.line,
    column: f.column,
    key: f.message.key,
    // The commit's id differs with every run: the examples name it by a sample id.
    data: Object.fromEntries(Object.entries(f.message.data ?? {}).map(([k, v]) => [k, base && v === base.slice(0, 12) ? COMMIT_ID : v])),
  }));
}

it('the example archive itself passes every rule', async () => {
  expect(await findingsOf({ files: {} })).toEqual([]);
});

describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (_, rule) => {
  it('has at least one passing and one failing example', () => {
    expect(rule.examples.ok.length).toBeGreaterThan(0);
    expect(rule.examples.notOk.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.ok.map((example, i) => [i + 1, example] as const))('passing example %i gives no finding', async (_, example) => {
    expect(await findingsOf(example)).toEqual([]);
  });

  it.each(rule.examples.notOk.map((example, i) => [i + 1, example] as const))(
    'failing example %i gives exactly its findings',
    async (_, example) => {
      const found = await findingsOf(example);
      expect(found.filter((f) => f.rule === rule.id).map(({ rule: _, ...f }) => f)).toEqual(example.findings);
      // Only the rule's own messages; and a finding of another rule would make the example a poor one to show.
      expect(found.filter((f) => f.rule !== rule.id)).toEqual([]);
    },
  );
});

/** Messages no example can give from text alone: they need the file system or the operating system to misbehave. */
const UNEXAMPLED: Partial<Record<MessageKey, string>> = {
  'file.too-large': 'a file over 1 MiB (tested in loader.test.ts)',
  'file.unreadable': 'a file the system refuses to read: kd runs as root here and in CI, which reads every file',
  'file.symlink-outside': 'a symbolic link (tested in loader.test.ts)',
  'file.symlink-dir': 'a symbolic link to a folder inside the archive (tested below)',
  'file.not-regular': 'a pipe among the protocols (tested in trust.test.ts)',
  'file.name-encoding': 'a file name that is not UTF-8 (tested below)',
  'file.case-collision': 'two names differing in case, which not every file system can hold (tested in hostile.test.ts)',
  'file.encoding': 'bytes that are not UTF-8, which an example written as text cannot hold (tested in loader.test.ts)',
  'frozen.not-regular': 'a symbolic link replacing an approved protocol (tested in trust.test.ts)',
  'frozen.renamed':
    'a rename staged with git mv, which the tester cannot stage: a file moved but not staged reads as deleted (tested in git.test.ts)',
  'yaml.more': 'more than two hundred YAML errors in one file (tested in bounded.test.ts)',
};

it('every message of every rule is shown by a failing example, or is named here with the test that covers it', () => {
  const shown = new Set(allRules.flatMap((r) => r.examples.notOk.flatMap((e) => e.findings.map((f) => f.key))));
  const missing = allRules.flatMap((r) => Object.keys(r.messages)).filter((k) => !shown.has(k as MessageKey) && !(k in UNEXAMPLED));
  expect(missing).toEqual([]);
});

it('every finding message belongs to exactly one rule, and every rule is described in the catalogue', () => {
  const owners = allRules.flatMap((r) => Object.keys(r.messages));
  expect(new Set(owners).size).toBe(owners.length);
  expect(new Set(owners)).toEqual(new Set(Object.keys(catalogue('sv').messages)));
  expect(allRules.map((r) => r.id).sort()).toEqual(Object.keys(catalogue('sv').rules).sort());
});

describe('what an example written as text cannot hold', () => {
  /** The example archive, with something done to it on disk; its findings as the tester reads them. */
  async function onDisk(change: (dir: string) => Promise<void>) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-rule-'));
    made.push(dir);
    await write(dir, EXAMPLE_ARCHIVE);
    await change(dir);
    const out = await checkArchive({ cwd: dir, env: { KD_CACHE: 'off' } });
    return out.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      key: f.message.key,
    }));
  }

  it('a network folder that is a symbolic link is not followed, with a warning (file.symlink-dir)', async () => {
    const found = await onDisk((dir) => symlink(path.join(dir, 'networks', 'ledning'), path.join(dir, 'networks', 'kopia')));
    expect(found).toEqual([{ rule: 'file', severity: 'warning', file: 'networks/kopia', line: 1, column: 1, key: 'file.symlink-dir' }]);
  });

  it('a protocol whose file name is not UTF-8 is named as such, not passed over (file.name-encoding)', async () => {
    const found = await onDisk((dir) =>
      writeFile(
        Buffer.concat([Buffer.from(path.join(dir, 'networks/ledning/protocols/2024/')), Buffer.from([0x66, 0xf6, 0x72, 0x2e, 0x6d, 0x64])]),
        'x',
      ),
    );
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'file',
        severity: 'error',
        file: 'networks/ledning/protocols/2024/f\uFFFDr.md',
        key: 'file.name-encoding',
      }),
    ]);
  });
});
