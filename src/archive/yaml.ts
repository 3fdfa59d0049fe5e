import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { changed, EXAMPLE_NETWORK, EXAMPLE_PROTOCOL } from '../core/examples.js';
import type { Finding } from '../core/finding.js';
import { defineRule } from '../core/rule.js';
import { explainStop, keySlip, LINE_LOOK, nodeSlip, SLIP_ERRORS, type Slip, SOURCE_MAX, slipExamples, yamlSlipRule } from './slips.js';
import { yamlLib } from './yaml-lib.js';

/** Front matter and YAML files are YAML 1.2 that parses, with string keys and no key twice. */
export const yamlSyntaxRule = defineRule({
  id: 'yaml-syntax',
  messages: { 'yaml.error': 'error', 'yaml.key': 'error', 'yaml.more': 'error', ...SLIP_ERRORS },
  examples: {
    ok: [
      // A time needs no quotes (YAML 1.2 reads it as text), and a comment is allowed.
      { files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['time: "09:00-11:30"', 'time: 09:00-11:30 # kaffe från 08:30']) } },
    ],
    notOk: [
      {
        // The place written twice: which one holds?
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['kind: protokoll', 'place: Stadshuset, Berga\nkind: protokoll']) },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 7,
            column: 1,
            key: 'yaml.error',
            data: { code: 'DUPLICATE_KEY', found: 'place: Stadshuset, Berga' },
          },
        ],
      },
      {
        // The attendance written the other way round: a list as the key.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            '  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]',
            '  [astrid-alm, bertil-bok, doris-dal, sara-sund]: present',
          ]),
        },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 12,
            column: 3,
            key: 'yaml.key',
            data: { found: '[astrid-alm, bertil-bok, doris-dal, sara-sund]' },
          },
        ],
      },
      ...slipExamples('error'),
    ],
  },
});

/** No anchors and aliases: a few lines of them can expand to gigabytes. */
export const yamlAliasRule = defineRule({
  id: 'yaml-alias',
  messages: { 'yaml.alias': 'error' },
  examples: {
    ok: [
      // An ampersand inside a text is no anchor.
      { files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['Gemensam upphandling', 'Upphandling & avtal']) } },
    ],
    notOk: [
      {
        // The start date written once with an anchor (&) and reused with an alias (*).
        files: {
          [EXAMPLE_NETWORK]: changed(
            EXAMPLE_NETWORK,
            ['{ person: astrid-alm, from: 2023-01-01', '{ person: astrid-alm, from: &start 2023-01-01'],
            ['{ person: bertil-bok, from: 2023-01-01', '{ person: bertil-bok, from: *start'],
          ),
        },
        findings: [{ file: EXAMPLE_NETWORK, line: 7, column: 33, key: 'yaml.alias', data: { found: '*start' } }],
      },
    ],
  },
});

/** Where a node of the front matter sits, and how its source reads. */
export interface NodePosition {
  line: number;
  column: number;
  /** Position of the key when the node is a map value. */
  keyLine?: number;
  keyColumn?: number;
  /** First line of the node's source, cut short: what the reader wrote (dropped once the file is validated). */
  source?: string;
}

/** Key path (as `formatPath` writes it) → position, while a file is being read and validated. */
export type PositionTable = Record<string, NodePosition>;

/**
 * The compact form kept once a file is validated, and cached: [line, column]
 * or [line, column, keyLine, keyColumn]. Arrays of numbers weigh a fraction
 * of objects with named fields, in memory and in the cache.
 */
export type Place = [number, number] | [number, number, number, number];
export type PlaceTable = Record<string, Place>;

export function compact(table: PositionTable): PlaceTable {
  const out: PlaceTable = {};
  for (const key in table) {
    const p = table[key]!;
    out[key] = p.keyLine !== undefined ? [p.line, p.column, p.keyLine, p.keyColumn!] : [p.line, p.column];
  }
  return out;
}

export interface ParsedYaml {
  /** The data as plain JS, or undefined when the YAML could not be trusted. */
  value: unknown;
  positions: PositionTable;
  findings: Finding[];
}

/** The findings one YAML text can give; past them one finding says how many more there are. */
const MAX_FINDINGS = 200;
const INDEPENDENT = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED']);
/**
 * The parser's own check for repeated keys compares each key with every
 * earlier one in its mapping: quadratic in the mapping's size (a 1 MiB file
 * of keys took minutes). So a text is parsed without it and duplicateKeys
 * looks in one pass; only when it finds one, and the parser's check would
 * compare no more than this many pairs, is the text parsed again with the
 * check, for the parser's own positions.
 */
