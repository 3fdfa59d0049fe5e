import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { archiveWith, MINI, made, NO_GIT, REPO, replace, run } from './helpers.js';

const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';
const brokenChair = { [P2]: replace('chair: anna-ahl', 'chair: cilla-cox') };

describe('exit codes and messages', () => {
  it('a finding in Swedish by default, as file:line:col, severity, rule, key and sentence', async () => {
    const root = await archiveWith(MINI, brokenChair);
    expect(await run(['check'], { cwd: root })).toEqual({
      code: 1,
      stdout:
        `${P2}:9:8  fel  [officer-absent] chair: Ordföranden ”cilla-cox” finns inte bland de närvarande, förväntade närvaro (present, partial eller remote).\n` +
        '\n1 fel, 0 varningar i 1 fil.\n',
      stderr: NO_GIT,
    });
  });

  it('the same finding in English with --lang en', async () => {
    const root = await archiveWith(MINI, brokenChair);
    const out = await run(['check', '--lang', 'en'], { cwd: root });
    expect(out.stdout).toBe(
      `${P2}:9:8  error  [officer-absent] chair: The chair "cilla-cox" is not among those attending, expected attendance (present, partial or remote).\n` +
        '\n1 error, 0 warnings in 1 file.\n',
    );
  });

  it('the archive’s own locale applies when no --lang is given', async () => {
    const root = await archiveWith(MINI, { ...brokenChair, 'kd.yml': replace('locale: sv', 'locale: en') });
    expect((await run(['check'], { cwd: root })).stdout).toContain('1 error, 0 warnings in 1 file.');
  });

  it('json output names file, line, column, rule, key and message', async () => {
    const root = await archiveWith(MINI, brokenChair);
    const out = await run(['check', '--format', 'json', '--lang', 'en'], { cwd: root });
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({
      findings: [
        {
          file: P2,
          line: 9,
          column: 8,
          rule: 'officer-absent',
          severity: 'error',
          key: 'chair',
          message: 'The chair "cilla-cox" is not among those attending, expected attendance (present, partial or remote).',
          messageId: 'officer-absent',
          data: { role: 'chair', id: 'cilla-cox' },
        },
      ],
      summary: { errors: 1, warnings: 0, filesWithFindings: 1, filesChecked: 5 },
    });
  });

  it('warnings exit 0, and 1 with --strict', async () => {
    const root = await archiveWith(MINI, { [P2]: replace('## 2. Regionens strategi', '## 2. Regional strategi') });
    expect((await run(['check'], { cwd: root })).code).toBe(0);
    expect((await run(['check', '--strict'], { cwd: root })).code).toBe(1);
  });

  it('finds the archive by walking up, and shows paths relative to where kd runs', async () => {
    const root = await archiveWith(MINI, brokenChair);
    const out = await run(['check'], { cwd: path.join(root, 'networks', 'grupp') });
    expect(out.stdout.split('\n')[0]).toMatch(/^protocols\/2019\/2019-02-14-2\.md:9:8 {2}fel/);
  });

  it('KD_ARCHIVE and --archive name the archive', async () => {
    const root = await archiveWith(MINI);
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'kd-cwd-'));
    expect((await run(['check'], { cwd: elsewhere, env: { KD_ARCHIVE: root } })).code).toBe(0);
    expect((await run(['check', '--archive', root], { cwd: elsewhere })).code).toBe(0);
  });

  it('reports only on the paths given, while reading the whole archive', async () => {
    const root = await archiveWith(MINI, { ...brokenChair, 'people.yml': replace('municipality: Bjuv', 'municipality: Bjuvv') });
    const out = await run(['check', '--format', 'json', 'people.yml'], { cwd: root });
    expect(JSON.parse(out.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['unknown-municipality']);
  });

  const failures: { name: string; args: string[]; cwd?: 'empty' | 'mini'; stderr: string }[] = [
    {
      name: 'no archive found',
      args: ['check'],
      cwd: 'empty',
      stderr: 'kd: Hittade inget arkiv: ingen kd.yml i <cwd> eller någon mapp ovanför. Ange --archive MAPP eller KD_ARCHIVE.\n',
    },
    { name: 'an unknown option', args: ['check', '--bogus'], stderr: 'kd: Okänd flagga --bogus. Se kd --help.\n' },
    { name: 'an unknown command', args: ['chek'], stderr: 'kd: Okänt kommando chek; menade du check? Se kd --help.\n' },
    { name: 'a command far from any', args: ['xyzzy'], stderr: 'kd: Okänt kommando xyzzy. Se kd --help.\n' },
    {
      name: 'a misspelt option',
      args: ['report', '--halv', '2019H1'],
      stderr: 'kd: Okänd flagga --halv; menade du --half? Se kd --help.\n',
    },
    {
      name: 'an option cut short',
      args: ['attendance', '--munic', 'Osby'],
      stderr: 'kd: Okänd flagga --munic; menade du --municipality? Se kd --help.\n',
    },
    {
      name: 'an unknown format',
      args: ['check', '--format', 'xml'],
      stderr: 'kd: Oväntat värde ”xml” för --format, förväntade text, json, github, junit.\n',
    },
    { name: 'an option without its value', args: ['check', '--format'], stderr: 'kd: Flaggan --format <format> behöver ett värde.\n' },
    { name: 'a path outside the archive', args: ['check', '..'], cwd: 'mini', stderr: 'kd: Sökvägen .. ligger utanför arkivet.\n' },
    { name: 'a path that does not exist', args: ['check', 'nowhere.md'], cwd: 'mini', stderr: 'kd: Sökvägen nowhere.md finns inte.\n' },
    {
      name: 'an unknown schema kind',
      args: ['schema', 'protokoll'],
      stderr: 'kd: Oväntat värde ”protokoll” för kind, förväntade config, people, network, calendar, protocol.\n',
    },
  ];

  it.each(failures)('exit 2 and one sentence, no stack trace: $name', async ({ args, cwd, stderr }) => {
    const dir = cwd === 'mini' ? await archiveWith(MINI) : await mkdtemp(path.join(os.tmpdir(), 'kd-empty-'));
    const out = await run(args, { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(stderr.replace('<cwd>', dir));
  });

  it('help speaks Swedish, or English with --lang en', async () => {
    const sv = await run(['--help']);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/^Användning: kd/);
    expect(sv.stdout).toContain('Kommandon:');
    expect(sv.stdout).not.toContain('default');
    const en = await run(['--lang', 'en', 'check', '--help']);
    expect(en.stdout).toMatch(/^Usage: kd check/);
    expect(en.stdout).toContain('show help');
  });
});

