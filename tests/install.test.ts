/**
 * kd as a secretary gets it: packed, installed from the tarball (globally
 * into a prefix, and into a new archive), `kd init`, the real pre-commit
 * hook, and every step of the generated GitHub workflow and GitLab job run
 * in a shell with the variables the forges set. All of it happens in a
 * temporary folder outside this repository, and npm is kept offline with a
 * registry address that answers nothing: the tarball carries its
 * dependencies, so no step needs the registry.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { kdPackage } from '../src/cli/meta.js';
import { GIT_ENV, REPO } from './helpers.js';

const { version } = kdPackage();
const PROTOCOL = 'networks/kc-gruppen/protocols/2019/2019-03-14-1.md';
const ZERO = '0000000000000000000000000000000000000000';

let work = '';
let env: Record<string, string> = {};

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function sh(cwd: string, command: string, args: string[], extra: Record<string, string> = {}): Ran {
  const r = spawnSync(command, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Like `sh`, but a failure fails the test with what the command said. */
function ok(cwd: string, command: string, args: string[], extra: Record<string, string> = {}): string {
  const r = sh(cwd, command, args, extra);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const git = (cwd: string, ...args: string[]) => ok(cwd, 'git', args).trim();

/** A fresh checkout of the archive, as a forge's runner makes one. */
async function checkout(name: string): Promise<string> {
  const dir = path.join(work, name);
  await rm(dir, { recursive: true, force: true });
  ok(work, 'git', ['clone', '-q', path.join(work, 'arkiv'), dir]);
  return dir;
}

/** Every `run:` of the generated workflow, with `${{ }}` filled in as GitHub would for the event. */
async function githubSteps(dir: string, event: Record<string, string>): Promise<{ name: string; ran: Ran }[]> {
  const workflow = parseYaml(await readFile(path.join(dir, '.github/workflows/kd.yml'), 'utf8'));
  const results: { name: string; ran: Ran }[] = [];
  for (const step of workflow.jobs.kd.steps as { name?: string; run?: string; env?: Record<string, string> }[]) {
    if (step.run === undefined) continue;
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [
        k,
        String(v).replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, expr: string) => event[expr] ?? ''),
      ]),
    );
    // GitHub's default shell on Linux runners: bash -e.
    const ran = sh(dir, 'bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run], {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      ...stepEnv,
    });
    results.push({ name: step.name ?? step.run, ran });
    if (ran.code !== 0) break;
  }
  return results;
}

