import { Command, CommanderError, type Help, Option } from 'commander';
import { KdError, type KdErrorKey } from '../core/errors.js';
import { type Catalogue, catalogue, isLang, LANGS, type Lang } from '../i18n/index.js';
import { BlockedError } from './blocked.js';
import { CALENDAR_FORMATS, CHECK_FORMATS, DOC_FORMATS, QUERY_FORMATS, REPORT_FORMATS, SUMMARY_FORMATS } from './formats.js';
import type { Io } from './io.js';
import { kdPackage } from './meta.js';

export type { Io } from './io.js';

const IO_CODES = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EIO', 'EMFILE', 'ENFILE', 'EDQUOT', 'EBUSY', 'ENOTDIR', 'EISDIR']);

/** Raised from the commander hooks below so that usage errors speak the catalogue. */
class UsageError<K extends KdErrorKey> extends KdError<K> {}

/**
 * commander, but with its usage errors raised as catalogue messages rather
 * than English sentences. The hooks are commander's own error points; the
 * data (the flag, the command) is taken from their arguments, never parsed
 * out of a message.
 */
class KdCommand extends Command {
  override createCommand(name?: string): Command {
    return new KdCommand(name);
  }
  override unknownOption(flag: string): never {
    throw new UsageError('unknown-option', { option: flag });
  }
  override unknownCommand(): never {
    throw new UsageError('unknown-command', { command: String(this.args[0] ?? '') });
  }
  override missingArgument(name: string): never {
    throw new UsageError('missing-argument', { name });
  }
  override optionMissingArgument(option: Option): never {
    throw new UsageError('option-missing-argument', { option: option.flags });
  }
  override _excessArguments(received: string[]): never {
    throw new UsageError('excess-arguments', { expected: this.registeredArguments.length, found: received.length });
  }
}

declare module 'commander' {
  interface Command {
    unknownOption(flag: string): never;
    unknownCommand(): never;
    missingArgument(name: string): never;
    optionMissingArgument(option: Option): never;
    _excessArguments(received: string[]): never;
  }
}

/** The language for everything said before the archive is read: --lang, then KD_LANG, then Swedish. */
function earlyLang(argv: readonly string[], env: Io['env']): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (isLang(v)) return v;
  }
  return isLang(env.KD_LANG) ? env.KD_LANG : undefined;
}

function choice<T extends string>(option: string, allowed: readonly T[]) {
  return (value: string): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UsageError('invalid-choice', { option, found: value, allowed: allowed.join(', ') });
  };
}

