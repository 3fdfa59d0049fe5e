import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { kdPackage } from '../src/cli/meta.js';
import { archiveWith, git, gitdir, MINI, NO_GIT, run, typed } from './helpers.js';

const FLAGS = [
  '--organisation',
  'Skåne Nordost',
  '--municipality',
  'Osby',
  '--municipality',
  'Älmhult',
  '--network-name',
  'Kommunchefsgruppen',
  '--network',
  'kc-gruppen',
  '--no-decides',
  '--substitutes',
  'none',
  '--secretary',
  'Lena Sjöholm',
  '--secretary-from',
  '2015-01-01',
];

const FILES = [
  'kd.yml',
  'people.yml',
  'networks/kc-gruppen/network.yml',
  'networks/kc-gruppen/calendar.yml',
  'package.json',
  '.gitignore',
  '.github/workflows/kd.yml',
  '.github/workflows/kd-site.yml',
  '.gitlab-ci.yml',
  '.githooks/pre-commit',
];

async function newDir(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'kd-init-')), 'arkiv');
}

describe('kd init with flags', () => {
  it('creates an archive that checks clean, pins this kd, and lists only what is left to do', async () => {
    const dir = await newDir();
    const out = await run(['init', dir, ...FLAGS], { cwd: path.dirname(dir) });
    expect(out).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Skapade ett nytt arkiv i arkiv:',
        ...FILES.map((f) => `  ${f}`),
        '',
        'Kvar att göra:',
        '  1. cd arkiv',
        '  2. npm install   (installerar kd i arkivet och skriver package-lock.json, som checkas in: CI kör samma version)',
        '  3. git init',
        '  4. git config core.hooksPath .githooks   (kontroll och aktuella register vid varje commit)',
        '  5. lägg in medlemmarna: personerna i people.yml och medlemslistan i networks/kc-gruppen/network.yml, eller npx kd import --roster FIL --network kc-gruppen --date ÅÅÅÅ-MM-DD',
        '  6. git add -A && git commit -m "Nytt protokollarkiv"',
        '  7. före varje möte: npx kd new-protocol --network kc-gruppen',
        '',
      ].join('\n'),
    });
    expect(await run(['check'], { cwd: dir })).toEqual({ code: 0, stdout: 'Inga anmärkningar i 4 filer.\n', stderr: NO_GIT });

    expect(parseYaml(await readFile(path.join(dir, 'kd.yml'), 'utf8'))).toEqual({
      organisation: 'Skåne Nordost',
      locale: 'sv',
      municipalities: ['Osby', 'Älmhult'],
    });
    expect(parseYaml(await readFile(path.join(dir, 'people.yml'), 'utf8'))).toEqual({
      'lena-sjoholm': { name: 'Lena Sjöholm', organisation: 'Skåne Nordost' },
    });
    expect(parseYaml(await readFile(path.join(dir, 'networks/kc-gruppen/network.yml'), 'utf8'))).toEqual({
      name: 'Kommunchefsgruppen',
      mission: 'Beskriv nätverkets uppdrag här.',
      decides: false,
      substitutes: 'none',
      // The secretary's own start date, not today: an archive filled backwards starts years ago.
      roster: [{ person: 'lena-sjoholm', from: '2015-01-01', role: 'secretary' }],
    });
    const { name, version } = kdPackage();
    expect(name).toBe('kd-arkiv');
    expect(JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'))).toEqual({
      name: 'skane-nordost-protokoll',
      private: true,
      description: 'Protokollarkiv för Skåne Nordost, kontrollerat med kd',
      engines: { node: '>=20.12' },
      devDependencies: { 'kd-arkiv': version },
    });
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toContain('\nnode_modules/\n');
  });

  it('writes CI files that install kd with npm ci and run the local kd, never a remote name', async () => {
    const dir = await newDir();
    expect((await run(['init', dir, ...FLAGS])).code).toBe(0);
    const texts = await Promise.all(
      ['.github/workflows/kd.yml', '.gitlab-ci.yml', '.githooks/pre-commit'].map((f) => readFile(path.join(dir, f), 'utf8')),
    );
    for (const text of texts) {
      expect(text).not.toMatch(/npx|__KD__|__ARCHIVE__|<%|%>|kd@/);
    }

    const github = parseYaml(texts[0]!);
    expect(Object.keys(github.on)).toEqual(['push', 'pull_request']);
    const steps = github.jobs.kd.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(steps.map((s) => s.uses ?? s.run!.trim().split('\n').at(-1))).toEqual([
      'actions/checkout@v7',
      'actions/setup-node@v7',
      'npm ci',
      'node_modules/.bin/kd check --archive . --format github --base "$base"',
      'node_modules/.bin/kd index --check --archive .',
    ]);
    expect(steps[1]!.with).toEqual({ 'node-version': 22, cache: 'npm' });
    // Event values reach the script through env:, never as text in it (branch names come from strangers).
    expect(steps.map((s) => s.run ?? '').join('\n')).not.toContain('${{');

    const gitlab = parseYaml(texts[1]!);
    expect(gitlab.kd.image).toBe('node:22');
    expect(gitlab.kd.script[0]).toBe('npm ci --cache .npm --prefer-offline');
    expect(gitlab.kd.script.slice(-2)).toEqual([
      'node_modules/.bin/kd check --archive . --format junit --base "$BASE" > kd-junit.xml',
      'node_modules/.bin/kd index --check --archive .',
    ]);
    expect(gitlab.kd.artifacts.reports.junit).toBe('kd-junit.xml');

    // The public site: built on main only, by the local kd, published by Pages' own actions.
    const pages = parseYaml(await readFile(path.join(dir, '.github/workflows/kd-site.yml'), 'utf8'));
    expect(pages.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(pages.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect((pages.jobs.build.steps as { uses?: string; run?: string }[]).map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v7',
      'actions/setup-node@v7',
      'npm ci',
      'node_modules/.bin/kd site --archive . --out site',
      'actions/upload-pages-artifact@v4',
    ]);
    expect(pages.jobs.deploy.steps).toEqual([{ id: 'deployment', uses: 'actions/deploy-pages@v4' }]);
    expect(gitlab.pages.script.at(-1)).toBe('node_modules/.bin/kd site --archive . --out public');
    expect(gitlab.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(gitlab.pages.artifacts.paths).toEqual(['public']);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toContain('\nsite/\n');

    expect(texts[2]).toMatch(/^#!\/bin\/sh\n/);
    expect(texts[2]).toContain('\nexec "$kd" pre-commit --archive .\n');
    expect(texts[2]).toContain(
      'echo "kd: kd är inte installerat i arkivet (node_modules/.bin/kd saknas). Kör npm install här och gör commit igen." >&2',
    );
  });

  it('writes the CI files’ comments and the hook’s message in the archive’s language', async () => {
    const dir = await newDir();
    expect((await run(['--lang', 'en', 'init', dir, ...FLAGS])).code).toBe(0);
    expect(await readFile(path.join(dir, '.github/workflows/kd.yml'), 'utf8')).toMatch(/^# Made by kd init\. Checks the protocols/);
    expect(await readFile(path.join(dir, '.githooks/pre-commit'), 'utf8')).toContain(
      '"kd: kd is not installed in the archive (node_modules/.bin/kd is missing). Run npm install here and commit again."',
    );
    expect(parseYaml(await readFile(path.join(dir, 'kd.yml'), 'utf8')).locale).toBe('en');
  });

  it('without a terminal names every missing answer, exit 2, and writes nothing', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'kd-init-'));
    expect(await run(['init', 'arkiv'], { cwd: parent })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kd: Uppgifter saknas för det nya arkivet: --organisation, --municipality, --network-name, --network, --decides / --no-decides, --substitutes, --secretary, --secretary-from. Ange dem som flaggor, eller kör kd init i en terminal för att bli tillfrågad.\n',
    });
    const some = [
      'init',
      'arkiv',
      '--organisation',
      'X',
      '--municipality',
      ' ',
      '--network',
      'n',
      '--decides',
      '--substitutes',
      'any',
      '--secretary',
      'Lena',
    ];
    expect((await run(some, { cwd: parent })).stderr).toBe(
      'kd: Uppgifter saknas för det nya arkivet: --municipality, --network-name, --secretary-from. Ange dem som flaggor, eller kör kd init i en terminal för att bli tillfrågad.\n',
    );
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses a bad id, date or substitute rule with the expected form', async () => {
    const with_ = (flag: string, value: string) => {
      const args = [...FLAGS];
      args[args.indexOf(flag) + 1] = value;
      return run(['init', 'arkiv', ...args], { cwd: os.tmpdir() });
    };
    expect(await with_('--network', 'KC gruppen')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kd: Oväntat ”KC gruppen” för --network, förväntade ett id med små bokstäver a–z, siffror och bindestreck (t.ex. anna-berg).\n',
    });
    expect((await with_('--secretary-from', '2015-02-30')).stderr).toBe(
      'kd: Oväntat ”2015-02-30” för --secretary-from, förväntade ett datum ÅÅÅÅ-MM-DD.\n',
    );
    expect((await with_('--substitutes', 'some')).stderr).toBe(
      'kd: Oväntat värde ”some” för --substitutes, förväntade none, personal, any.\n',
    );
  });

  it('inside a repository whose hook is on, leaves out git init and the hook step', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'kd-init-'));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'core.hooksPath', '.githooks');
    const out = await run(['init', '.', ...FLAGS], { cwd: repo });
    expect(
      out.stdout
        .split('Kvar att göra:\n')[1]!
        .split('\n')
        .map((l) => l.split(' ').slice(0, 5).join(' ')),
    ).toEqual(['  1. npm install', '  2. lägg in', '  3. git add', '  4. före varje', '']);
  });

  it('in a subfolder of another repository, says to make the archive a repository of its own', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'kd-init-'));
    git(repo, 'init', '-q', '-b', 'main');
    const out = await run(['init', 'arkiv', ...FLAGS], { cwd: repo });
    expect(out.stdout).toContain('\n  3. git init\n  4. git config core.hooksPath .githooks');
  });

  it('refuses to overwrite: exit 1, naming the files, nothing written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-init-'));
    await writeFile(path.join(dir, 'kd.yml'), 'organisation: Redan här\n');
    await writeFile(path.join(dir, 'package.json'), '{}\n');
    expect(await run(['init', dir, ...FLAGS])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kd: Skriver inte över något: kd.yml, package.json finns redan. Välj en annan mapp.\n',
    });
    expect((await readdir(dir)).sort()).toEqual(['kd.yml', 'package.json']);
    expect(await readFile(path.join(dir, 'kd.yml'), 'utf8')).toBe('organisation: Redan här\n');
  });
});

