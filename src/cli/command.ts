import * as z from 'zod';
import { KdError } from '../core/errors.js';
import { type Catalogue, expectationNamed, type Lang } from '../i18n/index.js';
import type { Io } from './io.js';

/*
 * A command as data: its name, the catalogue key of its summary, its
 * arguments and options, and what it runs. Each option is declared once,
 * with its flag, the catalogue key of its help and its zod type; the zod
 * object that checks what commander parsed is built from those
 * declarations, and `run` gets that object's output, typed. main.ts turns a
 * definition into a commander command without loading zod (this module is
 * only loaded with a command).
 */

type Cli = Catalogue['cli'];
export type CommandKey = keyof Cli['commands'];
export type OptionKey = keyof Cli['options'];
/** An argument's help: a key of the catalogue's cli.commands or cli.options. */
export type HelpRef = `commands.${CommandKey}` | `options.${OptionKey}`;

/** The options every command has: --archive, --lang and --no-color. */
export interface Globals {
  archive?: string | undefined;
  lang?: Lang | undefined;
  color: boolean;
}

type Long<F extends string> = F extends `--${infer N} ${string}` ? N : F extends `--${infer N}` ? N : never;
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** The property commander stores a flag's value under: `--dry-run` → `dryRun`. */
export type FlagKey<F extends string> = Camel<Long<F>>;

export interface OptionSpec<K extends string = string, T extends z.ZodType = z.ZodType> {
  /** The property the value is stored under, derived from the flag as commander derives it. */
  readonly key: K;
  /** As commander takes it: `--half <half>`, `--strict`. */
  readonly flags: string;
  /** The long flag alone, as messages name it. */
  readonly long: string;
  readonly help: OptionKey;
  readonly type: T;
  /** Values listed after the help (`--format`'s formats). */
  readonly listed?: readonly string[] | undefined;
  /** Given once per value, the values collected in order. */
  readonly repeat?: boolean | undefined;
  /** A `--no-…` flag for false, with this help. */
  readonly negation?: OptionKey | undefined;
}

export interface ArgSpec<S extends string = string> {
  /** As commander takes it: `[paths...]`, `[dir]`. */
  readonly spec: S;
  readonly help: HelpRef;
}

/** What main.ts gives a command: commander's parse, unchecked. */
export interface Parsed {
  args: readonly unknown[];
  options: Record<string, unknown>;
  globals: Globals;
  /** The language kd speaks before the archive is read; option errors are said in it. */
  catalogue: Catalogue;
}

export interface CommandDef {
  readonly name: string;
  readonly summary: CommandKey;
  readonly arguments: readonly ArgSpec[];
  readonly options: readonly OptionSpec[];
  readonly subcommands: readonly CommandDef[];
  /** Checks the parse and runs the command; a command that only groups others has none. */
  readonly invoke?: ((parsed: Parsed, io: Io) => Promise<number>) | undefined;
}

type ArgKey<S extends string> = S extends `${'[' | '<'}${infer N}...${']' | '>'}`
  ? N
  : S extends `${'[' | '<'}${infer N}${']' | '>'}`
    ? N
    : never;
type ArgValue<S extends string> = S extends `${string}...${string}` ? string[] : S extends `[${string}` ? string | undefined : string;
type ArgValues<A extends readonly ArgSpec[]> = { [S in A[number] as ArgKey<S['spec']>]: ArgValue<S['spec']> };
type Shape<O extends readonly OptionSpec[]> = { [S in O[number] as S['key']]: S['type'] };

/** What `run` gets: the arguments by name, the checked options, and the global options. */
export type Input<A extends readonly ArgSpec[], O extends readonly OptionSpec[]> = ArgValues<A> & z.output<z.ZodObject<Shape<O>>> & Globals;

const camel = (name: string) => name.split('-').reduce((s, word) => s + word[0]!.toUpperCase() + word.slice(1));

/** An option: its flag, the key of its help in the catalogue, and the zod type of its value. */
export function option<const F extends `--${string}`, T extends z.ZodType>(
  flags: F,
  help: OptionKey,
  type: T,
  more: { listed?: readonly string[]; repeat?: boolean; negation?: OptionKey } = {},
): OptionSpec<FlagKey<F>, T> {
  const long = flags.split(' ')[0]!;
  return { key: camel(long.slice(2)) as FlagKey<F>, flags, long, help, type, ...more };
}

export function argument<const S extends string>(spec: S, help: HelpRef): ArgSpec<S> {
  return { spec, help };
}

const argKey = (spec: string) => spec.replace(/^[[<]|(\.\.\.)?[\]>]$/g, '');

/**
 * The first thing wrong with the options, as the sentence kd says for it.
 * The option types word their failures with `expect(name)` (the catalogue's
 * words for what was expected), as the schema does; a choice failing is
 * zod's invalid_value.
 */
function optionError(issue: z.core.$ZodIssue, options: readonly OptionSpec[], raw: Record<string, unknown>, c: Catalogue): KdError {
  const spec = options.find((o) => o.key === issue.path[0]);
  const found = String(raw[spec?.key ?? '']);
  if (spec && issue.code === 'invalid_value')
    return new KdError('invalid-choice', { option: spec.long, found, allowed: issue.values.join(', ') });
  const name = expectationNamed(issue.message);
  const expected = name !== undefined ? c.expect[name] : undefined;
  if (spec && expected !== undefined) return new KdError('invalid-option-value', { option: spec.long, found, expected });
  // Commander gives strings, booleans and lists: anything else is a declaration kd got wrong.
  throw new Error(`option ${String(issue.path[0])}: ${issue.message}`);
}

/** A command: its name, the catalogue key of its summary, and the rest. */
export function defineCommand<const A extends readonly ArgSpec[] = [], const O extends readonly OptionSpec[] = []>(
  name: string,
  summary: CommandKey,
  def: {
    arguments?: A;
    options?: O;
    subcommands?: readonly CommandDef[];
    run?: (input: Input<A, O>, io: Io) => Promise<number>;
  },
): CommandDef {
  const args = def.arguments ?? ([] as readonly ArgSpec[]);
  const options = def.options ?? ([] as readonly OptionSpec[]);
  const run = def.run;
  const schema = z.object(Object.fromEntries(options.map((o) => [o.key, o.type])));
  return {
    name,
    summary,
    arguments: args,
    options,
    subcommands: def.subcommands ?? [],
    invoke:
      run &&
      (async (parsed, io) => {
        const checked = schema.safeParse(parsed.options);
        if (!checked.success) throw optionError(checked.error.issues[0]!, options, parsed.options, parsed.catalogue);
        const named = Object.fromEntries(args.map((a, i) => [argKey(a.spec), parsed.args[i]]));
        return run({ ...named, ...checked.data, ...parsed.globals } as Input<A, O>, io);
      }),
  };
}
