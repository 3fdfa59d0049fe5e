import { Command, CommanderError, Help, Option } from 'commander';
import { closest } from '../core/closest.js';
import { KdError, type KdErrorKey } from '../core/errors.js';
import { type Catalogue, catalogue, isLang, LANGS, type Lang } from '../i18n/index.js';
import { BlockedError } from './blocked.js';
import type { CommandDef, CommandKey, Globals, HelpRef } from './command.js';
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
    const known = [this, ...(this.parent ? [this.parent] : [])].flatMap((c) => c.options.map((o) => o.long ?? ''));
    const given = flag.split('=')[0]!;
    // A flag cut short (--munic) is one begun; otherwise the nearest by spelling (--halv).
    const begun = known.filter((k) => k.startsWith(given));
    const suggestion = begun.length === 1 ? begun[0]! : closest(given, known.filter(Boolean), 1).join('');
    throw new UsageError('unknown-option', { option: flag, suggestion });
  }
  override unknownCommand(): never {
    const command = String(this.args[0] ?? '');
    throw new UsageError('unknown-command', {
      command,
      suggestion: closest(
        command,
        this.commands.map((c) => c.name()),
        1,
      ).join(''),
    });
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

export interface CommandEntry {
  name: string;
  summary: CommandKey;
  usage: string;
  load: () => Promise<CommandDef>;
}

const entry = (name: string, summary: CommandKey, load: () => Promise<CommandDef>, usage = '[options]'): CommandEntry => ({
  name,
  summary,
  usage,
  load,
});

/**
 * Every command, light, in the order the help lists them: its name, the
 * catalogue key of its summary, its usage in the list of commands, and how
 * its definition is loaded (only when it runs or its help is shown). A test
 * holds each entry to what its module defines.
 */
export const COMMANDS: readonly CommandEntry[] = [
  entry('check', 'check', () => import('./commands/check.js').then((m) => m.checkCommand), '[options] [paths...]'),
  entry('new-protocol', 'newProtocol', () => import('./commands/new-protocol.js').then((m) => m.newProtocolCommand)),
  entry('roster', 'roster', () => import('./commands/roster.js').then((m) => m.rosterCommand)),
  entry('intro', 'intro', () => import('./commands/documents.js').then((m) => m.introCommand)),
  entry('digest', 'digest', () => import('./commands/documents.js').then((m) => m.digestCommand)),
  entry('render', 'render', () => import('./commands/render.js').then((m) => m.renderCommand), '[options] <protocol>'),
  entry('calendar', 'calendar', () => import('./commands/documents.js').then((m) => m.calendarCommand)),
  entry('import', 'import', () => import('./commands/import.js').then((m) => m.importCommand), '[options] [files...]'),
  entry('init', 'init', () => import('./commands/init.js').then((m) => m.initCommand), '[options] [dir]'),
  entry('pre-commit', 'preCommit', () => import('./commands/pre-commit.js').then((m) => m.preCommitCommand), ''),
  entry('approve', 'approve', () => import('./commands/approve.js').then((m) => m.approveCommand), '[options] <protocol>'),
  entry('site', 'site', () => import('./commands/site.js').then((m) => m.siteCommand)),
  entry('verify', 'verify', () => import('./commands/verify.js').then((m) => m.verifyCommand), '<file>'),
  entry('report', 'report', () => import('./commands/report.js').then((m) => m.reportCommand)),
  entry('attendance', 'attendance', () => import('./commands/query.js').then((m) => m.attendanceCommand)),
  entry('decisions', 'decisions', () => import('./commands/query.js').then((m) => m.decisionsCommand)),
  entry('assignments', 'assignments', () => import('./commands/query.js').then((m) => m.assignmentsCommand)),
  entry('index', 'index', () => import('./commands/index-registers.js').then((m) => m.indexCommand)),
  entry('rules', 'rules', () => import('./commands/rules.js').then((m) => m.rulesCommand)),
  entry('explain', 'explain', () => import('./commands/rules.js').then((m) => m.explainCommand), '<rule>'),
  entry('schema', 'schema', () => import('./commands/schema.js').then((m) => m.schemaCommand), '[kind]'),
];

/** The command argv runs, or shows the help of (`help <command>`): the first word that is not a global option or its value. */
export function invokedCommand(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (a === '--') words.push(...argv.slice(i + 1));
    else if (a === '--archive' || a === '--lang') i++;
    else if (!a.startsWith('-')) words.push(a);
    if (a === '--') break;
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/** The words of a help reference, `commands.checkPaths` or `options.initDir`. */
function helpText(c: Catalogue, ref: HelpRef): string {
  const [section, key] = ref.split('.') as ['commands' | 'options', string];
  return (c.cli[section] as Record<string, string>)[key]!;
}

/** Adds a command as its definition declares it; running it hands commander's parse to the definition. */
function addCommand(parent: Command, def: CommandDef, c: Catalogue, run: (def: CommandDef, cmd: Command) => Promise<void>): void {
  const cmd = parent.command(def.name).description(c.cli.commands[def.summary]);
  for (const a of def.arguments) cmd.argument(a.spec, helpText(c, a.help));
  for (const o of def.options) {
    const help = c.cli.options[o.help];
    const option = new Option(o.flags, o.listed ? `${help}: ${o.listed.join(', ')}` : help);
    if (o.repeat) option.argParser((value: string, previous: string[] = []) => [...previous, value]);
    cmd.addOption(option);
    if (o.negation) cmd.addOption(new Option(`--no-${o.long.slice(2)}`, c.cli.options[o.negation]));
  }
  for (const sub of def.subcommands) addCommand(cmd, sub, c, run);
  if (def.invoke) cmd.action(() => run(def, cmd));
}

async function buildProgram(argv: readonly string[], c: Catalogue, io: Io, setExit: (code: number) => void): Promise<Command> {
  const program = new KdCommand('kd');
  /** commander's usage placeholders in the catalogue's words: [flaggor], [kommando]. */
  const inWords = (usage: string) => usage.replace('[options]', c.cli.usageWords.options).replace('[command]', c.cli.usageWords.command);
  /** How the top-level help shows the commands that were not loaded. */
  const terms = new Map<Command, string>();
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
      subcommandTerm(this: Help, cmd: Command) {
        return inWords(terms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd));
      },
      commandUsage(this: Help, cmd: Command) {
        return inWords(Help.prototype.commandUsage.call(this, cmd));
      },
    } as Partial<Help>);

  const run = async (def: CommandDef, cmd: Command) => {
    const g = program.opts<{ archive?: string; lang?: Lang; color: boolean }>();
    const globals: Globals = { color: g.color, ...(g.lang ? { lang: g.lang } : {}), ...(g.archive ? { archive: g.archive } : {}) };
    // commander gives the options a parent also knows (roster's --network, --term, --format) to the parent.
    const inherited = cmd.parent && cmd.parent !== program ? cmd.parent.opts() : {};
    const parsed = { args: cmd.processedArgs, options: { ...inherited, ...cmd.opts() }, globals, catalogue: c };
    setExit(await def.invoke!(parsed, io));
  };
  const wanted = invokedCommand(argv);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) addCommand(program, await entry.load(), c, run);
    else terms.set(program.command(entry.name).description(c.cli.commands[entry.summary]), `${entry.name} ${entry.usage}`.trim());
  }
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
  const program = await buildProgram(argv, c, io, (code) => {
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
