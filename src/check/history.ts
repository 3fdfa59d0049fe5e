import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pair } from 'yaml';
import { splitFrontMatter } from '../archive/frontmatter.js';
import { type Change, changesSince, defaultBase, fileAt, modeAt, type Repo, repoOf, resolveRev } from '../archive/git.js';
import { loadRemark } from '../archive/outline.js';
import { decodeText } from '../archive/text.js';
import { yamlLib } from '../archive/yaml-lib.js';
import { KdError } from '../core/errors.js';
import { COMMIT_ID, changed, EXAMPLE_ARCHIVE, EXAMPLE_PROTOCOL, NEXT_PROTOCOL, nextMeeting } from '../core/examples.js';
import type { Finding } from '../core/finding.js';
import { defineRule } from '../core/rule.js';
import { placesOf, processFile } from '../model/file.js';

/** An approved protocol does not change, except for corrections added at the end; it is not deleted, renamed or replaced by a link. */
/** The example archive's approved protocol, committed: the version the history rule compares with. */
const APPROVED = { [EXAMPLE_PROTOCOL]: EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]! };

export const frozenProtocol = defineRule({
  id: 'frozen-protocol',
  messages: { 'frozen.changed': 'error', 'frozen.deleted': 'error', 'frozen.renamed': 'error', 'frozen.not-regular': 'error' },
  examples: {
    ok: [
      {
        // A correction added at the end of the approved protocol.
        committed: APPROVED,
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            '        due: 2024-04-30\n',
            '        due: 2024-04-30\ncorrections:\n  - { date: 2024-02-20, by: sara-sund, what: Bertil Bok deltog inte under punkt 1. }\n',
          ]),
        },
      },
      {
        // A draft may change until it is approved.
        committed: { [NEXT_PROTOCOL]: nextMeeting() },
        files: { [NEXT_PROTOCOL]: nextMeeting(['Stadshuset, Berga', 'Kommunhuset, Alby']) },
      },
    ],
    notOk: [
      {
        // The due date moved in the approved protocol instead of by a new decision.
        committed: APPROVED,
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['due: 2024-04-30', 'due: 2024-05-31']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 19, column: 1, key: 'frozen.changed', data: { base: COMMIT_ID, file: EXAMPLE_PROTOCOL } },
        ],
      },
      {
        // The approved protocol deleted.
        committed: APPROVED,
        files: { [EXAMPLE_PROTOCOL]: null },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 1, column: 1, key: 'frozen.deleted', data: { base: COMMIT_ID, file: EXAMPLE_PROTOCOL } },
        ],
      },
    ],
  },
});

/**
 * A protocol approved in the change carries the record of its approval:
 * who approved it, when and how (kd approve writes both at once). Protocols
 * approved before kd kept the record, or added already approved (an archive
 * moved into kd), are left as they are.
 */
export const approvalRecord = defineRule({
  id: 'approval-record',
  messages: { 'approval.missing': 'error' },
  examples: {
    ok: [
      {
        // Approved with kd approve: the status and the record in one change.
        committed: { [NEXT_PROTOCOL]: nextMeeting() },
        files: {
          [NEXT_PROTOCOL]: nextMeeting([
            'status: utkast\n',
            'status: justerat\napproval: { date: 2024-04-18, by: [astrid-alm], method: paper }\n',
          ]),
        },
      },
    ],
    notOk: [
      {
        // The status changed by hand, with no record of who approved it.
        committed: { [NEXT_PROTOCOL]: nextMeeting() },
        files: { [NEXT_PROTOCOL]: nextMeeting(['status: utkast', 'status: justerat']) },
        findings: [{ file: NEXT_PROTOCOL, line: 8, column: 9, key: 'approval.missing', data: {} }],
      },
    ],
  },
});

export const PROTOCOL_PATH_RE = /^networks\/[^/]+\/protocols\/.+\.md$/;

export interface HistoryResult {
  findings: Finding[];
  /** Why the history rule did not run, when it did not. */
  skipped?: 'no-git';
  repo?: Repo;
  /** The commit compared with. */
  base?: string;
  changes: Change[];
}

/**
 * The history rule: a protocol that was `justerat` at the base revision is
 * a legal record. It may only gain entries at the end of its `corrections:`
 * list; any other change, a rename or a deletion is `frozen-protocol`.
 */
