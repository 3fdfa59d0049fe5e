import { fastYaml } from '../archive/fast-yaml.js';
import { splitFrontMatter } from '../archive/frontmatter.js';
import { outline, type Section } from '../archive/outline.js';
import { summaries } from '../archive/summary.js';
import { decodeText } from '../archive/text.js';
import { compact, type PlaceTable, parseYaml } from '../archive/yaml.js';
import { changed, EXAMPLE_ARCHIVE, EXAMPLE_PROTOCOL } from '../core/examples.js';
import type { Finding } from '../core/finding.js';
import type { FileKind } from '../core/kinds.js';
import { defineRule } from '../core/rule.js';
import { validate } from './validate.js';

/**
 * Everything kd learns from one file on its own. It is a pure function of
 * (path, kind, bytes) and plain data throughout, so a content-hash cache or a
 * worker pool can sit in front of `processFile` without its callers noticing.
 */
export interface FileRecord {
  path: string;
  kind: FileKind;
  /** The validated data, when the file passed its schema. */
  data?: unknown;
  /**
   * Where the YAML is in the decoded text: [start, end, first line]. No
   * positions are kept (they were two thirds of a record): a finding of the
   * cross-file rules asks `placesOf` for its file's, read again from here.
   */
  yaml?: YamlSpan;
  /** Body sections, for protocols: where each is, not what it says (see `summariesOf`). */
  sections: Section[];
  findings: Finding[];
}

/** A file is UTF-8 text without control characters (a BOM and CRLF are fine). */
export const encodingRule = defineRule({
  id: 'encoding',
  messages: { 'file.encoding': 'error', 'file.control': 'error' },
  examples: {
    ok: [
      // Saved on Windows: a byte order mark and CRLF line ends.
      { files: { [EXAMPLE_PROTOCOL]: `\uFEFF${EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!.replaceAll('\n', '\r\n')}` } },
    ],
    notOk: [
      {
        // Pasted from Word, whose line break within a paragraph (Shift+Enter) is a vertical tab.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['upphandling av larmtjänster', 'upphandling\vav larmtjänster']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 24, column: 44, key: 'file.control', data: { code: 'U+000B' } }],
      },
    ],
  },
});

/** No TODO is left where kd import found no time or place. */
export const todoRule = defineRule({
  id: 'todo',
  messages: { 'todo.missing': 'error' },
  examples: {
    ok: [
      // A draft from kd import whose time and place the secretary has filled in.
      {
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            'status: justerat',
            'status: utkast\nsource: { file: Protokoll 8 februari.docx, sha256: 9f2c4e0b7a1d3f5e6c8b0a2d4f6e8c0b1a3d5f7e9c1b3a5d7f9e1c3b5a7d9f1e }',
          ]),
        },
      },
    ],
    notOk: [
      {
        // The imported Word protocol said neither when nor where the group met.
        files: {
          [EXAMPLE_PROTOCOL]: changed(
            EXAMPLE_PROTOCOL,
            ['time: "09:00-11:30"', 'time: TODO'],
            ['place: Kommunhuset, Alby', 'place: TODO'],
            ['status: justerat', 'status: utkast'],
          ),
        },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 5, column: 7, key: 'todo.missing', data: { key: 'time' } },
          { file: EXAMPLE_PROTOCOL, line: 6, column: 8, key: 'todo.missing', data: { key: 'place' } },
        ],
      },
    ],
  },
});

/** The value kd import writes where the source did not say: a finding of its own, never a schema error that would hide the other rules. */
export const TODO = 'TODO';
/** What a TODO time stands for while the rest of the draft is checked: the whole day, so no partial time falls outside it. */
const WHOLE_DAY = '00:00-23:59';

function todos(value: unknown, positions: Record<string, { line: number; column: number }>, path: string): Finding[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const data = value as Record<string, unknown>;
  const out: Finding[] = [];
  for (const key of ['time', 'place'] as const) {
    if (data[key] !== TODO) continue;
    const at = positions[key];
    out.push(todoRule.finding({ file: path, line: at?.line ?? 1, column: at?.column ?? 1, path: key }, 'todo.missing', { key }));
    if (key === 'time') data[key] = WHOLE_DAY;
  }
  return out;
}