/** The job's `script:` lines in one shell, as GitLab's runner runs them, with its variables. */
async function gitlabScript(dir: string, variables: Record<string, string>): Promise<Ran> {
  const job = parseYaml(await readFile(path.join(dir, '.gitlab-ci.yml'), 'utf8')).kd;
  return sh(dir, 'bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', (job.script as string[]).join('\n')], {
    CI: 'true',
    GITLAB_CI: 'true',
    ...Object.fromEntries(Object.entries(job.variables ?? {}).map(([k, v]) => [k, String(v)])),
    ...variables,
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kd-install-'));
  // Nothing of the npm run that started the tests leaks in (its prefix, its cache).
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD')) as Record<
    string,
    string
  >;
  env = {
    ...clean,
    ...GIT_ENV,
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_cache: path.join(work, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
  };
  await mkdir(path.join(work, 'pack'));
  // dist/ is already built by `npm test`; --ignore-scripts keeps prepack from rebuilding it under the other tests' feet.
  ok(REPO, 'npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', path.join(work, 'pack')]);
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a packed kd, installed as the README says', () => {
  const tarball = () => path.join(work, 'pack', `kd-arkiv-${version}.tgz`);

  it('packs dist, bin and templates and no tests, sources or sample archive', () => {
    const listing = ok(work, 'tar', ['-tzf', tarball()])
      .split('\n')
      .filter((f) => f && !f.startsWith('package/node_modules/'));
    expect(listing).toContain('package/dist/cli/main.js');
    // The bundle the bin runs, and the site's worker beside it.
    expect(listing).toContain('package/dist/kd/main.js');
    expect(listing).toContain('package/dist/kd/site-worker.js');
    expect(listing).toContain('package/bin/kd.js');
    expect(listing).toContain('package/templates/ci/pre-commit');
    expect(listing).toContain('package/LICENSE');
    expect(listing.filter((f) => /^package\/(src|tests|archive|bench)\//.test(f) || f.endsWith('.map'))).toEqual([]);
    const manifest = JSON.parse(ok(work, 'tar', ['-xOzf', tarball(), 'package/package.json']));
    expect(manifest.name).toBe('kd-arkiv');
    expect(manifest.bin).toEqual({ kd: 'bin/kd.js' });
    // No script that npm would run when the package is installed.
    expect(Object.keys(manifest.scripts).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toEqual([]);
  });

  it('installs globally into a prefix and creates a new archive from outside the repository', () => {
    ok(work, 'npm', ['install', '--global', '--prefix', path.join(work, 'prefix'), tarball()]);
    const kd = path.join(work, 'prefix', 'bin', 'kd');
    expect(ok(work, kd, ['--version']).trim()).toBe(version);
    const flags = [
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
      '--decides',
      '--substitutes',
      'personal',
      '--secretary',
      'Lena Sjöholm',
      '--secretary-from',
      '2015-01-01',
    ];
    expect(ok(work, kd, ['init', 'arkiv', ...flags])).toContain('Kvar att göra:\n  1. cd arkiv\n  2. npm install');
  }, 120_000);

  it('installs into the archive, whose own kd then runs every step of the routine and of both forges', async () => {
    const arkiv = path.join(work, 'arkiv');
    // Stands in for `npm install` from the registry: the same package, from the tarball.
    ok(arkiv, 'npm', ['install', '--save-dev', tarball()]);
    expect(ok(arkiv, 'node_modules/.bin/kd', ['--version']).trim()).toBe(version);

    // The first commit, with the hook on and no HEAD yet: it passes and carries the registers.
    git(arkiv, 'init', '-q', '-b', 'main');
    git(arkiv, 'config', 'core.hooksPath', '.githooks');
    git(arkiv, 'add', '-A');
    const first = sh(arkiv, 'git', ['commit', '-q', '-m', 'Nytt protokollarkiv']);
    expect(first.code, first.stderr).toBe(0);
    // git hands a hook's standard output to standard error.
    expect(first.stderr).toContain('Registren i index/ gäller nu det som checkas in; 10 filer skrevs och lades till i commiten:');
    expect(git(arkiv, 'ls-files', 'index').split('\n')).toHaveLength(10);
    expect(git(arkiv, 'status', '--porcelain')).toBe('');

    // The secretary adds a member, scaffolds the next protocol and fills it in.
    await writeFile(
      path.join(arkiv, 'people.yml'),
      `${await readFile(path.join(arkiv, 'people.yml'), 'utf8')}anna-ahl:\n  name: Anna Ahl\n  municipality: Osby\n`,
    );
    await writeFile(
      path.join(arkiv, 'networks/kc-gruppen/network.yml'),
      `${await readFile(path.join(arkiv, 'networks/kc-gruppen/network.yml'), 'utf8')}  - person: anna-ahl\n    from: 2015-01-01\n    role: chair\n`,
    );
    ok(arkiv, 'node_modules/.bin/kd', [
      'new-protocol',
      '--network',
      'kc-gruppen',
      '--date',
      '2019-03-14',
      '--time',
      '09:00-12:00',
      '--place',
      'Stadshuset, Osby',
    ]);
    const scaffold = await readFile(path.join(arkiv, PROTOCOL), 'utf8');
    expect(scaffold).toContain('\nchair: anna-ahl\n');
    await writeFile(
      path.join(arkiv, PROTOCOL),
      scaffold
        .replace(
          '    title: Uppföljning av uppdrag\n',
          '    title: Uppföljning av uppdrag\n  - no: 2\n    title: Gemensam e-arkivlösning\n    decisions:\n      - text: att sekretariatet tar fram ett förslag.\n        owner: lena-sjoholm\n        due: 2019-05-01\n',
        )
        .concat('\n## 2. Gemensam e-arkivlösning\n\nSekretariatet redogjorde för läget.\n'),
    );
    expect(sh(arkiv, 'node_modules/.bin/kd', ['check']).stdout).toBe('Inga anmärkningar i 5 filer.\n');
    git(arkiv, 'add', '-A');
    const second = sh(arkiv, 'git', ['commit', '-q', '-m', 'Protokoll 1/2019']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(git(arkiv, 'show', '--name-only', '--format=', 'HEAD').split('\n')).toContain('index/kc-gruppen/assignments.json');
    const drafted = git(arkiv, 'rev-parse', 'HEAD');

    // A push as GitHub would run it, and a pull request against main.
    const github = await checkout('github');
    const push = await githubSteps(github, {
      'github.event_name': 'push',
      'github.event.before': git(arkiv, 'rev-parse', 'HEAD~1'),
      'github.base_ref': '',
    });
    expect(push.map((s) => [s.name, s.ran.code])).toEqual([
      ['Installera kd (npm ci)', 0],
      ['kd check', 0],
      ['kd index --check', 0],
    ]);
    expect(push[2]!.ran.stdout).toBe('Alla 10 register stämmer med protokollen.\n');
    const pr = await githubSteps(github, { 'github.event_name': 'pull_request', 'github.event.before': '', 'github.base_ref': 'main' });
    expect(pr.map((s) => s.ran.code)).toEqual([0, 0, 0]);
    // A new branch's first push: GitHub sends a before of zeros.
    expect(
      (await githubSteps(github, { 'github.event_name': 'push', 'github.event.before': ZERO, 'github.base_ref': '' })).map(
        (s) => s.ran.code,
      ),
    ).toEqual([0, 0, 0]);

    // The same push on GitLab.
    const gitlab = await checkout('gitlab');
    const job = await gitlabScript(gitlab, {
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'main',
      CI_COMMIT_BEFORE_SHA: git(arkiv, 'rev-parse', 'HEAD~1'),
    });
    expect(job.code, job.stdout + job.stderr).toBe(0);
    expect(await readFile(path.join(gitlab, 'kd-junit.xml'), 'utf8')).toMatch(/<testsuites[^>]* failures="0"/);

    // Approved by hand, without a record: the hook refuses; with kd approve, it accepts. Then un-approved: refused.
    const draft = await readFile(path.join(arkiv, PROTOCOL), 'utf8');
    await writeFile(path.join(arkiv, PROTOCOL), draft.replace('status: utkast', 'status: justerat'));
    const byHand = sh(arkiv, 'git', ['commit', '-q', '-am', 'Justerat']);
    expect(byHand.code).not.toBe(0);
    expect(byHand.stderr).toContain(
      `${PROTOCOL}:8:9  fel  [approval-record] status: Protokollet har justerats utan uppgift om justeringen`,
    );
    await writeFile(path.join(arkiv, PROTOCOL), draft);
    expect(ok(arkiv, 'node_modules/.bin/kd', ['approve', PROTOCOL, '--by', 'Anna Ahl', '--date', '2019-03-20'])).toContain(
      `Nästa steg: git add ${PROTOCOL} && git commit -m "Justera kc-gruppen 1/2019"`,
    );
    expect(sh(arkiv, 'git', ['commit', '-q', '-am', 'Justerat']).code).toBe(0);
    const approved = git(arkiv, 'rev-parse', 'HEAD');
    expect(approved).not.toBe(drafted);
    await writeFile(
      path.join(arkiv, PROTOCOL),
      (await readFile(path.join(arkiv, PROTOCOL), 'utf8')).replace('status: justerat', 'status: utkast'),
    );
    const refused = sh(arkiv, 'git', ['commit', '-q', '-am', 'Ångra justeringen']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      `${PROTOCOL}:8:1  fel  [frozen-protocol] Protokollet var justerat i ${approved.slice(0, 12)} och får inte ändras`,
    );
    expect(refused.stderr).toMatch(/\nkd: Commiten stoppades: rätta felen ovan och gör commit igen\. Samma kontroll körs i CI\.\n$/);
    expect(git(arkiv, 'rev-parse', 'HEAD')).toBe(approved);

    // Committed past the hook, CI catches it: the check step fails with the annotation on the line.
    git(arkiv, 'commit', '-q', '--no-verify', '-am', 'Ångra justeringen');
    const caught = await githubSteps(await checkout('github-caught'), {
      'github.event_name': 'push',
      'github.event.before': approved,
      'github.base_ref': '',
    });
    expect(caught.map((s) => [s.name, s.ran.code])).toEqual([
      ['Installera kd (npm ci)', 0],
      ['kd check', 1],
    ]);
    expect(caught[1]!.ran.stdout).toBe(
      `::error file=${PROTOCOL},line=8,col=1,title=kd frozen-protocol::Protokollet var justerat i ${approved.slice(0, 12)} och får inte ändras, förväntade oförändrad text eller nya poster sist under corrections (date, by, what). Ångra ändringen med: git restore --source=${approved.slice(0, 12)} --staged --worktree -- ${PROTOCOL} (det tar också bort nya rättelser; skriv dem sedan sist under corrections).\n` +
        // The record of the approval stayed when the status was set back: that is said too.
        `::error file=${PROTOCOL},line=8,col=9,title=kd approval::status: Oväntad status utkast med en justering (approval) i front matter, förväntade status: justerat.\n`,
    );
    const gitlabCaught = await checkout('gitlab-caught');
    const failed = await gitlabScript(gitlabCaught, {
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'main',
      CI_COMMIT_BEFORE_SHA: approved,
    });
    expect(failed.code).toBe(1);
    expect(await readFile(path.join(gitlabCaught, 'kd-junit.xml'), 'utf8')).toContain('frozen-protocol');
  }, 240_000);

  it('a clone whose kd is not installed: the hook refuses the commit with one sentence', async () => {
    const clone = await checkout('not-installed');
    git(clone, 'config', 'core.hooksPath', '.githooks');
    await writeFile(path.join(clone, 'README.md'), 'Arkivet.\n');
    git(clone, 'add', 'README.md');
    const r = sh(clone, 'git', ['commit', '-q', '-m', 'README']);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kd: kd är inte installerat i arkivet (node_modules/.bin/kd saknas). Kör npm install här och gör commit igen.\n',
    });
  });
});
