import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveWith, findings, git, gitdir, MINI, NO_GIT, replace, run, SAMPLE } from './helpers.js';

/**
 * One trust boundary (issue 16, parts 1, 2, 4 and 9): paths that lead out
 * of the archive, approval that a link or a broken file could bypass,
 * answers that would leave a broken protocol out in silence, templates that
 * could run away. Each case asserts the safe outcome a user would see.
 */

const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';

async function outside(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-outside-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

describe('every path kd reads or writes stays inside the archive', () => {
  it('a protocols folder linked elsewhere is reported, and nothing there is read', async () => {
    const root = await archiveWith(MINI);
    const elsewhere = await outside({ '2019/2019-01-10-1.md': 'hemlig text\n' });
    await rm(path.join(root, 'networks/grupp/protocols'), { recursive: true });
    await symlink(elsewhere, path.join(root, 'networks/grupp/protocols'));
    const found = await findings(root);
    expect(found.filter((f) => f.rule === 'file')).toEqual([
      { rule: 'file', file: 'networks/grupp/protocols', line: 1, column: 1, severity: 'error' },
    ]);
    expect(found.some((f) => f.file.includes('2019-01-10'))).toBe(false);
  });

  it('a networks folder linked to / is not walked', async () => {
    const root = await archiveWith(MINI);
    await rm(path.join(root, 'networks'), { recursive: true });
    await symlink('/', path.join(root, 'networks'));
    const out = await run(['check', '--format', 'json'], { cwd: root });
    const report = JSON.parse(out.stdout) as { findings: { file: string; rule: string }[] };
    expect(report.findings.filter((f) => f.rule === 'file').map((f) => f.file)).toEqual(['networks']);
  });

  it('kd index refuses an index folder linked elsewhere, and the file there is untouched', async () => {
    const root = await archiveWith(MINI);
    const elsewhere = await outside({ 'grupp/attendance.md': 'inte kd:s\n' });
    await symlink(elsewhere, path.join(root, 'index'));
    const out = await run(['index'], { cwd: root });
    expect(out).toEqual({ code: 2, stdout: '', stderr: 'kd: Sökvägen index/grupp/attendance.md ligger utanför arkivet.\n' });
    expect(await readFile(path.join(elsewhere, 'grupp/attendance.md'), 'utf8')).toBe('inte kd:s\n');
    expect((await readdir(path.join(elsewhere, 'grupp'))).sort()).toEqual(['attendance.md']);
  });

  it('a template linked to a secret is refused, and no protocol is written', async () => {
    const root = await archiveWith(MINI);
    const secret = await outside({ 'secret.md': '{{frontMatter}}\nlösenord: hemligt\n' });
    await mkdir(path.join(root, 'templates'));
    await symlink(path.join(secret, 'secret.md'), path.join(root, 'templates/protocol.sv.md'));
    const out = await run(['new-protocol', '--date', '2019-03-14', '--time', '09:00-12:00', '--place', 'Bjuv'], { cwd: root });
    expect(out).toEqual({ code: 2, stdout: '', stderr: 'kd: Sökvägen templates/protocol.sv.md ligger utanför arkivet.\n' });
    expect(await readdir(path.join(root, 'networks/grupp/protocols/2019'))).toEqual(['2019-01-10-1.md', '2019-02-14-2.md']);
  });

  it('a folder named people.yml or network.yml is an error, not a silent switch that turns rules off', async () => {
    const root = await archiveWith(MINI, { 'people.yml': null, 'networks/grupp/calendar.yml': null });
    await mkdir(path.join(root, 'people.yml'));
    await mkdir(path.join(root, 'networks/grupp/calendar.yml'));
    const found = await findings(root);
    expect(found.filter((f) => f.rule === 'file')).toEqual([
      { rule: 'file', file: 'networks/grupp/calendar.yml', line: 1, column: 1, severity: 'error' },
      { rule: 'file', file: 'people.yml', line: 1, column: 1, severity: 'error' },
    ]);
  });

  it('a pipe among the protocols is reported and never opened (it would block)', async () => {
    const root = await archiveWith(MINI);
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(root, 'networks/grupp/protocols/2019/2019-03-01-3.md')]);
    expect((await findings(root)).filter((f) => f.rule === 'file')).toEqual([
      { rule: 'file', file: 'networks/grupp/protocols/2019/2019-03-01-3.md', line: 1, column: 1, severity: 'error' },
    ]);
  });

  it('a network folder whose name is not an id, or differs from another only in case, is an error', async () => {
    const root = await archiveWith(MINI);
    await mkdir(path.join(root, 'networks/Grupp'));
    await mkdir(path.join(root, 'networks/ny grupp,title=x'));
    const out = await run(['check', '--format', 'json'], { cwd: root });
    const report = JSON.parse(out.stdout) as { findings: { file: string; rule: string; message: string }[] };
    expect(report.findings.filter((f) => f.rule === 'file').map((f) => [f.file, f.message])).toEqual([
      [
        'networks/Grupp',
        'Oväntat mappnamn ”Grupp” för ett nätverk, förväntade ett id med små bokstäver a–z, siffror och bindestreck; byt namn på mappen.',
      ],
      [
        'networks/ny grupp,title=x',
        'Oväntat mappnamn ”ny grupp,title=x” för ett nätverk, förväntade ett id med små bokstäver a–z, siffror och bindestreck; byt namn på mappen.',
      ],
    ]);
  });
});

