import { chmod, lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from 'yaml';
import { KdError } from '../../archive/errors.js';
import { BUILTIN_TEMPLATES } from '../../archive/templates.js';
import { Transaction } from '../../archive/transaction.js';
import { FileExistsError } from '../../archive/write.js';
import { catalogue, type Lang } from '../../i18n/index.js';
import { ID_RE } from '../../schema/index.js';
import { slug } from '../../schema/index.js';
import { kdPackage, today } from '../meta.js';
import type { Io } from '../io.js';
import { ask, interactive, type Question } from '../prompt.js';

export interface InitOptions {
  organisation?: string;
  network?: string;
  networkName?: string;
  decides?: boolean;
  substitutes?: 'none' | 'personal' | 'any';
  secretary?: string;
  municipality?: string[];
  lang?: Lang;
}

export interface InitResult {
  dir: string;
  /** Paths created, relative to the new archive. */
  created: string[];
}

function yaml(data: unknown, comment: string): string {
  const doc = new Document(data);
  doc.commentBefore = ` ${comment}`;
  return doc.toString({ lineWidth: 0 });
}

/**
 * Creates a new archive in `dir`: configuration, people, one network, and
 * the CI files. Nothing existing is ever overwritten: if any target exists,
 * nothing is written at all.
 */
export async function init(dirArg: string, cwd: string, opts: InitOptions, version: { name: string; version: string }): Promise<InitResult> {
  const dir = path.resolve(cwd, dirArg);
  const lang = opts.lang ?? 'sv';
  const organisation = opts.organisation?.trim() || path.basename(dir);
  const network = opts.network ?? 'kd-gruppen';
  if (!ID_RE.test(network)) throw new KdError('invalid-option-value', { option: '--network', found: network, expected: catalogue(lang).expect.id! });
  const networkName = opts.networkName?.trim() || (lang === 'sv' ? 'Kommundirektörsgruppen' : 'Municipal directors’ group');
  const secretaryName = opts.secretary?.trim() || (lang === 'sv' ? 'Sekretariatet' : 'Secretariat');
  const secretary = slug(secretaryName) || 'sekretariatet';
  const municipalities = (opts.municipality ?? []).map((m) => m.trim()).filter(Boolean);
  const c = catalogue(lang).init;

  const template = async (name: string) =>
    (await readFile(path.join(BUILTIN_TEMPLATES, 'ci', name), 'utf8')).replaceAll('__KD__', `${version.name}@${version.version}`).replaceAll('__ARCHIVE__', '.');

  const files: [string, string][] = [
    ['kd.yml', yaml({ organisation, locale: lang, municipalities }, c.configComment)],
    ['people.yml', yaml({ [secretary]: { name: secretaryName, organisation } }, c.peopleComment)],
    [
      `networks/${network}/network.yml`,
      yaml(
        {
          name: networkName,
          mission: c.mission,
          decides: opts.decides ?? true,
          substitutes: opts.substitutes ?? 'personal',
          roster: [{ person: secretary, from: today(), role: 'secretary' }],
        },
        c.networkComment,
      ),
    ],
    [`networks/${network}/calendar.yml`, yaml({ meetings: [] }, c.calendarComment)],
    ['.github/workflows/kd.yml', await template('github-workflow.yml')],
    ['.gitlab-ci.yml', await template('gitlab-ci.yml')],
    ['.githooks/pre-commit', await template('pre-commit')],
  ];

  const existing: string[] = [];
  for (const [rel] of files) {
    if (await lstat(path.join(dir, rel)).then(() => true, () => false)) existing.push(rel);
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

export async function initCommand(dirArg: string | undefined, opts: InitOptions & { color?: boolean }, io: Io): Promise<number> {
  const lang = opts.lang ?? 'sv';
  const c = catalogue(lang);
  const dir = dirArg ?? '.';
  const filled = { ...opts };
  if (interactive(io)) {
    const questions: Question[] = [];
    const keys: (keyof InitOptions)[] = [];
    const ok = (a: string) => (a ? undefined : c.ui.newProtocol.invalidAnswer(c.expect.text!));
    if (opts.organisation === undefined) {
      questions.push({ text: c.init.askOrganisation, default: path.basename(path.resolve(io.cwd, dir)), check: ok });
      keys.push('organisation');
    }
    if (opts.networkName === undefined) {
      questions.push({ text: c.init.askNetworkName, default: lang === 'sv' ? 'Kommundirektörsgruppen' : 'Municipal directors’ group', check: ok });
      keys.push('networkName');
    }
    if (opts.secretary === undefined) {
      questions.push({ text: c.init.askSecretary, default: lang === 'sv' ? 'Sekretariatet' : 'Secretariat', check: ok });
      keys.push('secretary');
    }
    const answers = await ask(io, questions);
    keys.forEach((k, i) => ((filled as Record<string, unknown>)[k] = answers[i]));
  }
  let result: InitResult;
  try {
    result = await init(dir, io.cwd, filled, kdPackage());
  } catch (error) {
    // Refusing to overwrite is a finding about the folder, not a failure to run: exit 1.
    if (error instanceof KdError && error.key === 'init-exists') {
      io.stderr.write(`kd: ${c.cli.errors['init-exists'](error.data as { files: string })}\n`);
      return 1;
    }
    throw error;
  }
  const relative = path.relative(io.cwd, result.dir);
  const shown = relative === '' ? '.' : relative.startsWith('..') ? result.dir : relative;
  const hooks = '.githooks';
  io.stdout.write(
    `${c.init.created({ dir: shown })}\n${result.created.map((f) => `  ${f}\n`).join('')}\n${c.init.next}\n${c.init.steps({ dir: shown, hooks }).map((s) => `  ${s}\n`).join('')}`,
  );
  return 0;
}
