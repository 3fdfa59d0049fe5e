import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CommandDef } from '../src/cli/command.js';
import { COMMANDS, invokedCommand } from '../src/cli/main.js';
import { REPO, run } from './helpers.js';

/** What each file of the bundle holds, as scripts/bundle.mjs writes it down: `main.js` → `dist/cli/main.js`, … */
const BUNDLE = JSON.parse(readFileSync(path.join(REPO, 'dist', 'kd', 'meta.json'), 'utf8')) as Record<string, string[]>;

/** The sources loaded, from the files loaded: a file of the bundle stands for the modules it holds. */
function sources(files: string[]): string[] {
  return files.flatMap((f) => (f.startsWith('dist/kd/') ? (BUNDLE[f.slice('dist/kd/'.length)] ?? [f]) : [f]));
}

/**
 * Runs the built bin with a module hook that writes down every file loaded
 * (in the worker threads too), and returns those under kd's dist and
 * node_modules. `sources` turns them into the modules they hold.
 */
async function loadedFiles(args: string[], extra: Record<string, string> = {}): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-loaded-'));
  const out = path.join(dir, 'loaded.txt');
  await writeFile(out, '');
  await writeFile(
    path.join(dir, 'hook.mjs'),
    "import { appendFileSync } from 'node:fs';\nlet out;\nexport function initialize(data) { out = data.out; }\nexport async function load(url, context, next) { appendFileSync(out, url + '\\n'); return next(url, context); }\n",
  );
  await writeFile(
    path.join(dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister('./hook.mjs', import.meta.url, { data: { out: ${JSON.stringify(out)} } });\n`,
  );
  // Not CI=true from the test's own environment: kd would act as in CI.
  const { CI: _ci, ...env } = process.env;
  await promisify(execFile)(
    process.execPath,
    ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, path.join(REPO, 'bin', 'kd.js'), ...args],
    {
      cwd: REPO,
      env: { ...env, ...extra },
    },
  );
  const root = pathToFileURL(REPO).href;
  return (await readFile(out, 'utf8'))
    .split('\n')
    .filter((url) => url.startsWith(root))
    .map((url) => url.slice(root.length + 1));
}

const loaded = async (args: string[]) => sources(await loadedFiles(args));

describe('start-up loads only what is run', () => {
  for (const args of [['--version'], ['--help']])
    it(`kd ${args.join(' ')} loads no command and not zod`, async () => {
      const modules = await loaded(args);
      expect(modules).toContain('dist/cli/main.js');
      expect(modules.filter((m) => m.startsWith('dist/cli/commands/') || m === 'dist/cli/command.js' || m.includes('/zod/'))).toEqual([]);
    });

  it('kd check on the sample does not load remark (the line scan reads every body) nor yaml (the fast reader reads every file)', async () => {
    const modules = await loaded(['check', '--archive', 'archive']);
    expect(modules).toContain('dist/archive/outline.js');
    expect(modules).toContain('dist/archive/fast-yaml.js');
    expect(modules.filter((m) => /node_modules\/(remark-|micromark|mdast-util-from-markdown|unified|yaml\/)/.test(m))).toEqual([]);
  });

  it('the bin runs the bundle: no module of the unbundled dist is loaded, and zod comes bundled without its translations', async () => {
    const files = await loadedFiles(['check', '--archive', 'archive']);
    expect(files).toContain('dist/kd/main.js');
    expect(files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/kd/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('node_modules/zod/'))).toEqual([]);
    const modules = sources(files);
    expect(modules.filter((m) => m.startsWith('node_modules/zod/')).length).toBeGreaterThan(10);
    expect(modules.filter((m) => m.startsWith('node_modules/zod/v4/locales/'))).toEqual(['node_modules/zod/v4/locales/en.js']);
  });

  it('kd site starts its worker threads from the bundle, and they make the same site as one thread', async () => {
    const dirs = [await mkdtemp(path.join(os.tmpdir(), 'kd-site1-')), await mkdtemp(path.join(os.tmpdir(), 'kd-site2-'))];
    const pinned = { KD_CACHE: 'off', KD_SITE_THREADS: '1' };
    await loadedFiles(['site', '--archive', 'archive', '--out', dirs[0]!, '--as-of', '2020-01-01'], pinned);
    const files = await loadedFiles(['site', '--archive', 'archive', '--out', dirs[1]!, '--as-of', '2020-01-01'], {
      ...pinned,
      KD_SITE_THREADS: '2',
    });
    expect(files).toContain('dist/kd/site-worker.js');
    expect(sources(files)).toContain('dist/cli/commands/site-worker.js');
    const tree = async (dir: string) => {
      const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      return Object.fromEntries(
        await Promise.all(
          names.map(async (e) => [
            path.relative(dir, path.join(e.parentPath, e.name)),
            await readFile(path.join(e.parentPath, e.name), 'utf8'),
          ]),
        ),
      );
    };
    const [one, two] = [await tree(dirs[0]!), await tree(dirs[1]!)];
    expect(Object.keys(one).length).toBeGreaterThan(20);
    expect(two).toEqual(one);
  });

  it('kd check --help loads check and no other command', async () => {
    const commands = (await loaded(['check', '--help'])).filter((m) => m.startsWith('dist/cli/commands/'));
    expect(commands).toEqual(['dist/cli/commands/check.js']);
  });

  it('kd render as Markdown does not load the Word library', async () => {
    const modules = await loaded(['render', 'networks/ledning/protocols/2019/2019-04-05-2.md', '--archive', 'tests/fixtures/render']);
    expect(modules).toContain('dist/cli/commands/render.js');
    expect(modules.filter((m) => m.includes('/docx/') || m === 'dist/render/docx.js')).toEqual([]);
  });
});

describe('the light command table', () => {
  it('finds the command after the global options, and after help', () => {
    expect(invokedCommand(['--archive', 'check', '--lang', 'en', 'report', '--half', '2019H1'])).toBe('report');
    expect(invokedCommand(['--no-color', '--lang=en', 'help', 'roster', 'rotate'])).toBe('roster');
    expect(invokedCommand(['-V'])).toBeUndefined();
  });

  for (const entry of COMMANDS)
    it(`${entry.name}: the table says what its module defines`, async () => {
      const def: CommandDef = await entry.load();
      expect([def.name, def.summary]).toEqual([entry.name, entry.summary]);
      // How commander words a command in the list of commands.
      const usage = [def.options.length > 0 ? '[options]' : '', ...def.arguments.map((a) => a.spec)].filter(Boolean).join(' ');
      expect(usage).toBe(entry.usage);
      const all = (d: CommandDef): CommandDef[] => [d, ...d.subcommands.flatMap(all)];
      for (const o of all(def).flatMap((d) => d.options)) expect(o.key).toBe(new Option(o.flags).attributeName());
    });
});

describe('option values are checked once, by kind, in the catalogue’s words', () => {
  const cases: [string[], string][] = [
    [
      ['digest', '--half', '2019H3'],
      'kd: Unexpected "2019H3" for --half, expected a half-year of the form YYYYH1 or YYYYH2, e.g. 2019H1.\n',
    ],
    [
      ['assignments', '--as-of', '2019-02-30'],
      'kd: Unexpected "2019-02-30" for --as-of, expected a day the calendar has (February has 28 days, 29 in a leap year; April, June, September and November have 30).\n',
    ],
    [['new-protocol', '--time', '25:00-26:00'], 'kd: Unexpected "25:00-26:00" for --time, expected a time HH:MM-HH:MM.\n'],
    [['roster', 'rotate', '--term', '2023-2026', '--share', '2'], 'kd: Unexpected "2" for --share, expected a share such as 1/3 or 1/2.\n'],
    [['roster', 'turn', '--year', 'next'], 'kd: Unexpected "next" for --year, expected a year.\n'],
    [['init', '--substitutes', 'all'], 'kd: Unexpected value "all" for --substitutes, expected none, personal, any.\n'],
    [['calendar', '--format', 'csv'], 'kd: Unexpected value "csv" for --format, expected ics, md, json.\n'],
  ];
  for (const [args, stderr] of cases)
    it(`kd ${args.join(' ')}`, async () => {
      expect(await run(['--lang', 'en', '--archive', 'archive', ...args])).toEqual({ code: 2, stdout: '', stderr });
    });

  it('--half with --from is still refused as a conflict', async () => {
    const out = await run(['--lang', 'en', '--archive', 'archive', 'attendance', '--half', '2019H1', '--from', '2019-01-01']);
    expect(out).toEqual({ code: 2, stdout: '', stderr: 'kd: The options --half, --from/--to cannot be used together.\n' });
  });
});