function buildProgram(c: Catalogue, io: Io, setExit: (code: number) => void): Command {
  const program = new KdCommand('kd');
  program
    .description(c.cli.description)
    .version(kdPackage().version, '-V, --version', c.cli.options.version)
    .helpOption('-h, --help', c.cli.options.help)
    .helpCommand('help [command]', c.cli.commands.help)
    .addOption(new Option('--archive <dir>', c.cli.options.archive))
    .addOption(new Option('--lang <lang>', c.cli.options.lang).argParser(choice('--lang', LANGS)))
    .addOption(new Option('--no-color', c.cli.options.color))
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {},
    })
    .configureHelp({
      styleTitle: (title: string) => c.cli.titles[title] ?? title,
      showGlobalOptions: true,
    } as Partial<Help>);

  const globals = () => program.opts<{ archive?: string; lang?: Lang; color: boolean }>();
  /** A command's own options with the global ones (--archive, --lang, --no-color) added. */
  const withGlobals = <T extends object>(opts: T) => {
    const g = globals();
    return { ...opts, color: g.color, ...(g.lang ? { lang: g.lang } : {}), ...(g.archive ? { archive: g.archive } : {}) };
  };
  /** `--format` with its choices named in the help and checked as it is parsed. */
  const formatOption = (formats: readonly string[]) =>
    new Option('--format <format>', `${c.cli.options.format}: ${formats.join(', ')}`).argParser(choice('--format', formats));

  program
    .command('check')
    .description(c.cli.commands.check)
    .argument('[paths...]', c.cli.commands.checkPaths)
    .addOption(formatOption(CHECK_FORMATS))
    .option('--strict', c.cli.options.strict)
    .option('--changed', c.cli.options.changed)
    .option('--base <ref>', c.cli.options.base)
    .action(
      async (paths: string[], opts: { format?: (typeof CHECK_FORMATS)[number]; strict?: boolean; changed?: boolean; base?: string }) => {
        const { checkCommand } = await import('./commands/check.js');
        // Defaults are applied here, not by commander, whose help would print them in English.
        const own = {
          format: opts.format ?? 'text',
          strict: opts.strict === true,
          ...(opts.changed ? { changed: true } : {}),
          ...(opts.base ? { base: opts.base } : {}),
        };
        setExit(await checkCommand(paths, withGlobals(own), io));
      },
    );

  program
    .command('new-protocol')
    .description(c.cli.commands.newProtocol)
    .option('--network <id>', c.cli.options.network)
    .option('--date <date>', c.cli.options.date)
    .option('--time <time>', c.cli.options.time)
    .option('--place <text>', c.cli.options.place)
    .option('--agenda <file>', c.cli.options.agenda)
    .option('--dry-run', c.cli.options.dryRun)
    .option('--edit', c.cli.options.edit)
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const { newProtocolCommand } = await import('./commands/new-protocol.js');
      setExit(await newProtocolCommand(withGlobals(opts), io));
    });

  const roster = program
    .command('roster')
    .description(c.cli.commands.roster)
    .option('--network <id>', c.cli.options.network)
    .option('--on <date>', c.cli.options.on)
    .option('--term <id>', c.cli.options.term)
    .addOption(formatOption(QUERY_FORMATS))
    .action(async (opts: Record<string, unknown>) => {
      const { rosterCommand } = await import('./commands/roster.js');
      setExit(await rosterCommand(withGlobals(opts), io));
    });
  roster
    .command('rotate')
    .description(c.cli.commands.rotate)
    .option('--network <id>', c.cli.options.network)
    .option('--term <id>', c.cli.options.nextTerm)
    .option('--share <share>', c.cli.options.share)
    .option('--from <date>', c.cli.options.from)
    .option('--to <date>', c.cli.options.to)
    .option('--write', c.cli.options.write)
    .addOption(formatOption(SUMMARY_FORMATS))
    .action(async (opts: Record<string, unknown>) => {
      const { rotateCommand } = await import('./commands/roster.js');
      // commander gives the options `roster` also knows (--network, --term, --format) to `roster`.
      setExit(await rotateCommand(withGlobals({ ...roster.opts(), ...opts }), io));
    });
  roster
    .command('turn')
    .description(c.cli.commands.turn)
    .option('--network <id>', c.cli.options.network)
    .option('--year <year>', c.cli.options.year)
    .addOption(formatOption(SUMMARY_FORMATS))
    .action(async (opts: Record<string, unknown>) => {
      const { turnCommand } = await import('./commands/roster.js');
      setExit(await turnCommand(withGlobals({ ...roster.opts(), ...opts }), io));
    });

  program
    .command('intro')
    .description(c.cli.commands.intro)
    .option('--network <id>', c.cli.options.network)
    .option('--person <id>', c.cli.options.introPerson)
    .option('--as-of <date>', c.cli.options.introAsOf)
    .addOption(formatOption(DOC_FORMATS))
    .option('--out <file>', c.cli.options.out)
    .option('--force', c.cli.options.force)
    .action(async (opts: Record<string, unknown>) => {
      const { introCommand } = await import('./commands/documents.js');
      setExit(await introCommand(withGlobals(opts), io));
    });

  program
    .command('digest')
    .description(c.cli.commands.digest)
    .option('--municipality <name>', c.cli.options.digestMunicipality)
    .option('--half <half>', c.cli.options.reportHalf)
    .addOption(formatOption(DOC_FORMATS))
    .option('--out <file>', c.cli.options.out)
    .option('--force', c.cli.options.force)
    .action(async (opts: Record<string, unknown>) => {
      const { digestCommand } = await import('./commands/documents.js');
      setExit(await digestCommand(withGlobals(opts), io));
    });

  program
    .command('calendar')
    .description(c.cli.commands.calendar)
    .option('--network <id>', c.cli.options.network)
    .addOption(formatOption(CALENDAR_FORMATS))
    .option('--out <file>', c.cli.options.out)
    .option('--force', c.cli.options.force)
    .action(async (opts: Record<string, unknown>) => {
      const { calendarCommand } = await import('./commands/documents.js');
      setExit(await calendarCommand(withGlobals(opts), io));
    });

  program
    .command('import')
    .description(c.cli.commands.import)
    .argument('[files...]', c.cli.options.importFiles)
    .option('--network <id>', c.cli.options.network)
    .option('--dry-run', c.cli.options.dryRun)
    .option('--add-people', c.cli.options.addPeople)
    .option('--roster <file>', c.cli.options.roster)
    .option('--date <date>', c.cli.options.importDate)
    .option('--time <time>', c.cli.options.time)
    .option('--place <text>', c.cli.options.place)
    .option('--absent-unmentioned', c.cli.options.absentUnmentioned)
    .addOption(formatOption(SUMMARY_FORMATS))
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { importCommand } = await import('./commands/import.js');
      setExit(await importCommand(files, withGlobals(opts), io));
    });

  program
    .command('init')
    .description(c.cli.commands.init)
    .argument('[dir]', c.cli.options.initDir)
    .option('--organisation <name>', c.cli.options.organisation)
    .option('--network <id>', c.cli.options.networkId)
    .option('--network-name <name>', c.cli.options.networkName)
    .option('--decides', c.cli.options.decides)
    .option('--no-decides', c.cli.options.noDecides)
    .addOption(
      new Option('--substitutes <rule>', c.cli.options.substitutesOption).argParser(
        choice('--substitutes', ['none', 'personal', 'any'] as const),
      ),
    )
    .option('--secretary <name>', c.cli.options.secretary)
    .option('--secretary-from <date>', c.cli.options.secretaryFrom)
    .option('--municipality <name>', c.cli.options.municipalityList, (v: string, prev: string[] = []) => [...prev, v])
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { initCommand } = await import('./commands/init.js');
      setExit(await initCommand(dir, withGlobals(opts), io));
    });

  program
    .command('pre-commit')
    .description(c.cli.commands.preCommit)
    .action(async () => {
      const { preCommitCommand } = await import('./commands/pre-commit.js');
      setExit(await preCommitCommand(withGlobals({}), io));
    });

  program
    .command('report')
    .description(c.cli.commands.report)
    .option('--half <half>', c.cli.options.reportHalf)
    .option('--network <id>', c.cli.options.reportNetwork)
    .addOption(formatOption(REPORT_FORMATS))
    .option('--out <file>', c.cli.options.out)
    .option('--force', c.cli.options.force)
    .option('--at <rev>', c.cli.options.at)
    .action(async (opts: Record<string, string | boolean>) => {
      const { reportCommand } = await import('./commands/report.js');
      setExit(await reportCommand(withGlobals(opts), io));
    });

  program
    .command('attendance')
    .description(c.cli.commands.attendance)
    .option('--network <id>', c.cli.options.network)
    .option('--person <id>', c.cli.options.person)
    .option('--municipality <name>', c.cli.options.municipality)
    .option('--half <half>', c.cli.options.half)
    .option('--from <date>', c.cli.options.from)
    .option('--to <date>', c.cli.options.to)
    .addOption(formatOption(QUERY_FORMATS))
    .option('--at <rev>', c.cli.options.at)
    .action(async (opts: Record<string, string>) => {
      const { attendanceCommand } = await import('./commands/query.js');
      setExit(await attendanceCommand(withGlobals(opts), io));
    });

  program
    .command('decisions')
    .description(c.cli.commands.decisions)
    .option('--grep <text>', c.cli.options.grep)
    .option('--network <id>', c.cli.options.network)
    .option('--owner <id>', c.cli.options.owner)
    .option('--half <half>', c.cli.options.half)
    .option('--from <date>', c.cli.options.from)
    .option('--to <date>', c.cli.options.to)
    .addOption(formatOption(QUERY_FORMATS))
    .option('--at <rev>', c.cli.options.at)
    .action(async (opts: Record<string, string>) => {
      const { decisionsCommand } = await import('./commands/query.js');
      setExit(await decisionsCommand(withGlobals(opts), io));
    });

  program
    .command('assignments')
    .description(c.cli.commands.assignments)
    .option('--open', c.cli.options.open)
    .option('--overdue', c.cli.options.overdue)
    .option('--done', c.cli.options.done)
    .option('--owner <id>', c.cli.options.owner)
    .option('--network <id>', c.cli.options.network)
    .option('--as-of <date>', c.cli.options.asOf)
    .addOption(formatOption(QUERY_FORMATS))
    .option('--at <rev>', c.cli.options.at)
    .action(async (opts: Record<string, string | boolean>) => {
      const { assignmentsCommand } = await import('./commands/query.js');
      setExit(await assignmentsCommand(withGlobals(opts), io));
    });

  program
    .command('index')
    .description(c.cli.commands.index)
    .option('--check', c.cli.options.indexCheck)
    .option('--as-of <date>', c.cli.options.indexAsOf)
    .option('--at <rev>', c.cli.options.at)
    .action(async (opts: { check?: boolean; asOf?: string }) => {
      const { indexCommand } = await import('./commands/index-registers.js');
      setExit(await indexCommand(withGlobals(opts), io));
    });

  program
    .command('schema')
    .description(c.cli.commands.schema)
    .argument('[kind]', c.cli.commands.schemaKind)
    .action(async (kind: string | undefined) => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExit(await schemaCommand(kind, io));
    });

  return program;
}