export async function checkHistory(root: string, baseRev?: string, to?: { repo: Repo; tree: string }): Promise<HistoryResult> {
  const repo = to?.repo ?? (await repoOf(root));
  if (!repo) return { findings: [], skipped: 'no-git', changes: [] };
  const base = baseRev !== undefined ? await resolveRev(repo, baseRev) : await defaultBase(repo);
  if (!base) {
    if (baseRev !== undefined) throw new KdError('unknown-revision', { rev: baseRev });
    return { findings: [], repo, changes: [] }; // a repository without commits: nothing is approved yet
  }
  const changes = await changesSince(repo, base, to?.tree);
  // Old and new texts of changed protocols are read as protocols: any of them may need remark (registers and the rest never).
  if (changes.some((c) => PROTOCOL_PATH_RE.test(c.from ?? c.path))) await loadRemark();
  const short = base.slice(0, 12);
  // How git names the file in the undo command: from the archive root, or (archive in a sub-folder) from the repository's top with :/.
  const pathspec = (file: string) => (repo.prefix === '' ? file : `:/${repo.prefix}/${file}`);
  const top = (file: string) => (repo.prefix === '' ? file : `${repo.prefix}/${file}`);
  const findings: Finding[] = [];
  const approvedWithoutRecord = async (file: string): Promise<Finding[]> => {
    const now = await readNow(root, file, to);
    if (!now) return [];
    const record = processFile(file, 'protocol', now);
    const data = record.data as { status?: string; approval?: unknown } | undefined;
    if (data?.status !== 'justerat' || data.approval !== undefined) return [];
    const [line, column] = (record.yaml && placesOf(file, now, record.yaml).status) ?? [1, 1];
    return [approvalRecord.finding({ file, line, column, path: 'status' }, 'approval.missing', {})];
  };
  for (const change of changes) {
    const before = change.from ?? change.path;
    if (change.status === 'added' || !PROTOCOL_PATH_RE.test(before)) continue;
    const old = await fileAt(repo, base, before);
    if (!old) continue;
    if (!wasApproved(before, old)) {
      if (change.status !== 'deleted') findings.push(...(await approvedWithoutRecord(change.path)));
      continue;
    }
    if (change.status === 'deleted') {
      findings.push(
        frozenProtocol.finding({ file: before, line: 1, column: 1 }, 'frozen.deleted', { base: short, file: pathspec(before) }),
      );
    } else if (change.status === 'renamed') {
      findings.push(
        frozenProtocol.finding({ file: change.path, line: 1, column: 1 }, 'frozen.renamed', {
          from: top(before),
          base: short,
          file: top(change.path),
        }),
      );
    } else {
      // An approved protocol stays a regular file at its path: a link to an identical copy elsewhere could be edited freely.
      const link = to
        ? (await modeAt(repo, to.tree, change.path)) === '120000'
        : (await lstat(path.join(root, ...change.path.split('/'))).catch(() => undefined))?.isSymbolicLink();
      if (link) {
        findings.push(
          frozenProtocol.finding({ file: change.path, line: 1, column: 1 }, 'frozen.not-regular', {
            base: short,
            file: pathspec(change.path),
          }),
        );
        continue;
      }
      const now = await readNow(root, change.path, to);
      if (!now) continue;
      const line = illegalChange(old, now);
      if (line !== undefined)
        findings.push(
          frozenProtocol.finding({ file: change.path, line, column: 1 }, 'frozen.changed', { base: short, file: pathspec(change.path) }),
        );
    }
  }
  return { findings, repo, base, changes };
}

/** A protocol's bytes as they are now: in the tree being committed, or in the working tree. */
async function readNow(root: string, file: string, to?: { repo: Repo; tree: string }): Promise<Uint8Array | undefined> {
  return to ? await fileAt(to.repo, to.tree, file) : await readFile(path.join(root, ...file.split('/'))).catch(() => undefined);
}

/**
 * Was the protocol approved at the base? Read from its validated data, or,
 * when it did not validate there, from its `status:` line: an approved
 * protocol that was already broken stays protected.
 */
