import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGithub } from '../src/render/findings.js';
import { archiveWith, type Found, git, gitdir as gitdirOf, MINI, run } from './helpers.js';

/** A git repository holding a copy of the mini fixture archive, all committed on main. */
const gitdir = (extra: Record<string, string> = {}) => gitdirOf(MINI, extra);

const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';

async function edit(dir: string, rel: string, from: string, to: string) {
  const file = path.join(dir, rel);
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`not found: ${from}`);
  await writeFile(file, text.replace(from, to));
}

async function found(dir: string, args: string[] = []): Promise<Found[]> {
  const out = await run(['check', '--format', 'json', ...args], { cwd: dir });
  return JSON.parse(out.stdout).findings.map((f: Found & { key?: string }) => ({
    rule: f.rule,
    file: f.file,
    line: f.line,
    column: f.column,
  }));
}

describe('frozen approved protocols', () => {
  it('an edit to an approved protocol is an error at the changed line, shown as a pull-request annotation', async () => {
    const dir = await gitdir();
    await edit(dir, P1, 'present: [anna-ahl, bo-berg, cilla-cox, siv-sekr]', 'present: [anna-ahl, cilla-cox, bo-berg, siv-sekr]');
    expect(await found(dir)).toEqual([{ rule: 'frozen-protocol', file: P1, line: 12, column: 1 }]);
    const out = await run(['check', '--format', 'github'], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(
      new RegExp(
        `^::error file=${P1.replace(/[/.]/g, '\\$&')},line=12,col=1,title=kd frozen-protocol::Protokollet var justerat i [0-9a-f]{12} och får inte ändras`,
      ),
    );
  });

  it('a draft may change freely', async () => {
    const dir = await gitdir();
    await edit(dir, P2, 'place: Stadshuset, Bjuv', 'place: Rådhuset, Bjuv');
    expect(await found(dir)).toEqual([]);
  });

  it('a correction appended to corrections: is accepted', async () => {
    const dir = await gitdir();
    await edit(
      dir,
      P1,
      '---\n\n## 1. Budget',
      'corrections:\n  - { date: 2019-02-20, by: siv-sekr, what: Rättat beloppet i punkt 1. }\n---\n\n## 1. Budget',
    );
    expect(await found(dir)).toEqual([]);
    git(dir, 'commit', '-q', '-am', 'rättelse');
    // A second correction after the first: accepted too; changing the first is not.
    await edit(dir, P1, 'punkt 1. }\n', 'punkt 1. }\n  - { date: 2019-03-01, by: siv-sekr, what: Rättat ett namn. }\n');
    expect(await found(dir)).toEqual([]);
    await edit(dir, P1, 'Rättat beloppet', 'Ändrat beloppet');
    expect(await found(dir)).toEqual([{ rule: 'frozen-protocol', file: P1, line: 22, column: 1 }]);
  });

  it('with a correction written above an edit, points at the edit, not at the correction', async () => {
    const dir = await gitdir();
    await edit(
      dir,
      P1,
      'secretary: siv-sekr\n',
      'secretary: siv-sekr\ncorrections:\n  - { date: 2019-02-20, by: siv-sekr, what: Rättat beloppet i punkt 1. }\n',
    );
    await edit(dir, P1, 'att notera informationen.', 'att notera och sprida informationen.');
    expect(await found(dir)).toEqual([{ rule: 'frozen-protocol', file: P1, line: 22, column: 1 }]);
  });

  it('with a correction appended at the end and an edit in the text, points at the edit', async () => {
    const dir = await gitdir();
    await edit(dir, P1, '---\n\n## 1. Budget', 'corrections:\n  - { date: 2019-02-20, by: siv-sekr, what: Rättat. }\n---\n\n## 1. Budget');
    await edit(dir, P1, 'Sekretariatet redogjorde', 'Sekretariatet berättade');
    expect(await found(dir)).toEqual([{ rule: 'frozen-protocol', file: P1, line: 27, column: 1 }]);
  });

  it.each([
    ['an edit', (dir: string) => edit(dir, P1, 'status: justerat', 'status: utkast')],
    [
      'an edit, staged',
      async (dir: string) => {
        await edit(dir, P1, 'status: justerat', 'status: utkast');
        git(dir, 'add', P1);
      },
    ],
    ['a deletion, staged', async (dir: string) => git(dir, 'rm', '-q', P1)],
  ])('%s: the undo the message gives, run as written, makes the archive check clean', async (_, change) => {
    const dir = await gitdir();
    await change(dir);
    const out = await run(['check'], { cwd: dir });
    expect(out.code).toBe(1);
    const command = /: (git restore --source=[0-9a-f]{12} --staged --worktree -- \S+)/.exec(out.stdout)?.[1];
    expect(command).toBe(`git restore --source=${git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12)} --staged --worktree -- ${P1}`);
    git(dir, ...command!.split(' ').slice(1));
    expect(await found(dir)).toEqual([]);
  });

  it('a rename: the message says how to move it back, and doing so makes the archive check clean', async () => {
    const dir = await gitdir();
    const moved = 'networks/grupp/protocols/2019/2019-01-11-1.md';
    git(dir, 'mv', P1, moved);
    const out = await run(['check', '--lang', 'en'], { cwd: dir });
    expect(out.stdout).toContain(`Move it back with: git mv ${moved} ${P1}\n`);
    git(dir, 'mv', moved, P1);
    expect(await found(dir)).toEqual([]);
  });

  it('a status set back to utkast is an error at that line', async () => {
    const dir = await gitdir();
    await edit(dir, P1, 'status: justerat', 'status: utkast');
    expect(await found(dir)).toEqual([{ rule: 'frozen-protocol', file: P1, line: 8, column: 1 }]);
  });

  it('a rename is an error at the new path', async () => {
    const dir = await gitdir();
    const moved = 'networks/grupp/protocols/2019/2019-01-11-1.md';
    git(dir, 'mv', P1, moved);
    await edit(dir, moved, 'date: 2019-01-10', 'date: 2019-01-11');
    expect(await found(dir)).toEqual([{ rule: 'frozen-protocol', file: moved, line: 1, column: 1 }]);
  });

  it('a deletion is an error at the old path', async () => {
    const dir = await gitdir();
    await rm(path.join(dir, P2));
    await rm(path.join(dir, P1));
    expect(await found(dir)).toEqual([{ rule: 'frozen-protocol', file: P1, line: 1, column: 1 }]);
  });

  it('on a branch, judges against the merge-base with main, so a committed edit is still caught', async () => {
    const dir = await gitdir();
    git(dir, 'checkout', '-q', '-b', 'andring');
    await edit(dir, P1, 'att notera informationen.', 'att notera och sprida informationen.');
    git(dir, 'commit', '-q', '-am', 'ändring');
    expect(await found(dir)).toEqual([{ rule: 'frozen-protocol', file: P1, line: 20, column: 1 }]);
    expect(await found(dir, ['--base', 'HEAD'])).toEqual([]);
  });

  it('an unknown --base exits 2', async () => {
    const dir = await gitdir();
    expect(await run(['check', '--base', 'ingen-sådan'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kd: Okänd revision ”ingen-sådan”, förväntade en commit, gren eller tagg i arkivets git-förråd.\n',
    });
  });
});

describe('kd check --changed', () => {
  const other = {
    'networks/annat/network.yml':
      'name: Annat nätverk\nmission: Prov.\ndecides: true\nsubstitutes: none\nroster:\n  - { person: siv-sekr, from: 2018-01-01, role: secretary }\n',
    'networks/annat/protocols/2019/2019-01-20-1.md':
      '---\nnetwork: annat\nnumber: 1\ndate: 2019-01-20\ntime: "09:00-10:00"\nplace: Bjuv\nkind: protokoll\nstatus: utkast\nsecretary: siv-sekr\nattendance:\n  present: [siv-sekr]\nitems:\n  - no: 1\n    title: Start\n---\n\n## 1. Start\n',
  };

  it('reports only the changed files and what they touch', async () => {
    const dir = await gitdir(other);
    await edit(dir, P2, 'chair: anna-ahl', 'chair: cilla-cox');
    const all = await found(dir);
    expect(all.map((f) => f.rule)).toEqual(['chair-missing', 'officer-absent']);
    expect(await found(dir, ['--changed'])).toEqual([{ rule: 'officer-absent', file: P2, line: 9, column: 1 + 7 }]);
  });

  it('a changed people.yml touches every file', async () => {
    const dir = await gitdir(other);
    await edit(dir, 'people.yml', 'name: Bo Berg', 'name: Bo Bergh');
    expect((await found(dir, ['--changed'])).map((f) => f.rule)).toEqual(['chair-missing']);
  });

  it('outside git it cannot run: exit 2', async () => {
    const dir = await archiveWith(MINI);
    expect(await run(['check', '--changed'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kd: Arkivet ligger inte i ett git-förråd, så --at och --changed kan inte användas.\n',
    });
  });
});

describe('--at', () => {
  it('reproduces the earlier report without touching the working tree', async () => {
    const dir = await gitdir();
    const first = git(dir, 'rev-parse', 'HEAD').trim();
    const before = (await run(['report', '--half', '2019H1', '--format', 'json'], { cwd: dir })).stdout;
    expect((await run(['new-protocol', '--date', '2019-03-14', '--time', '09:00-12:00', '--place', 'Bjuv'], { cwd: dir })).code).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'protokoll 3');
    const now = JSON.parse((await run(['report', '--half', '2019H1', '--format', 'json'], { cwd: dir })).stdout);
    expect(now.overview.meetingsHeld).toBe(3);
    await writeFile(path.join(dir, 'anteckning.txt'), 'orörd\n');
    const listing = await readdir(path.join(dir, 'networks/grupp/protocols/2019'));
    const at = await run(['report', '--half', '2019H1', '--format', 'json', '--at', first], { cwd: dir });
    expect(at.stdout).toBe(before);
    expect(await readdir(path.join(dir, 'networks/grupp/protocols/2019'))).toEqual(listing);
    expect(git(dir, 'status', '--porcelain')).toBe('?? anteckning.txt\n');
  });

  it('works for the query commands and kd index --check', async () => {
    const dir = await gitdir();
    expect((await run(['index'], { cwd: dir })).code).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'register');
    const first = git(dir, 'rev-parse', 'HEAD').trim();
    await edit(dir, P2, 'present: [anna-ahl, siv-sekr]', 'present: [anna-ahl, siv-sekr]\n  remote: [cilla-cox]');
    await edit(dir, P2, '  substitutes: [{ for: cilla-cox, person: dan-dahl }]\n', '');
    expect((await run(['index', '--check'], { cwd: dir })).code).toBe(1);
    expect((await run(['index', '--check', '--at', first], { cwd: dir })).code).toBe(0);
    const decisions = JSON.parse((await run(['decisions', '--format', 'json', '--at', first], { cwd: dir })).stdout);
    expect(decisions.map((d: { id: string }) => d.id)).toEqual(['grupp 1/2019 §1:1', 'grupp 1/2019 §1:2', 'grupp 2/2019 §1:1']);
  });
});

describe('annotation and JUnit output', () => {
  it('escapes what GitHub would otherwise split on', () => {
    const text = renderGithub({
      findings: [
        {
          rule: 'schema',
          severity: 'warning',
          file: 'a,b:c.md',
          line: 2,
          column: 3,
          message: { key: 'schema.unknown-key', data: { key: '50%\nx' } },
        },
      ],
      files: 1,
      display: (f) => f,
      lang: 'en',
    });
    expect(text).toBe('::warning file=a%2Cb%3Ac.md,line=2,col=3,title=kd schema::Unknown key "50%25%0Ax".\n');
  });

  it('JUnit lists each file with findings as a failing case', async () => {
    const dir = await archiveWith(MINI, { [P2]: (s) => s.replace('chair: anna-ahl', 'chair: cilla-cox') });
    const out = await run(['check', '--format', 'junit'], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><testsuites name="kd check" tests="1" failures="1">/);
    expect(out.stdout).toContain(
      `<testcase classname="kd check" name="${P2}" file="${P2}"><failure type="officer-absent" message="Ordföranden ”cilla-cox” finns inte bland de närvarande`,
    );
    const clean = await run(['check', '--format', 'junit'], { cwd: await archiveWith(MINI) });
    expect(clean.stdout).toContain('<testcase classname="kd check" name="kd check"></testcase>');
  });
});