const KEY_COMPARISONS = 50_000;

type Problem = Pick<YAMLError, 'code' | 'pos'>;

function parse(text: string, lineCounter: LineCounter, uniqueKeys: boolean): Document.Parsed {
  return yamlLib().parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
}

/**
 * Keys repeated in a mapping, as the parser's own check finds them (two
 * scalar keys are the same when their values are ===, other keys never), in
 * one pass, and how many comparisons the parser's check would make. The
 * position is the repeated key's own; the parser's is the same except after
 * an empty value, where it points at the end of that value.
 */
function duplicateKeys(root: Node | null): { found: Problem[]; comparisons: number } {
  const { isMap, isScalar, isSeq } = yamlLib();
  const found: Problem[] = [];
  let comparisons = 0;
  const pending: (Node | null | undefined)[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      comparisons += (node.items.length * (node.items.length - 1)) / 2;
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) {
            const at = key.range?.[0] ?? node.range?.[0] ?? 0;
            found.push({ code: 'DUPLICATE_KEY', pos: [at, at + 1] });
          } else seen.add(key.value);
        }
        pending.push(key, pair.value as Node | null);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item as Node | null);
    }
  }
  return { found, comparisons };
}

/**
 * Parses one YAML text strictly: YAML 1.2 core schema (dates, times and
 * `yes`/`no` stay strings; `17:45` is not the sexagesimal 1065 of YAML 1.1),
 * no custom tags, duplicate keys and every warning are errors, aliases are
 * refused (they are the way to build a "billion laughs" document).
 *
 * `firstLine` is the file line on which `text` starts, so that positions are
 * those of the whole file.
 */
