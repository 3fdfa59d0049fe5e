import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Node, type YAMLError } from 'yaml';
import { message, type Finding } from './finding.js';

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

const SOURCE_MAX = 60;
const INDEPENDENT = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED']);

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const findings: Finding[] = [];
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + firstLine - 1, column: p.col };
  };
  // Cheap for every node: never slices more than one short line, however
  // large the node (the root mapping spans the whole text).
  const sourceOf = (start: number, end: number) => {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl === -1 || nl >= end ? end : nl;
    const first = text.slice(start, Math.min(lineEnd, start + SOURCE_MAX + 1));
    return lineEnd - start > SOURCE_MAX || lineEnd < end ? `${first.slice(0, SOURCE_MAX)}…` : first;
  };

  // A syntax error (a tab, a missing quote) throws the parser off for the
  // rest of the file: only the first is reported, not its echoes. Duplicate
  // keys and refused tags are independent of each other and all reported.
  const problems = ([...doc.errors, ...doc.warnings] as YAMLError[]).sort((a, b) => a.pos[0] - b.pos[0]);
  const firstSyntax = problems.find((e) => !INDEPENDENT.has(e.code));
  // The parser's own range is often one character; the rest of the line
  // shows the reader what it is about. A tab is made visible.
  const restOfLine = (offset: number) => {
    const end = text.indexOf('\n', offset);
    const line = text.slice(offset, end === -1 ? undefined : end).trimEnd().replace(/\t/g, '⇥');
    return line.length > SOURCE_MAX ? `${line.slice(0, SOURCE_MAX)}…` : line;
  };
  for (const error of problems.filter((e) => INDEPENDENT.has(e.code) || e === firstSyntax)) {
    const pos = at(error.pos[0]);
    findings.push({
      rule: 'yaml-syntax',
      severity: 'error',
      file,
      ...pos,
      message: message('yaml.error', { code: error.code, found: restOfLine(error.pos[0]) }),
    });
  }

  const positions: PositionTable = {};
  let aliases = 0;
  // Paths are built as strings on the way down (formatPath's form), not
  // re-joined for every node: this walk touches every node of every file.
  const visit = (node: Node | null | undefined, path: string, key?: Node | null) => {
    if (node == null) return;
    if (isAlias(node)) {
      aliases++;
      const start = node.range?.[0] ?? 0;
      findings.push({
        rule: 'yaml-alias',
        severity: 'error',
        file,
        ...at(start),
        path,
        message: message('yaml.alias', { found: sourceOf(start, node.range?.[1] ?? start) }),
      });
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
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as Node | null;
        if (!isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) {
          const start = (k as Node | null)?.range?.[0] ?? range[0];
          findings.push({
            rule: 'yaml-syntax',
            severity: 'error',
            file,
            ...at(start),
            message: message('yaml.key', { found: sourceOf(start, (k as Node | null)?.range?.[1] ?? start) }),
          });
          continue;
        }
        const name = String(k.value);
        const child = path === '' ? name : `${path}.${name}`;
        const value = pair.value as Node | null;
        if (value == null) {
          // `key:` with nothing after it: record the key so that a finding
          // about the missing value can still point at it.
          const kp = at(k.range?.[0] ?? range[0]);
          positions[child] = { ...kp, keyLine: kp.line, keyColumn: kp.column, source: '' };
          continue;
        }
        visit(value, child, k);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, `${path}[${i}]`));
    }
  };
  visit(doc.contents as Node | null, '');
  if (!positions['']) positions[''] = { line: firstLine, column: 1, source: '' };

  if (doc.errors.length > 0 || doc.warnings.length > 0 || aliases > 0 || findings.length > 0) {
    return { value: undefined, positions, findings };
  }
  return { value: doc.toJS({ maxAliasCount: 0 }), positions, findings };
}
