import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveWith, MINI, NO_GIT, REPO, run } from './helpers.js';

/**
 * The corpus of broken and hostile protocols in tests/fixtures/bad: each
 * file replaces a valid protocol of the mini archive, and its
 * .expected.json holds every finding kd check must give (<bad> is the file
 * itself). A few cases need the file system or sizes no fixture should
 * hold; they are built below.
 */
const BAD = path.join(REPO, 'tests', 'fixtures', 'bad');
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';

interface Expected {
  file: string;
  rule: string;
  line: number;
  column: number;
  severity: string;
}

async function treeHash(root: string): Promise<string> {
  const hash = createHash('sha1');
  const walk = async (dir: string) => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      hash.update(p);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) hash.update(await readFile(p));
    }
  };
  await walk(root);
  return hash.digest('hex');
}

/** Runs kd check as a user would and asserts what every hostile case must hold. */
async function judged(root: string) {
  const before = await treeHash(root);
  const started = performance.now();
  const out = await run(['check', '--format', 'json'], { cwd: root });
  const elapsed = performance.now() - started;
  expect(out.stderr).toBe(NO_GIT);
  expect(out.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  // A guard against hangs, not a performance target (those live in npm run bench).
  expect(elapsed).toBeLessThan(10_000);
  expect(await treeHash(root)).toBe(before);
  const findings = JSON.parse(out.stdout).findings as (Expected & { file: string })[];
  return {
    code: out.code,
    findings: findings.map((f) => ({
      file: f.file === P2 ? '<bad>' : f.file,
      rule: f.rule,
      line: f.line,
      column: f.column,
      severity: f.severity,
    })),
  };
}

const corpus = readdirSync(BAD)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map(
    (f) =>
      [
        f.replace(/\.md$/, ''),
        JSON.parse(readFileSync(path.join(BAD, f.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected[],
      ] as const,
  );

describe('the corpus of bad protocols', () => {
  it('has more than 40 cases, and one valid control (BOM with CRLF)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(corpus.find(([name]) => name === 'bom-crlf-valid')![1]).toEqual([]);
  });

  it.each(corpus)('%s', async (name, expected) => {
    const root = await archiveWith(MINI, { [P2]: readFileSync(path.join(BAD, `${name}.md`)) });
    const result = await judged(root);
    expect(result.findings).toEqual(expected);
    expect(result.code).toBe(expected.some((f) => f.severity === 'error') ? 1 : 0);
  });
});

describe('hostile cases built by the test', () => {
  it('nesting 100,000 deep', async () => {
    const root = await archiveWith(MINI, { [P2]: `---\nnetwork: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n` });
    const result = await judged(root);
    expect(result.code).toBe(1);
    // The YAML parser stops where its nesting budget runs out; that column depends on the stack, the line does not.
    expect(result.findings).toEqual([{ file: '<bad>', rule: 'yaml-syntax', line: 2, column: expect.any(Number), severity: 'error' }]);
  });

  it('a 50 MB file is refused unread', async () => {
    const root = await archiveWith(MINI, { [P2]: Buffer.alloc(50 * 1024 * 1024, 'a') });
    const result = await judged(root);
    expect(result.findings).toEqual([{ file: '<bad>', rule: 'file', line: 1, column: 1, severity: 'error' }]);
  });

  it('a symbolic link to /dev/zero is not followed', async () => {
    const root = await archiveWith(MINI, { [P2]: null });
    await symlink('/dev/zero', path.join(root, P2));
    expect((await judged(root)).findings).toEqual([{ file: '<bad>', rule: 'file', line: 1, column: 1, severity: 'error' }]);
  });

  it('a symbolic link out of the archive is not followed', async () => {
    const root = await archiveWith(MINI, { [P2]: null, 'outside/secret.md': 'hemligt' });
    await mkdir(path.join(root, 'archive'));
    const inner = path.join(root, 'archive');
    for (const f of ['kd.yml', 'people.yml']) await writeFile(path.join(inner, f), await readFile(path.join(MINI, f)));
    await mkdir(path.join(inner, 'networks/grupp/protocols/2019'), { recursive: true });
    await writeFile(path.join(inner, 'networks/grupp/network.yml'), await readFile(path.join(MINI, 'networks/grupp/network.yml')));
    await writeFile(
      path.join(inner, 'networks/grupp/protocols/2019/2019-01-10-1.md'),
      await readFile(path.join(MINI, 'networks/grupp/protocols/2019/2019-01-10-1.md')),
    );
    await symlink(path.join(root, 'outside/secret.md'), path.join(inner, P2));
    const result = await judged(inner);
    expect(result.findings).toEqual([{ file: '<bad>', rule: 'file', line: 1, column: 1, severity: 'error' }]);
  });

  it('two files that differ only in case', async () => {
    const root = await archiveWith(MINI, { [P2.replace('.md', '.MD')]: await readFile(path.join(MINI, P2)) });
    const found = (await judged(root)).findings;
    expect(found).toEqual(
      [
        { file: P2.replace('.md', '.MD'), rule: 'file', line: 1, column: 1, severity: 'warning' },
        { file: P2, rule: 'file', line: 1, column: 1, severity: 'error' },
      ].map((f) => (f.file === P2 ? { ...f, file: '<bad>' } : f)),
    );
  });

  it('one name in NFC and in NFD as two files', async () => {
    const nfc = 'networks/grupp/protocols/2019/möte-\u00e5.md';
    const nfd = 'networks/grupp/protocols/2019/möte-a\u030a.md';
    const text = (await readFile(path.join(MINI, P2), 'utf8')).replace('number: 2', 'number: 3');
    const root = await archiveWith(MINI, { [nfc]: text, [nfd]: text });
    const found = (await judged(root)).findings.filter((f) => f.rule === 'file-name' || f.rule === 'number-duplicate');
    expect(found.map((f) => f.rule).sort()).toEqual(['file-name', 'file-name', 'number-duplicate']);
  });

  it('a decision in a network that only makes agreements', async () => {
    const root = await archiveWith(MINI, {
      'networks/grupp/network.yml': (await readFile(path.join(MINI, 'networks/grupp/network.yml'), 'utf8')).replace(
        'decides: true',
        'decides: false',
      ),
    });
    expect((await judged(root)).findings.filter((f) => f.file === '<bad>')).toEqual([
      { file: '<bad>', rule: 'decision-kind', line: 22, column: 5, severity: 'error' },
    ]);
  });
});