export type YamlSpan = [start: number, end: number, line: number];

/** The places of a file's YAML nodes (see FileRecord.yaml): what the strict reader gives, as `processFile` saw them. */
export function placesOf(path: string, bytes: Uint8Array, [start, end, line]: YamlSpan): PlaceTable {
  const decoded = decodeText(bytes);
  if (!decoded.ok || end > decoded.text.length) return {};
  const text = decoded.text.slice(start, end);
  return fastYaml(text, line)?.places ?? compact(parseYaml(text, path, line).positions);
}

/**
 * What each section of a protocol says first (see archive/summary.ts), from
 * its bytes. Only a report reads it, for a half-year's protocols: records do
 * not keep it (it was half of what they held).
 */
export function summariesOf(bytes: Uint8Array, [start, end, line]: YamlSpan, sections: readonly Section[]): Map<number, string> {
  const decoded = decodeText(bytes);
  if (!decoded.ok || end > decoded.text.length || sections.length === 0) return new Map();
  const { text } = decoded;
  // The body starts after the closing `---` line, the line after the YAML's last.
  let bodyLine = line + 1;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) bodyLine++;
  return summaries(sections, text.slice(Math.min(end + 4, text.length)), bodyLine);
}

export function processFile(path: string, kind: FileKind, bytes: Uint8Array): FileRecord {
  const record: FileRecord = { path, kind, sections: [], findings: [] };
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    record.findings.push(
      encodingRule.finding({ file: path, line: decoded.line, column: decoded.column }, 'file.encoding', {
        byte: `0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')}`,
        char: decoded.asWindows1252,
      }),
    );
    return record;
  }
  // YAML forbids control characters, and a NUL byte means a binary or
  // damaged file: refuse them all at their position (tab and line ends are fine).
  // C1 controls and bidirectional overrides are refused too: in a body they reach reports and terminals, and an
  // override can make a line read differently from what it says.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(decoded.text);
  if (control) {
    const before = decoded.text.slice(0, control.index);
    const line = before.split('\n').length;
    const column = control.index - before.lastIndexOf('\n');
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    record.findings.push(encodingRule.finding({ file: path, line, column }, 'file.control', { code: `U+${code}` }));
    return record;
  }
  let yamlText = decoded.text;
  let yamlLine = 1;
  let yamlStart = 0;
  if (kind === 'protocol') {
    const split = splitFrontMatter(decoded.text, path);
    if (!split.ok) {
      record.findings.push(split.finding);
      return record;
    }
    yamlText = split.value.yaml;
    yamlLine = split.value.yamlLine;
    yamlStart = split.value.yamlStart;
    record.sections = outline(split.value.body, split.value.bodyLine);
  }
  record.yaml = [yamlStart, yamlStart + yamlText.length, yamlLine];
  // Front matter of the plain shapes kd writes is read without a YAML tree; it has no finding of its own only if
  // its schema finds none either (those findings need the strict reader's positions and source lines).
  const fast = fastYaml(yamlText, yamlLine, { places: false });
  if (fast !== undefined) {
    const todo = kind === 'protocol' ? todos(fast.value, {}, path) : [];
    const validated = todo.length === 0 ? validate(kind, fast.value, {}, path) : undefined;
    if (validated !== undefined && validated.findings.length === 0) {
      if (validated.data !== undefined) record.data = validated.data;
      return record;
    }
  }
  const parsed = parseYaml(yamlText, path, yamlLine);
  record.findings.push(...parsed.findings);
  if (parsed.value === undefined) return record;
  if (kind === 'protocol') record.findings.push(...todos(parsed.value, parsed.positions, path));
  const validated = validate(kind, parsed.value, parsed.positions, path);
  record.findings.push(...validated.findings);
  if (validated.data !== undefined) record.data = validated.data;
  return record;
}