describe('approval cannot be bypassed', () => {
  // P1 of the mini archive is approved.

  it('an approved protocol replaced by a link to an identical copy is caught', async () => {
    const root = await gitdir(MINI);
    const copy = await outside({ 'copy.md': await readFile(path.join(root, P1), 'utf8') });
    await rm(path.join(root, P1));
    await symlink(path.join(copy, 'copy.md'), path.join(root, P1));
    expect((await findings(root)).filter((f) => f.rule === 'frozen-protocol')).toEqual([
      { rule: 'frozen-protocol', file: P1, line: 1, column: 1, severity: 'error' },
    ]);
  });

  it('a protocol approved but already broken at the base stays protected', async () => {
    const root = await gitdir(MINI, { [P1]: replace('place: ', 'placee: ') });
    await writeFile(path.join(root, P1), (await readFile(path.join(root, P1), 'utf8')).replace('status: justerat', 'status: utkast'));
    expect((await findings(root)).filter((f) => f.rule === 'frozen-protocol').map((f) => f.line)).toEqual([8]);
  });

  it('asked for with --base or in CI, a history rule that cannot run is exit 2, not a green run', async () => {
    const root = await archiveWith(MINI);
    const sentence =
      'kd: Historikregeln (frozen-protocol) kunde inte köras: arkivet ligger inte i ett git-förråd som git kan läsa (saknas git, eller vägrar git läsa förrådet, t.ex. ”dubious ownership”). Den begärdes (--base, --changed eller CI), så kontrollen avbryts i stället för att bli grön utan den.\n';
    expect(await run(['check', '--base', 'HEAD'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: sentence });
    expect(await run(['check'], { cwd: root, env: { CI: 'true' } })).toEqual({ code: 2, stdout: '', stderr: sentence });
    // Asked for by nobody, it stays a notice.
    expect(await run(['check'], { cwd: root })).toMatchObject({ code: 0, stderr: NO_GIT });
  });

  it('the hook judges what is staged: an edit staged and then undone in the working tree is still refused', async () => {
    const root = await gitdir(MINI);
    const file = path.join(root, P1);
    const approved = await readFile(file, 'utf8');
    await writeFile(file, approved.replace('status: justerat', 'status: utkast'));
    git(root, 'add', P1);
    await writeFile(file, approved);
    const out = await run(['pre-commit'], { cwd: root });
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^networks\/grupp\/protocols\/2019\/2019-01-10-1\.md:8:1 {2}fel {2}\[frozen-protocol\]/);
  });
});

