import type { z } from 'zod';
import type { PositionTable } from '../archive/yaml.js';
import { changed, EXAMPLE_PROTOCOL } from '../core/examples.js';
import { type Finding, formatPath } from '../core/finding.js';
import type { FileKind } from '../core/kinds.js';
import { defineRule } from '../core/rule.js';
import { type Expectation, expectationNamed } from '../i18n/index.js';
import type { ForbiddenKind } from '../schema/common.js';
import { schemas } from '../schema/index.js';

/** Every file follows the schema of its kind. */
export const schemaRule = defineRule({
  id: 'schema',
  messages: {
    'schema.unknown-key': 'error',
    'schema.missing': 'error',
    'schema.invalid': 'error',
    'schema.list-dash': 'error',
    'schema.control': 'error',
  },
  examples: {
    ok: [
      // A key a protocol may leave out: the meeting's theme.
      { files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['items:', 'theme: Upphandling\nitems:']) } },
    ],
    notOk: [
      {
        // The date under a Swedish key: kd does not know `datum`, and misses `date`.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['date: 2024-02-08', 'datum: 2024-02-08']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 2, column: 1, key: 'schema.missing', data: { key: 'date', expected: { name: 'date' } } },
          { file: EXAMPLE_PROTOCOL, line: 4, column: 1, key: 'schema.unknown-key', data: { key: 'datum' } },
        ],
      },
      {
        // The time written the Swedish way, with points.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['time: "09:00-11:30"', 'time: "9.00-11.30"']) },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 5,
            column: 7,
            key: 'schema.invalid',
            data: { expected: { name: 'time-range' }, found: '"9.00-11.30"' },
          },
        ],
      },
      {
        // Those present written one a line, without the dashes that make them a list: one text to YAML.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            '  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]',
            '  present:\n    astrid-alm\n    bertil-bok\n    doris-dal\n    sara-sund',
          ]),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 13, column: 5, key: 'schema.list-dash', data: { found: 'astrid-alm…' } }],
      },
      {
        // An id pasted from a spreadsheet with its tab, written as the escape \t.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['secretary: sara-sund', 'secretary: "sara-sund\\t"']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 10, column: 12, key: 'schema.control', data: { code: 'U+0009', kind: 'control' } }],
      },
    ],
  },
});

type Issue = z.core.$ZodIssue;

export interface Validated<T> {
  data?: T;
  findings: Finding[];
}

/**
 * Validates parsed YAML against the schema of its kind and turns every zod
 * issue into a finding at the YAML node it is about. Every issue is reported,
 * not only the first.
 */
export function validate<K extends FileKind>(
  kind: K,
  value: unknown,
  positions: PositionTable,
  file: string,
): Validated<z.output<(typeof schemas)[K]>> {
  const result = schemas[kind].safeParse(value);
  if (result.success) return { data: result.data as z.output<(typeof schemas)[K]>, findings: [] };
  const findings: Finding[] = [];
  for (const issue of flatten(result.error.issues)) findings.push(...toFindings(issue, value, positions, file));
  return { findings };
}

/** Replaces union failures with the issues of the branch the value was meant for. */
function flatten(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch whose failures are not about the type of the value itself
      // is the one the author meant (a mapping for `{text, owner}`).
      const meant = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (meant) {
        out.push(...flatten(meant.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue)));
        continue;
      }
    }
    out.push(issue);
  }
  return out;
}

/** The character a `clean` check refused, from its parameters (see common.ts). */
function controlOf(issue: Issue): { code: string; kind: ForbiddenKind } | undefined {
  return issue.code === 'custom' && issue.params?.control ? (issue.params.control as { code: string; kind: ForbiddenKind }) : undefined;
}

function toFindings(issue: Issue, value: unknown, positions: PositionTable, file: string): Finding[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // A forbidden character in a value (or, for a record, in a key): named at the value, or the key.
  const keyControl = issue.code === 'invalid_key' ? issue.issues.map(controlOf).find((c) => c !== undefined) : undefined;
  const control = controlOf(issue) ?? keyControl;
  if (control) {
    const pos = positions[formatPath(path)];
    const at = !pos
      ? nearest(path, positions)
      : keyControl
        ? { line: pos.keyLine ?? pos.line, column: pos.keyColumn ?? pos.column }
        : { line: pos.line, column: pos.column };
    return [schemaRule.finding({ file, ...at, path: formatPath(path) }, 'schema.control', control)];
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const full = [...path, key];
      const pos = positions[formatPath(full)];
      const at = pos ? { line: pos.keyLine ?? pos.line, column: pos.keyColumn ?? pos.column } : nearest(path, positions);
      return schemaRule.finding({ file, ...at, path: formatPath(full) }, 'schema.unknown-key', { key });
    });
  }
  const here = positions[formatPath(path)];
  if (!here) {
    // The key is absent: point at the mapping that should hold it.
    const key = String(path[path.length - 1] ?? '');
    return [
      schemaRule.finding({ file, ...nearest(path.slice(0, -1), positions), path: formatPath(path) }, 'schema.missing', {
        key,
        expected: expectation(issue),
      }),
    ];
  }
  const expected = expectation(issue);
  const where = { file, line: here.line, column: here.column, path: formatPath(path) };
  // A text on the lines below its key where a list belongs: the list's items written without their dashes.
  if (isList(expected) && here.keyLine !== undefined && here.line > here.keyLine && typeof valueAt(value, path) === 'string') {
    return [schemaRule.finding(where, 'schema.list-dash', { found: here.source ?? '' })];
  }
  return [schemaRule.finding(where, 'schema.invalid', { expected, found: here.source ?? '' })];
}

function isList(e: Expectation): boolean {
  return ('name' in e && (e.name === 'list' || e.name === 'id-list' || e.name === 'nonempty-list')) || ('type' in e && e.type === 'array');
}

/** The value at a key path of the parsed data. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined;
  return at;
}

/** Position of the closest existing node on the path: its key if it has one. */
function nearest(path: readonly (string | number)[], positions: PositionTable) {
  for (let n = path.length; n >= 0; n--) {
    const pos = positions[formatPath(path.slice(0, n))];
    if (pos) return { line: pos.keyLine ?? pos.line, column: pos.keyColumn ?? pos.column };
  }
  return { line: 1, column: 1 };
}

function expectation(issue: Issue): Expectation {
  const name = expectationNamed(issue.message);
  if (name) return { name };
  switch (issue.code) {
    case 'invalid_type':
      return { type: String(issue.expected) };
    case 'invalid_value':
      return { oneOf: issue.values.map(String) };
    case 'too_small':
      return { min: Number(issue.minimum) };
    case 'too_big':
      return { max: Number(issue.maximum) };
    default:
      return { name: 'valid' };
  }
}
