import { existsSync } from 'node:fs';
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../src/archive/read.js';
import { processFile } from '../src/model/file.js';
import { archiveWith, findings, MINI, NO_GIT, replace, run } from './helpers.js';

const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';
const original = () => readFile(path.join(MINI, P2), 'utf8');

/** Each refusal of the loader: a positioned finding, exit 1, and no stack trace. */
async function refused(changes: Parameters<typeof archiveWith>[1]) {
  const root = await archiveWith(MINI, changes);
  const cli = await run(['check', '--format', 'json'], { cwd: root });
  expect(cli.code).toBe(1);
  expect(cli.stderr).toBe(NO_GIT);
  expect(cli.stdout).not.toMatch(/\bat .*\.js:\d+/);
  return findings(root);
}

describe('the loader refuses unsafe or broken files, each with a position', () => {
  it('front matter that is never closed', async () => {
    expect(await refused({ [P2]: replace('---\n\n## 1.', '\n## 1.') })).toEqual([
      { rule: 'front-matter', file: P2, line: 1, column: 1, severity: 'error' },
    ]);
  });

  it('a ---js block is refused and nothing in it runs', async () => {
    const marker = path.join(os.tmpdir(), `kd-pwned-${process.pid}-${Date.now()}`);
    const js = `---js\n{ network: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), globalThis.kdPwned = true, 'grupp') }\n---\n\n## 1. Budget\n`;
    expect(await refused({ [P2]: js })).toEqual([{ rule: 'front-matter', file: P2, line: 1, column: 1, severity: 'error' }]);
    expect(existsSync(marker)).toBe(false);
    expect((globalThis as { kdPwned?: boolean }).kdPwned).toBeUndefined();
  });

  it('line 1 that is not exactly ---', async () => {
    expect(await refused({ [P2]: (s) => `# Protokoll\n${s}` })).toEqual([
      { rule: 'front-matter', file: P2, line: 1, column: 1, severity: 'error' },
    ]);
  });

  it('tab indentation', async () => {
    expect(await refused({ [P2]: replace('  present: [anna-ahl, siv-sekr]', '\tpresent: [anna-ahl, siv-sekr]') })).toEqual([
      { rule: 'yaml-syntax', file: P2, line: 12, column: 1, severity: 'error' },
    ]);
  });

  it('a duplicate key, at the second key', async () => {
    expect(await refused({ [P2]: replace('number: 2\n', 'number: 2\nnumber: 3\n') })).toEqual([
      { rule: 'yaml-syntax', file: P2, line: 4, column: 1, severity: 'error' },
    ]);
  });

  it('an alias, at the alias', async () => {
    const changes = {
      [P2]: (s: string) => replace('secretary: siv-sekr', 'secretary: *c')(replace('chair: anna-ahl', 'chair: &c anna-ahl')(s)),
    };
    expect(await refused(changes)).toEqual([{ rule: 'yaml-alias', file: P2, line: 10, column: 12, severity: 'error', key: 'secretary' }]);
  });

  it('a billion-laughs document is refused without expanding it', async () => {
    const bomb = [
      '---',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [*${'abcdefgh'[i]}, *${'abcdefgh'[i]}, *${'abcdefgh'[i]}]`),
      '---',
      '',
    ].join('\n');
    const found = await refused({ [P2]: bomb });
    expect(found.every((f) => f.rule === 'yaml-alias')).toBe(true);
    expect(found[0]).toMatchObject({ line: 3, column: 8 });
  });

  it('a Windows-1252 file, at the first byte that is not UTF-8', async () => {
    const text = (await original()).replace('place: Stadshuset, Bjuv', 'place: Stadshuset, Bjäv');
    const bytes = Buffer.from(text, 'latin1');
    const found = await refused({ [P2]: bytes });
    expect(found).toEqual([{ rule: 'encoding', file: P2, line: 6, column: 22, severity: 'error' }]);
    const cli = await run(['check'], { cwd: await archiveWith(MINI, { [P2]: bytes }) });
    expect(cli.stdout).toContain('oväntad byte 0xE4 (”ä” i Windows-1252). Spara om filen som UTF-8.');
  });

  it('a symbolic link out of the archive is not followed', async () => {
    const outside = path.join(await mkdtemp(path.join(os.tmpdir(), 'kd-outside-')), 'secret.md');
    await writeFile(outside, 'lösenord: hemligt\n');
    const root = await archiveWith(MINI, { [P2]: null });
    await symlink(outside, path.join(root, P2));
    expect(await findings(root)).toEqual([{ rule: 'file', file: P2, line: 1, column: 1, severity: 'error' }]);
    const cli = await run(['check'], { cwd: root });
    expect(cli.code).toBe(1);
    expect(cli.stdout).not.toContain('hemligt');
  });

  it('a file over the size cap is not read', async () => {
    const big = `${await original()}\n${'Lång text. '.repeat(Math.ceil(MAX_FILE_BYTES / 10))}`;
    expect(await refused({ [P2]: big })).toEqual([{ rule: 'file', file: P2, line: 1, column: 1, severity: 'error' }]);
  });

  it('an unquoted 17:45 stays the string "17:45", never the YAML 1.1 number 1065', async () => {
    const text = (await original()).replace('until: "11:00"', 'until: 11:00').replace('time: "09:00-12:00"', 'time: 17:45');
    const record = processFile(P2, 'protocol', Buffer.from(text));
    expect(record.findings.map((f) => ({ rule: f.rule, line: f.line, column: f.column, data: f.message.data }))).toEqual([
      { rule: 'schema', line: 5, column: 7, data: { expected: { name: 'time-range' }, found: '17:45' } },
    ]);
    const ok = processFile(P2, 'protocol', Buffer.from((await original()).replace('until: "11:00"', 'until: 11:00')));
    expect(ok.findings).toEqual([]);
    expect((ok.data as { attendance: { partial: { until: string }[] } }).attendance.partial[0]!.until).toBe('11:00');
  });

  it('dates stay strings, not Date objects', async () => {
    const record = processFile(P2, 'protocol', Buffer.from(await original()));
    expect((record.data as { date: unknown }).date).toBe('2019-02-14');
  });

  it('a BOM and CRLF line ends are accepted, with the same positions', async () => {
    const crlf = `\uFEFF${(await original()).replace(/\n/g, '\r\n')}`;
    expect(await findings(await archiveWith(MINI, { [P2]: crlf }))).toEqual([]);
    const broken = crlf.replace('chair: anna-ahl', 'chair: cilla-cox');
    expect(await findings(await archiveWith(MINI, { [P2]: broken }))).toEqual([
      { rule: 'officer-absent', file: P2, line: 9, column: 8, severity: 'error', key: 'chair' },
    ]);
  });

  it('one broken file does not hide the findings of another', async () => {
    const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';
    const found = await findings(
      await archiveWith(MINI, {
        [P2]: replace('number: 2\n', 'number: 2\nnumber: 3\n'),
        [P1]: replace('chair: anna-ahl', 'chair: dan-dahl'),
      }),
    );
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([`${P1}:9:8 officer-absent`, `${P2}:4:1 yaml-syntax`]);
  });
});