describe('kd init on a terminal', () => {
  it('asks for what the flags did not give, re-asks a bad answer, and offers the name’s slug as the id', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'kd-init-'));
    const answers = [
      'Skåne Nordost',
      'Osby, Älmhult;Östra Göinge',
      '',
      '',
      'kanske',
      'n',
      'alla',
      'any',
      'Lena Sjöholm',
      'i fjol',
      '2016-08-15',
    ];
    const out = await typed(parent, ['--no-color', 'init', 'arkiv'], `${answers.join('\n')}\n`);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout.split('Skapade')[0]).toBe(
      [
        'Organisation (t.ex. Skåne Nordost): ',
        'Medlemskommuner, med kommatecken emellan: ',
        'Nätverkets namn [Kommundirektörsgruppen]: ',
        'Nätverkets id (a–z, 0–9 och bindestreck) [kommundirektorsgruppen]: ',
        'Fattar nätverket beslut? Svara nej om det bara gör överenskommelser (j/n) [j]: Förväntade j eller n.\n',
        'Fattar nätverket beslut? Svara nej om det bara gör överenskommelser (j/n) [j]: ',
        'Ersättare: none (inga), personal (personlig ersättare) eller any (kommunen skickar någon annan) [personal]: Förväntade none, personal, any.\n',
        'Ersättare: none (inga), personal (personlig ersättare) eller any (kommunen skickar någon annan) [personal]: ',
        'Sekreterarens namn: ',
        'Sekreterare sedan (ÅÅÅÅ-MM-DD; det äldsta protokollets datum om arkivet fylls på bakåt): Förväntade ett datum ÅÅÅÅ-MM-DD.\n',
        'Sekreterare sedan (ÅÅÅÅ-MM-DD; det äldsta protokollets datum om arkivet fylls på bakåt): ',
      ].join(''),
    );
    const dir = path.join(parent, 'arkiv');
    expect(parseYaml(await readFile(path.join(dir, 'kd.yml'), 'utf8')).municipalities).toEqual(['Osby', 'Älmhult', 'Östra Göinge']);
    expect(parseYaml(await readFile(path.join(dir, 'networks/kommundirektorsgruppen/network.yml'), 'utf8'))).toMatchObject({
      name: 'Kommundirektörsgruppen',
      decides: false,
      substitutes: 'any',
      roster: [{ person: 'lena-sjoholm', from: '2016-08-15', role: 'secretary' }],
    });
  });

  it('asks only for what is missing, and the given network name gives the id’s default', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'kd-init-'));
    const given = FLAGS.slice(0, FLAGS.indexOf('--network'));
    const out = await typed(parent, ['--no-color', 'init', 'arkiv', ...given, '--secretary', 'Lena Sjöholm'], '\nj\n\n2019-01-01\n');
    expect(out.code).toBe(0);
    expect(out.stdout.split('Skapade')[0]).toBe(
      'Nätverkets id (a–z, 0–9 och bindestreck) [kommunchefsgruppen]: Fattar nätverket beslut? Svara nej om det bara gör överenskommelser (j/n) [j]: Ersättare: none (inga), personal (personlig ersättare) eller any (kommunen skickar någon annan) [personal]: Sekreterare sedan (ÅÅÅÅ-MM-DD; det äldsta protokollets datum om arkivet fylls på bakåt): ',
    );
  });

  it('stops with a sentence, not a placeholder, when the answers run out', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'kd-init-'));
    const out = await typed(parent, ['--no-color', 'init', 'arkiv'], 'Skåne Nordost\n');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('kd: Inmatningen tog slut innan alla uppgifter var ifyllda.\n');
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('kd pre-commit: the hook’s check and registers', () => {
  const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';
  const staged = (dir: string) => git(dir, 'diff', '--cached', '--name-only').split('\n').filter(Boolean);

  it('on the first commit (no HEAD yet) checks every file and stages the registers', async () => {
    const dir = await archiveWith(MINI);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    const out = await run(['pre-commit'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const registers = [
      'attendance.md',
      'attendance.json',
      'attendance.csv',
      'municipalities.csv',
      'decisions.md',
      'decisions.json',
      'decisions.csv',
      'assignments.md',
      'assignments.json',
      'assignments.csv',
    ].map((f) => `index/grupp/${f}`);
    expect(out.stdout).toBe(
      `Registren i index/ gäller nu det som checkas in; 10 filer skrevs och lades till i commiten:\n${registers.map((f) => `  ${f}\n`).join('')}`,
    );
    expect(
      staged(dir)
        .filter((f) => f.startsWith('index/'))
        .sort(),
    ).toEqual([...registers].sort());
    expect(await run(['index', '--check'], { cwd: dir })).toMatchObject({ code: 0 });
  });

  it('on the first commit, an error anywhere stops it and nothing is written', async () => {
    const dir = await archiveWith(MINI, { [P2]: (t) => t.replace('chair: anna-ahl', 'chair: okand-person') });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    const out = await run(['pre-commit'], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(
      [
        'networks/grupp/protocols/2019/2019-02-14-2.md:9:8  fel  [unknown-person] chair: Okänd person ”okand-person”, förväntade ett id ur people.yml.',
        '',
        '1 fel, 0 varningar i 1 fil.',
        '',
      ].join('\n'),
    );
    expect(out.stderr).toBe('kd: Commiten stoppades: rätta felen ovan och gör commit igen. Samma kontroll körs i CI.\n');
    expect(await readdir(dir)).not.toContain('index');
  });

  it('computes the registers from what is staged, not from edits left out of the commit', async () => {
    const dir = await gitdir(MINI);
    git(dir, 'add', '-A');
    expect((await run(['pre-commit'], { cwd: dir })).code).toBe(0);
    git(dir, 'commit', '-q', '-m', 'register');
    // Two decisions: one staged, one only in the working tree.
    const file = path.join(dir, P2);
    const original = await readFile(file, 'utf8');
    const once = original.replace('      - att anta budgeten.\n', '      - att anta budgeten.\n      - att följa upp budgeten i maj.\n');
    await writeFile(file, once);
    git(dir, 'add', P2);
    await writeFile(file, once.replace('i maj.\n', 'i maj.\n      - att informera kommunerna.\n'));
    const out = await run(['pre-commit'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('index/grupp/decisions.json');
    git(dir, 'commit', '-q', '-m', 'ett beslut till');
    // What CI sees: a clean checkout of the commit has current registers with exactly the staged decision.
    const clone = await mkdtemp(path.join(os.tmpdir(), 'kd-clone-'));
    git(clone, 'clone', '-q', dir, '.');
    expect(await run(['index', '--check'], { cwd: clone })).toMatchObject({ code: 0 });
    const decisions = JSON.parse(await readFile(path.join(clone, 'index/grupp/decisions.json'), 'utf8')) as { text: string }[];
    expect(decisions.map((d) => d.text)).toContain('att följa upp budgeten i maj.');
    expect(decisions.map((d) => d.text)).not.toContain('att informera kommunerna.');
  });

  it('with registers already current, writes and says nothing', async () => {
    const dir = await gitdir(MINI);
    await run(['index'], { cwd: dir });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'register');
    await writeFile(path.join(dir, 'README.md'), 'Arkivet.\n');
    git(dir, 'add', '-A');
    expect(await run(['pre-commit'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(staged(dir)).toEqual(['README.md']);
  });

  it('outside git is a clear exit 2', async () => {
    const dir = await archiveWith(MINI);
    expect(await run(['pre-commit'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kd: Arkivet ligger inte i ett git-förråd; kd pre-commit körs av git före varje commit (git config core.hooksPath .githooks).\n',
    });
  });
});
