import type { Finding } from '../core/finding.js';
import type { FileKind } from '../core/kinds.js';
import { type Repo, readBlobs, treeAt } from './git.js';
import { atStart, CONFIG_FILE, MAX_FILE_BYTES, PEOPLE_FILE, type ReadResult, type SourceFile } from './read.js';

/** Which kind of archive file a path is, or undefined for files kd does not read. */
export function kindOf(rel: string): FileKind | undefined {
  if (rel === CONFIG_FILE) return 'config';
  if (rel === PEOPLE_FILE) return 'people';
  if (/^networks\/[^/.][^/]*\/network\.yml$/.test(rel)) return 'network';
  if (/^networks\/[^/.][^/]*\/calendar\.yml$/.test(rel)) return 'calendar';
  if (/^networks\/[^/.][^/]*\/protocols\/(?:[^/.][^/]*\/)*[^/.][^/]*\.md$/.test(rel)) return 'protocol';
  return undefined;
}

/**
 * Reads the archive as it was at a commit, from git's objects: the working
 * tree is not touched. The same limits apply as on disk: links are not
 * followed and files over the size cap are not read.
 */
export async function readArchiveAt(repo: Repo, commit: string): Promise<ReadResult> {
  const entries = await treeAt(repo, commit);
  const findings: Finding[] = [];
  const wanted: { path: string; kind: FileKind; object: string }[] = [];
  const networkIds = new Set<string>();
  for (const e of entries) {
    const net = /^networks\/([^/.][^/]*)\//.exec(e.path)?.[1];
    if (net) networkIds.add(net);
    const kind = kindOf(e.path);
    if (!kind) continue;
    if (e.mode === '120000') {
      findings.push(atStart(e.path, 'file.symlink-outside', { target: '?' }));
    } else if (e.size > MAX_FILE_BYTES) {
      findings.push(atStart(e.path, 'file.too-large', { size: e.size, max: MAX_FILE_BYTES }));
    } else wanted.push({ path: e.path, kind, object: e.object });
  }
  const blobs = await readBlobs(
    repo,
    wanted.map((w) => w.object),
  );
  const files: SourceFile[] = wanted.map((w) => ({ path: w.path, kind: w.kind, bytes: blobs.get(w.object) ?? new Uint8Array() }));
  if (!files.some((f) => f.kind === 'people')) {
    findings.push(atStart(PEOPLE_FILE, 'file.missing', { file: PEOPLE_FILE }));
  }
  for (const id of networkIds) {
    if (!files.some((f) => f.path === `networks/${id}/network.yml`))
      findings.push(atStart(`networks/${id}/network.yml`, 'file.missing', { file: `networks/${id}/network.yml` }));
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A commit does not change: its files are kept for the places a finding needs.
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  return { files, networkIds: [...networkIds].sort(), findings, reread: (rel) => byPath.get(rel) };
}