describe('kd schema', () => {
  it('prints the JSON Schema of a protocol for editors', async () => {
    const out = await run(['schema', 'protocol']);
    const schema = JSON.parse(out.stdout);
    expect(out.code).toBe(0);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(
      expect.arrayContaining(['network', 'number', 'date', 'time', 'place', 'secretary', 'attendance', 'items']),
    );
    expect(schema.properties.status.enum).toEqual(['utkast', 'justerat']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('prints every kind when none is named', async () => {
    expect(Object.keys(JSON.parse((await run(['schema'])).stdout))).toEqual(['config', 'people', 'network', 'calendar', 'protocol']);
  });
});

describe('colour', () => {
  // Like run(), but with a terminal for stdout. The cache is off as in every in-process run: with it on, these
  // tests used the user's own cache, and an unusable one printed its notice among the test lines.
  const tty = async (env: Record<string, string>, args: string[] = []) => {
    const root = await archiveWith(MINI, brokenChair);
    let stdout = '';
    await main(['check', ...args], {
      cwd: root,
      env: { KD_CACHE: 'off', ...env },
      stdout: { write: (s: string) => (stdout += s), isTTY: true },
      stderr: { write: () => true },
    });
    return stdout;
  };
  it('is on for a terminal', async () => expect(await tty({})).toContain('\u001b['));
  it('is off with NO_COLOR', async () => expect(await tty({ NO_COLOR: '1' })).not.toContain('\u001b['));
  it('is off with --no-color', async () => expect(await tty({}, ['--no-color'])).not.toContain('\u001b['));
  it('never touches the user’s cache: an unusable one prints nothing among the test lines (tests/quiet.ts)', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'kd-home-'));
    made.push(home);
    await mkdir(path.join(home, 'kd'), { mode: 0o777 });
    await chmod(path.join(home, 'kd'), 0o777);
    expect(await tty({ XDG_CACHE_HOME: home })).toContain('\u001b[');
  });
});

describe('the installed bin', () => {
  it('runs kd check on the sample archive through bin/kd.js', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(REPO, 'bin', 'kd.js'), 'check', '--archive', 'archive'], {
      cwd: REPO,
    });
    expect(stdout).toBe('Inga anmärkningar i 28 filer.\n');
  });

  it('exits 2 from the bin when no archive is found', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-empty-'));
    const error = await promisify(execFile)(process.execPath, [path.join(REPO, 'bin', 'kd.js'), 'check'], { cwd: dir }).catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/^kd: Hittade inget arkiv/);
    expect(error.stderr).not.toMatch(/\n\s+at /);
  });
});

it('a half-year in lower case is as clear as in upper case', async () => {
  const lower = await run(['report', '--half', '2019h1', '--archive', path.join(REPO, 'archive')]);
  const upper = await run(['report', '--half', '2019H1', '--archive', path.join(REPO, 'archive')]);
  expect(lower.code).toBe(0);
  expect(lower.stdout).toBe(upper.stdout);
});

it("the help speaks one language: commander's [options] and [command] in the catalogue's words", async () => {
  const sv = await run(['--help']);
  expect(sv.stdout.split('\n')[0]).toBe('Användning: kd [flaggor] [kommando]');
  expect(sv.stdout).toContain('\n  check [flaggor] [paths...]    kontrollera arkivets filer och protokoll\n');
  expect(sv.stdout).not.toContain('[options]');
  expect((await run(['check', '--help'])).stdout.split('\n')[0]).toBe('Användning: kd check [flaggor] [paths...]');
  expect((await run(['--help', '--lang', 'en'])).stdout.split('\n')[0]).toBe('Usage: kd [options] [command]');
});