export function parseYaml(text: string, file: string, firstLine = 1): ParsedYaml {
  const { LineCounter, isAlias, isMap, isPair, isScalar, isSeq } = yamlLib();
  let lineCounter = new LineCounter();
  let doc = parse(text, lineCounter, false);
  const repeated = duplicateKeys(doc.contents as Node | null);
  let duplicates = repeated.found;
  if (duplicates.length > 0 && repeated.comparisons <= KEY_COMPARISONS) {
    lineCounter = new LineCounter();
    doc = parse(text, lineCounter, true);
    duplicates = [];
  }
  const findings: Finding[] = [];
  // Past MAX_FINDINGS only counted: a file of a hundred thousand repeated keys is not worded a hundred thousand times.
  let unreported = 0;
  const report = (finding: () => Finding) => {
    if (findings.length <= MAX_FINDINGS) findings.push(finding());
    else unreported++;
  };
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + firstLine - 1, column: p.col };
  };
  // Cheap for every node: never looks further than SOURCE_MAX characters,
  // however large the node (the root mapping spans the whole text) or long
  // its line (a flow sequence of a 1 MiB line has a node every few bytes).
  const sourceOf = (start: number, end: number) => {
    const window = text.slice(start, Math.min(end, start + SOURCE_MAX + 1));
    const nl = window.indexOf('\n');
    if (nl !== -1) return `${window.slice(0, nl)}…`;
    return window.length > SOURCE_MAX ? `${window.slice(0, SOURCE_MAX)}…` : window;
  };

  // A syntax error (a tab, a missing quote) throws the parser off for the
  // rest of the file: only the first is reported, not its echoes. Duplicate
  // keys and refused tags are independent of each other and all reported.
  const problems = ([...doc.errors, ...doc.warnings, ...duplicates] as Problem[]).sort((a, b) => a.pos[0] - b.pos[0]);
  const firstSyntax = problems.find((e) => !INDEPENDENT.has(e.code));
  // The parser's own range is often one character; the rest of the line
  // shows the reader what it is about. A tab is made visible.
  // At most LINE_LOOK characters of it are read: a line longer than that is
  // cut short whatever its end holds.
  const restOfLine = (offset: number) => {
    const window = text.slice(offset, offset + LINE_LOOK + 1);
    const nl = window.indexOf('\n');
    const cut = nl === -1 && window.length > LINE_LOOK;
    const line = (nl === -1 ? window : window.slice(0, nl)).trimEnd().replace(/\t/g, '⇥');
    return line.length > SOURCE_MAX || cut ? `${line.slice(0, SOURCE_MAX)}…` : line;
  };
  // A slip kd knows is named where it is, in the secretary's words; the parser's own message is for the rest.
  const slipFinding = (s: Slip): Finding =>
    s.key in SLIP_ERRORS
      ? yamlSyntaxRule.finding({ file, ...at(s.offset) }, s.key as keyof typeof SLIP_ERRORS, s.data as never)
      : yamlSlipRule.finding({ file, ...at(s.offset) }, s.key as Parameters<typeof yamlSlipRule.finding>[1], s.data as never);
  for (const error of problems.filter((e) => INDEPENDENT.has(e.code) || e === firstSyntax)) {
    const slip = error === firstSyntax ? explainStop(text, error.pos[0]) : undefined;
    report(() =>
      slip
        ? slipFinding(slip)
        : yamlSyntaxRule.finding({ file, ...at(error.pos[0]) }, 'yaml.error', { code: error.code, found: restOfLine(error.pos[0]) }),
    );
  }
  // In a text the parser took, slips it read otherwise than they look: looked for only then (after a syntax error the parse is not to be trusted).
  const slips = firstSyntax === undefined;

  const positions: PositionTable = {};
  let aliases = 0;
  // Paths are built as strings on the way down (formatPath's form), not
  // re-joined for every node: this walk touches every node of every file.
  // It keeps its own stack (a tree nested deeper than the call stack allows
  // must not crash kd), in the order a recursive walk would take.
  type Task =
    | { node: Node | null | undefined; path: string; key?: Node | null; inList?: boolean }
    | { pair: unknown; path: string; range: [number, number, number] };
  const tasks: Task[] = [{ node: doc.contents as Node | null, path: '' }];
  const visit = (node: Node | null | undefined, path: string, key?: Node | null, inList = false) => {
    if (node == null) return;
    if (slips) {
      const slip = nodeSlip(text, node, inList);
      if (slip) report(() => slipFinding(slip));
    }
    if (isAlias(node)) {
      aliases++;
      const start = node.range?.[0] ?? 0;
      report(() => yamlAliasRule.finding({ file, ...at(start), path }, 'yaml.alias', { found: sourceOf(start, node.range?.[1] ?? start) }));
      return;
    }
    const range = node.range ?? [0, 0, 0];
    const entry: NodePosition = { ...at(range[0]), source: sourceOf(range[0], range[1]) };
    if (key?.range) {
      const k = at(key.range[0]);
      entry.keyLine = k.line;
      entry.keyColumn = k.column;
    }
    positions[path] = entry;
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) tasks.push({ pair: node.items[i], path, range: range as [number, number, number] });
    } else if (isSeq(node)) {
      const inList = !node.flow;
      for (let i = node.items.length - 1; i >= 0; i--) tasks.push({ node: node.items[i] as Node, path: `${path}[${i}]`, inList });
    }
  };
  const visitPair = (pair: unknown, path: string, range: [number, number, number]) => {
    if (!isPair(pair)) return;
    const k = pair.key as Node | null;
    if (!isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) {
      const start = (k as Node | null)?.range?.[0] ?? range[0];
      // After a syntax error such a key is the parser's guess at the lines that follow, an echo of that error.
      if (slips) {
        report(() =>
          yamlSyntaxRule.finding({ file, ...at(start) }, 'yaml.key', { found: sourceOf(start, (k as Node | null)?.range?.[1] ?? start) }),
        );
      }
      return;
    }
    const name = String(k.value);
    if (slips) {
      const slip = keySlip(k);
      if (slip) report(() => slipFinding(slip));
    }
    const child = path === '' ? name : `${path}.${name}`;
    const value = pair.value as Node | null;
    if (value == null) {
      // `key:` with nothing after it: record the key so that a finding
      // about the missing value can still point at it.
      const kp = at(k.range?.[0] ?? range[0]);
      positions[child] = { ...kp, keyLine: kp.line, keyColumn: kp.column, source: '' };
      return;
    }
    tasks.push({ node: value, path: child, key: k });
  };
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    if ('pair' in task) visitPair(task.pair, task.path, task.range);
    else visit(task.node, task.path, task.key, task.inList);
  }
  if (!positions['']) positions[''] = { line: firstLine, column: 1, source: '' };
  if (findings.length > MAX_FINDINGS) {
    const next = findings[MAX_FINDINGS]!;
    const more = findings.length - MAX_FINDINGS + unreported;
    findings.length = MAX_FINDINGS;
    findings.push(yamlSyntaxRule.finding({ file, line: next.line, column: next.column }, 'yaml.more', { count: more }));
  }

  // A warning (a slip that may be meant) leaves the data to be read; an error does not.
  if (doc.errors.length > 0 || doc.warnings.length > 0 || aliases > 0 || findings.some((f) => f.severity === 'error')) {
    return { value: undefined, positions, findings };
  }
  return { value: doc.toJS({ maxAliasCount: 0 }), positions, findings };
}
