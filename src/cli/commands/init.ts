import { chmod, lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import Mustache from 'mustache';
import * as z from 'zod';
import { newYamlFile as yaml } from '../../archive/edit.js';
import { git } from '../../archive/git.js';
import { BUILTIN_TEMPLATES } from '../../archive/templates.js';
import { Transaction } from '../../archive/transaction.js';
import { FileExistsError } from '../../archive/write.js';
import { KdError } from '../../core/errors.js';
import { catalogue, type Lang } from '../../i18n/index.js';
import { json } from '../../render/reporter.js';
import { ID_RE, isRealDate, slug } from '../../schema/index.js';
import { SUBSTITUTE_RULES, type SubstituteRule } from '../../schema/network.js';
import { argument, defineCommand, option } from '../command.js';
import { kdPackage } from '../meta.js';
import { text } from '../options.js';
import { ask, interactive, type Question } from '../prompt.js';

/** What a new archive needs; every one is asked on a terminal or given as a flag. */
export interface InitOptions {
  organisation?: string;
  municipality?: string[];
  network?: string;
  networkName?: string;
  decides?: boolean;
  substitutes?: SubstituteRule;
  secretary?: string;
  /** The secretary's first day in the network: the first protocol's date when an archive is filled backwards. */
  secretaryFrom?: string;
  lang?: Lang;
}

type Answers = Required<Omit<InitOptions, 'lang'>>;

export interface InitResult {
  dir: string;
  /** Paths created, relative to the new archive. */
  created: string[];
}

/** The flag each answer comes from, in the order they are asked. */
const FLAGS: Record<keyof Answers, string> = {
  organisation: '--organisation',
  municipality: '--municipality',
  networkName: '--network-name',
  network: '--network',
  decides: '--decides / --no-decides',
  substitutes: '--substitutes',
  secretary: '--secretary',
  secretaryFrom: '--secretary-from',
};

/** Checks given answers the way the schema would, and names every one that is missing. */
/** The answers the flags give, trimmed; an empty one counts as not given. */
function given(opts: InitOptions): { [K in keyof Answers]: Answers[K] | undefined } {
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const municipalities = [...new Set((opts.municipality ?? []).map((m) => m.trim()).filter(Boolean))];
  return {
    organisation: text(opts.organisation),
    municipality: municipalities.length > 0 ? municipalities : undefined,
    networkName: text(opts.networkName),
    network: text(opts.network),
    decides: opts.decides,
    substitutes: opts.substitutes,
    secretary: text(opts.secretary),
    secretaryFrom: text(opts.secretaryFrom),
  };
}

function complete(opts: InitOptions, lang: Lang): Answers {
  const expect = catalogue(lang).expect;
  const answers = given(opts);
  const missing = (Object.keys(FLAGS) as (keyof Answers)[]).filter((k) => answers[k] === undefined);
  if (missing.length > 0) throw new KdError('init-missing', { options: missing.map((k) => FLAGS[k]).join(', ') });
  const a = answers as Answers;
  if (!ID_RE.test(a.network)) throw new KdError('invalid-option-value', { option: '--network', found: a.network, expected: expect.id });
  if (!isRealDate(a.secretaryFrom))
    throw new KdError('invalid-option-value', { option: '--secretary-from', found: a.secretaryFrom, expected: expect.date });
  if (!slug(a.secretary)) throw new KdError('invalid-option-value', { option: '--secretary', found: a.secretary, expected: expect.text });
  return a;
}

/** kd's CI templates, filled with the catalogue's words in the archive's language. */
async function ciFile(name: string, lang: Lang): Promise<string> {
  const c = catalogue(lang).init.ci;
  const template = await readFile(path.join(BUILTIN_TEMPLATES, 'ci', name), 'utf8');
  const header =
    name === 'pre-commit'
      ? c.hookHeader
      : name === 'gitlab-ci.yml'
        ? c.gitlabHeader
        : name === 'github-pages.yml'
          ? c.pagesHeader
          : c.githubHeader;
  // `<% %>` tags leave GitHub's `${{ }}` alone; nothing is HTML-escaped in YAML or sh.
  return Mustache.render(
    template,
    {
      header,
      install: c.install,
      history: c.history,
      env: c.env,
      missing: c.hookMissing,
      public: c.sitePublic,
      pagesComment: c.gitlabPages,
    },
    {},
    {
      tags: ['<%', '%>'],
      escape: (s: string) => s,
    },
  );
}

/**
 * Creates a new archive in `dir`: configuration, people, one network, the
 * archive's own package.json that pins this kd, and the CI files that run
 * it. Nothing existing is ever overwritten: if any target exists, nothing
 * is written at all.
 */
export async function init(
  dirArg: string,
  cwd: string,
  opts: InitOptions,
  version: { name: string; version: string },
): Promise<InitResult> {
  const dir = path.resolve(cwd, dirArg);
  const lang = opts.lang ?? 'sv';
  const a = complete(opts, lang);
  const c = catalogue(lang).init;
  const secretary = slug(a.secretary);

  const packageJson = {
    name: `${slug(a.organisation) || 'kd'}-protokoll`.slice(0, 214),
    private: true,
    description: c.packageDescription({ organisation: a.organisation }),
    engines: { node: '>=20.12' },
    // Pinned exactly: every run, on every machine and in CI, uses the kd this archive was checked with.
    devDependencies: { [version.name]: version.version },
  };

  const files: [string, string][] = [
    ['kd.yml', yaml({ organisation: a.organisation, locale: lang, municipalities: a.municipality }, c.configComment)],
    ['people.yml', yaml({ [secretary]: { name: a.secretary, organisation: a.organisation } }, c.peopleComment)],
    [
      `networks/${a.network}/network.yml`,
      yaml(
        {
          name: a.networkName,
          mission: c.mission,
          decides: a.decides,
          substitutes: a.substitutes,
          roster: [{ person: secretary, from: a.secretaryFrom, role: 'secretary' }],
        },
        c.networkComment,
      ),
    ],
    [`networks/${a.network}/calendar.yml`, yaml({ meetings: [] }, c.calendarComment)],
    ['package.json', json(packageJson)],
    ['.gitignore', `# ${c.gitignoreComment}\nnode_modules/\nsite/\n`],
    ['.github/workflows/kd.yml', await ciFile('github-workflow.yml', lang)],
    ['.github/workflows/kd-site.yml', await ciFile('github-pages.yml', lang)],
    ['.gitlab-ci.yml', await ciFile('gitlab-ci.yml', lang)],
    ['.githooks/pre-commit', await ciFile('pre-commit', lang)],
  ];

  const existing: string[] = [];
  for (const [rel] of files) {
    if (
      await lstat(path.join(dir, rel)).then(
        () => true,
        () => false,
      )
    )
      existing.push(rel);
  }
  if (existing.length > 0) throw new KdError('init-exists', { files: existing.join(', ') });

  const created: string[] = [];
  await Transaction.run(async (tx) => {
    for (const [rel, text] of files) {
      try {
        await tx.create(path.join(dir, rel), text);
      } catch (error) {
        if (error instanceof FileExistsError) throw new KdError('init-exists', { files: rel });
        throw error;
      }
      created.push(rel);
    }
    await chmod(path.join(dir, '.githooks/pre-commit'), 0o755);
  });
  return { dir, created };
}

/** The questions for what the flags did not give, in the order a secretary thinks of them. */
function questions(
  opts: InitOptions,
  lang: Lang,
): { keys: (keyof Answers)[]; questions: Question[]; parse: (key: keyof Answers, answer: string) => unknown } {
  const c = catalogue(lang);
  const q = c.init.ask;
  const needText = (a: string) => (a ? undefined : c.ui.newProtocol.invalidAnswer(c.expect.text));
  const yesNo = (a: string): boolean | undefined =>
    q.yes.includes(a.toLowerCase()) ? true : q.no.includes(a.toLowerCase()) ? false : undefined;
  const list = (a: string) =>
    a
      .split(/[,;]/)
      .map((m) => m.trim())
      .filter(Boolean);
  const all: [keyof Answers, Question][] = [
    ['organisation', { text: q.organisation, check: needText }],
    [
      'municipality',
      { text: q.municipalities, check: (a) => (list(a).length > 0 ? undefined : c.ui.newProtocol.invalidAnswer(q.municipalitiesExpected)) },
    ],
    ['networkName', { text: q.networkName, default: q.networkNameDefault, check: needText }],
    // The id defaults to the name's slug, whether the name was asked or given.
    [
      'network',
      {
        text: q.network,
        default: (previous) => slug(opts.networkName ?? previous[keys.indexOf('networkName')] ?? '') || undefined,
        check: (a) => (ID_RE.test(a) ? undefined : c.ui.newProtocol.invalidAnswer(c.expect.id)),
      },
    ],
    [
      'decides',
      {
        text: q.decides,
        default: q.yes[0],
        check: (a) => (yesNo(a) === undefined ? c.ui.newProtocol.invalidAnswer(q.yesNoExpected) : undefined),
      },
    ],
    [
      'substitutes',
      {
        text: q.substitutes,
        default: 'personal',
        check: (a) =>
          (SUBSTITUTE_RULES as readonly string[]).includes(a) ? undefined : c.ui.newProtocol.invalidAnswer(SUBSTITUTE_RULES.join(', ')),
      },
    ],
    ['secretary', { text: q.secretary, check: (a) => (slug(a) ? undefined : c.ui.newProtocol.invalidAnswer(c.expect.text)) }],
    ['secretaryFrom', { text: q.secretaryFrom, check: (a) => (isRealDate(a) ? undefined : c.ui.newProtocol.invalidAnswer(c.expect.date)) }],
  ];
  const known = given(opts);
  const asked = all.filter(([k]) => known[k] === undefined);
  const keys = asked.map(([k]) => k);
  return {
    keys,
    questions: asked.map(([, question]) => question),
    parse: (key, answer) => (key === 'municipality' ? list(answer) : key === 'decides' ? yesNo(answer) : answer),
  };
}

export const initCommand = defineCommand('init', 'init', {
  arguments: [argument('[dir]', 'options.initDir')],
  // Answers are checked once all are in, whether given as flags or typed at the prompts.
  options: [
    option('--organisation <name>', 'organisation', text),
    option('--network <id>', 'networkId', text),
    option('--network-name <name>', 'networkName', text),
    option('--decides', 'decides', z.boolean().optional(), { negation: 'noDecides' }),
    option('--substitutes <rule>', 'substitutesOption', z.enum(SUBSTITUTE_RULES).optional()),
    option('--secretary <name>', 'secretary', text),
    option('--secretary-from <date>', 'secretaryFrom', text),
    option('--municipality <name>', 'municipalityList', z.array(z.string()).optional(), { repeat: true }),
  ],
  async run({ dir: dirArg, ...opts }, io) {
    const lang = opts.lang ?? 'sv';
    const c = catalogue(lang);
    const dir = dirArg ?? '.';
    let filled: InitOptions = { ...opts };
    if (interactive(io)) {
      const todo = questions(opts, lang);
      const answers = await ask(io, todo.questions);
      filled = { ...filled, ...Object.fromEntries(todo.keys.map((k, i) => [k, todo.parse(k, answers[i]!)])) };
    }
    let result: InitResult;
    try {
      result = await init(dir, io.cwd, filled, kdPackage());
    } catch (error) {
      // Refusing to overwrite is a finding about the folder, not a failure to run: exit 1.
      if (error instanceof KdError && error.key === 'init-exists') {
        io.stderr.write(`kd: ${error.say(c.cli.errors)}\n`);
        return 1;
      }
      throw error;
    }
    const relative = path.relative(io.cwd, result.dir);
    const shown = relative === '' ? '.' : relative.startsWith('..') ? result.dir : relative;
    // Only what is left: no `git init` when the archive already is a repository's top (the CI files,
    // the hook and node_modules/.bin/kd are all found from there), no hook step when the hook is on.
    const top = (await git(result.dir, ['rev-parse', '--show-toplevel']))?.trim();
    const inGit = top !== undefined && top !== '' && (await realpath(top)) === (await realpath(result.dir));
    const hooksOn = inGit && (await git(result.dir, ['config', '--get', 'core.hooksPath']))?.trim() === '.githooks';
    const steps = c.init.steps({ cd: shown === '.' ? undefined : shown, gitInit: !inGit, hooks: !hooksOn, network: filled.network! });
    io.stdout.write(
      `${c.init.created({ dir: shown })}\n${result.created.map((f) => `  ${f}\n`).join('')}\n${c.init.next}\n${steps.map((s, i) => `  ${i + 1}. ${s}\n`).join('')}`,
    );
    return 0;
  },
});
