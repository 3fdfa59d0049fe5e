import type { Catalogue, MessageData, MessageKey } from '../i18n/index.js';
import { type Finding, message, type Severity } from './finding.js';

/** A rule's id: every rule has its title and description in the catalogue, so the id list lives there. */
export type RuleId = keyof Catalogue['rules'];

/** Where a finding points: a file and a 1-based line and column, and the front-matter key path when there is one. */
export interface Where {
  file: string;
  line: number;
  column: number;
  path?: string;
}

/**
 * An example archive for a rule: files laid over the rule examples' small
 * base archive (`check/examples.ts`), archive-relative path → text. With
 * `committed`, those files are committed first and the example's files are
 * the change on top (for the rule that compares with the base revision).
 * A file given as `null` is removed from the base archive.
 */
export interface Example {
  files: Readonly<Record<string, string | null>>;
  committed?: Readonly<Record<string, string>>;
}

/** A finding an example must give: where, and which message with which data. */
export interface ExpectedFinding {
  file: string;
  line: number;
  column: number;
  key: MessageKey;
  data: Readonly<Record<string, unknown>>;
}

export interface NotOkExample extends Example {
  findings: readonly ExpectedFinding[];
}

/** Adds one finding of the rule; the key must be one of the rule's messages. */
export type Report<K extends MessageKey> = <M extends K>(where: Where, key: M, data: MessageData<M>) => void;

/**
 * One rule as data, as eslint and markdownlint define theirs: its id, the
 * messages it may give with the severity of each, examples that pass and
 * examples that fail (which the rule tester runs, and `kd explain` shows),
 * and, for a rule over the whole archive, its check. Rules of the reading
 * stages (file, encoding, YAML, schema) have no check: the stage that reads
 * the file gives their findings through `finding`.
 */
export interface RuleDefinition<K extends MessageKey, A> {
  id: RuleId;
  messages: Readonly<Record<K, Severity>>;
  examples: { ok: readonly Example[]; notOk: readonly NotOkExample[] };
  check?: (archive: A, report: Report<K>) => void;
}

/** What lists of rules need of each, whatever its messages: for the runner, the tester and the documentation. */
export interface RuleInfo<A = never> {
  id: RuleId;
  messages: Readonly<Partial<Record<MessageKey, Severity>>>;
  examples: { ok: readonly Example[]; notOk: readonly NotOkExample[] };
  /** The rule's findings over an archive (none for a stage rule). */
  run(archive: A): Finding[];
}

export interface Rule<K extends MessageKey = MessageKey, A = never> extends RuleDefinition<K, A>, RuleInfo<A> {
  messages: Readonly<Record<K, Severity>>;
  /** A finding of this rule, with the severity its message has. */
  finding<M extends K>(where: Where, key: M, data: MessageData<M>): Finding;
}

export function defineRule<K extends MessageKey, A = never>(definition: RuleDefinition<K, A>): Rule<K, A> {
  const finding = <M extends K>(where: Where, key: M, data: MessageData<M>): Finding => ({
    rule: definition.id,
    severity: definition.messages[key],
    file: where.file,
    line: where.line,
    column: where.column,
    ...(where.path !== undefined && where.path !== '' ? { path: where.path } : {}),
    message: message(key, data) as Finding['message'],
  });
  const run = (archive: A): Finding[] => {
    const out: Finding[] = [];
    definition.check?.(archive, (where, key, data) => out.push(finding(where, key, data)));
    return out;
  };
  return { ...definition, finding, run };
}