/**
 * Runs kd with the given arguments and returns the exit code: 0 clean,
 * 1 findings, 2 kd could not run. Known failures print one sentence;
 * only a bug prints a stack trace.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const lang = earlyLang(argv, io.env) ?? 'sv';
  const c = catalogue(lang);
  let exitCode = 0;
  const program = buildProgram(c, io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof BlockedError) {
      // Errors that would change the answer: shown, and no answer given (exit 1, as kd report does).
      const { renderText } = await import('../render/findings.js');
      const { chalkFor, displayPath } = await import('./io.js');
      const report = {
        findings: error.findings,
        files: new Set(error.findings.map((f) => f.file)).size,
        display: displayPath(error.root, io.cwd),
        lang: error.lang,
      };
      io.stderr.write(renderText(report, chalkFor(io.stderr, io.env, !argv.includes('--no-color'))));
      io.stderr.write(`kd: ${catalogue(error.lang).cli.errors.blocked({ count: error.findings.length })}\n`);
      return 1;
    }
    if (error instanceof KdError) {
      io.stderr.write(`kd: ${error.say(c.cli.errors)}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string' && IO_CODES.has(code)) {
      // The disk or the system refused: a known failure, said in one sentence.
      const file = (error as NodeJS.ErrnoException).path ?? '';
      io.stderr.write(`kd: ${c.cli.errors.io({ code, file })}\n`);
      return 2;
    }
    if (error instanceof CommanderError) {
      // Help and version are shown through exitOverride as "errors" with exit code 0.
      if (error.exitCode === 0) return 0;
      io.stderr.write(`kd: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`kd: ${c.cli.errors.internal}\n${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}