function wasApproved(file: string, bytes: Uint8Array): boolean {
  const record = processFile(file, 'protocol', bytes);
  if (record.data !== undefined) return (record.data as { status?: string }).status === 'justerat';
  const text = Buffer.from(bytes).toString('utf8');
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)?.[1] ?? text.slice(0, 64 * 1024);
  return /^status:[ \t]*(["']?)justerat\1[ \t]*(?:#.*)?$/m.test(front);
}

/**
 * The first line of `now` that is not allowed to differ from `old`, or
 * undefined when the only change is entries appended to `corrections:`.
 */
export function illegalChange(old: Uint8Array, now: Uint8Array): number | undefined {
  if (Buffer.compare(Buffer.from(old), Buffer.from(now)) === 0) return undefined;
  const a = decodeText(old);
  const b = decodeText(now);
  if (!a.ok || !b.ok) return firstDifferentLine(Buffer.from(old).toString('latin1'), Buffer.from(now).toString('latin1'));
  const corrections = appendedCorrections(a.text, b.text);
  if (corrections.only) return undefined;
  // A correction added as it should be is not the change to point at: the edit beside it is.
  return firstDifferentLine(a.text, b.text, corrections.lines);
}

/**
 * The corrections `newText` appends after the old ones: whether they are the
 * only change, and the lines they take (with the `corrections:` line itself
 * when the old text had none), which are legal and so not where an illegal
 * change is shown. Both texts are read once.
 */
function appendedCorrections(oldText: string, newText: string): { only: boolean; lines: Set<number> } {
  const lines = new Set<number>();
  const a = splitFrontMatter(oldText, '');
  const b = splitFrontMatter(newText, '');
  if (!a.ok || !b.ok) return { only: false, lines };
  const oa = withoutCorrections(a.value.yaml);
  const ob = withoutCorrections(b.value.yaml);
  // Every earlier correction stays as it was; new ones only at the end.
  if (!oa || !ob || ob.corrections.length < oa.corrections.length || !oa.corrections.every((c, i) => c === ob.corrections[i]))
    return { only: false, lines };
  const appended = ob.corrections.length > oa.corrections.length;
  if (appended && a.value.body === b.value.body && oa.rest === ob.rest) return { only: true, lines };
  const lineAt = (offset: number) => b.value.yamlLine + countLines(b.value.yaml, offset);
  const mark = (from: number, to: number) => {
    for (let l = lineAt(from); l <= lineAt(Math.max(from, to - 1)); l++) lines.add(l);
  };
  ob.ranges.slice(oa.corrections.length).forEach(([from, to]) => mark(from, to));
  if (oa.key === undefined && ob.key !== undefined) mark(ob.key, ob.key + 1);
  return { only: false, lines };
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The front matter text without its `corrections:` entry, and that list's entries as source text and offsets. */
function withoutCorrections(
  yaml: string,
): { rest: string; corrections: string[]; ranges: [number, number][]; key: number | undefined } | undefined {
  const { isMap, isPair, isScalar, parseDocument } = yamlLib();
  const doc = parseDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'corrections') as Pair | undefined;
  if (!pair) return { rest: yaml, corrections: [], ranges: [], key: undefined };
  const start = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
  const value = pair.value as { range?: [number, number, number]; items?: { range?: [number, number, number] }[] } | null;
  const end = value?.range?.[2] ?? value?.range?.[1] ?? start;
  const ranges = (value?.items ?? []).map((item): [number, number] => (item.range ? [item.range[0], item.range[1]] : [start, start]));
  const corrections = ranges.map(([from, to]) => yaml.slice(from, to).trim());
  return { rest: yaml.slice(0, start) + yaml.slice(end), corrections, ranges, key: start };
}

/** The first line of `b` that differs from `a`, passing over the lines of `b` in `skip`. */
function firstDifferentLine(a: string, b: string, skip: ReadonlySet<number> = new Set()): number {
  const la = a.split(/\r?\n/);
  const lb = b.split(/\r?\n/);
  let i = 0;
  for (let j = 0; j < lb.length; j++) {
    if (skip.has(j + 1)) continue;
    if (i >= la.length || la[i] !== lb[j]) return j + 1;
    i++;
  }
  // Lines removed at the end: the line after the last one left.
  return lb.length + (i < la.length ? 1 : 0);
}