describe('nothing is left out in silence', () => {
  const broken = { [P1]: replace('place: ', 'placee: ') };
  const blocked = (count: number) =>
    `kd: Inget svar: ${count} fel i arkivet (ovan) rör det som efterfrågades, och ett trasigt protokoll skulle räknas som om mötet aldrig hölls. Rätta felen och kör igen.\n`;

  it.each([
    [['attendance']],
    [['decisions', '--network', 'grupp']],
    [['assignments']],
    [['digest', '--municipality', 'Bjuv', '--half', '2019H1']],
    [['intro', '--network', 'grupp']],
    [['roster', '--network', 'grupp']],
    [['index']],
  ])('kd %j answers nothing while a protocol it would count is broken (exit 1, the findings shown)', async (args) => {
    const root = await archiveWith(MINI, broken);
    const out = await run(args, { cwd: root });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    // One slip, one finding: the misspelt key, with the key it should be (not also "place is missing").
    expect(out.stderr).toBe(
      `${P1}:6:1  fel  [schema] placee: Okänd nyckel ”placee”, förväntade ”place”: rätta stavningen.\n\n1 fel, 0 varningar i 1 fil.\n${blocked(1)}`,
    );
  });

  it('an error in another period does not stop the digest of this one', async () => {
    const root = await archiveWith(MINI, broken);
    expect((await run(['digest', '--municipality', 'Bjuv', '--half', '2019H2'], { cwd: root })).code).toBe(0);
  });

  it('kd import --add-people will not write into a people.yml that does not validate', async () => {
    const root = await archiveWith(MINI, {
      'people.yml': (t) => `${t}ny-person: { name: Ny Person, titel: x }\n`,
      'in/a.txt': 'Datum: 2019-03-14\nTid: 9-12\nNärvarande: Olle Okänd, Bjuv\n\n1. Punkt\n',
    });
    const before = await readFile(path.join(root, 'people.yml'), 'utf8');
    const out = await run(['import', 'in/a.txt', '--network', 'grupp', '--add-people'], { cwd: root });
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kd: people.yml har fel (kör kd check) och skrivs inte till, eftersom personer kunde gå förlorade; rätta filen och kör igen.\n',
    });
    expect(await readFile(path.join(root, 'people.yml'), 'utf8')).toBe(before);
  });
});

describe('the rest of the list', () => {
  it('--person constructor is no person', async () => {
    const out = await run(['intro', '--network', 'kd-gruppen', '--person', 'constructor', '--archive', SAMPLE]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^kd: Okänd person ”constructor”/);
  });

  it('roster rotate refuses a term id that network.yml would not accept', async () => {
    const out = await run(['roster', 'rotate', '--network', 'kd-gruppen', '--term', '../2023', '--archive', SAMPLE]);
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kd: Oväntat ”../2023” för --term, förväntade ett id för mandatperioden, t.ex. 2019-2022.\n',
    });
  });

  it.each([
    ['a partial', '{{frontMatter}}\n{{> secret}}\n', '{{> secret}}'],
    ['a change of delimiters', '{{=<% %>=}}\n<%frontMatter%>\n', '{{= <% %>}}'],
    ['a list inside itself', '{{frontMatter}}\n{{#items}}{{#items}}{{#items}}{{no}}{{/items}}{{/items}}{{/items}}\n', '{{#items}}'],
  ])('a template with %s is refused before anything runs', async (_, template, found) => {
    const root = await archiveWith(MINI, { 'templates/protocol.sv.md': template });
    const out = await run(['new-protocol', '--date', '2019-03-14', '--time', '09:00-12:00', '--place', 'Bjuv'], { cwd: root });
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: `kd: Mallen templates/protocol.sv.md kan inte användas: oväntat ${found}, förväntade en enkel Mustache-mall (högst 64 kB, inga partials eller byten av avgränsare, inget avsnitt inuti ett avsnitt med samma namn).\n`,
    });
  });

  it('a template that would write a protocol kd check refuses writes nothing', async () => {
    const root = await archiveWith(MINI, { 'templates/protocol.sv.md': '# {{networkName}}\n\n{{frontMatter}}\n' });
    const out = await run(['new-protocol', '--date', '2019-03-14', '--time', '09:00-12:00', '--place', 'Bjuv'], { cwd: root });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^kd: Det nya protokollet skulle inte klara kd check \(networks\/grupp\/protocols\/2019\/2019-03-14-3\.md:1:1: /,
    );
    expect(await readdir(path.join(root, 'networks/grupp/protocols/2019'))).toEqual(['2019-01-10-1.md', '2019-02-14-2.md']);
  });
});
