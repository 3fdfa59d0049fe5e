import { runRules } from '../check/index.js';
import type { Lang } from '../i18n/index.js';
import type { Archive } from '../model/index.js';
import { inPeriod, type Period } from '../query/period.js';
import { BlockedError } from './blocked.js';

/** What a command answers about: one network or all, a period or all time. */
export interface Scope {
  network?: string | undefined;
  period?: Period | undefined;
}

/** A protocol's path: its network's folder and the meeting's date, which even a broken file has in its name. */
const PROTOCOL_FILE = /^networks\/([^/]+)\/protocols\/(?:[^/]+\/)*(\d{4}-\d{2}-\d{2})-[^/]*\.md$/;

/** The scope of one protocol: its network on the meeting's day (and everything outside protocols, which concerns() always counts). */
export function protocolScope(file: string): Scope {
  const m = PROTOCOL_FILE.exec(file);
  return m ? { network: m[1]!, period: { from: m[2]!, to: m[2]! } } : {};
}

/**
 * An error stops an answer when it can change it: any error outside
 * protocols (people, rosters, configuration), and errors in protocols of the
 * networks asked about, dated in the period asked about (by file name, which
 * even a broken file has). A broken protocol would otherwise be left out as
 * if the meeting had never happened.
 */
export function concerns(file: string, scope: Scope): boolean {
  const m = PROTOCOL_FILE.exec(file);
  const folder = /^networks\/([^/]+)\//.exec(file)?.[1];
  if (scope.network !== undefined && folder !== undefined && folder !== scope.network) return false;
  if (!m || scope.period === undefined) return true;
  return inPeriod(m[2]!, scope.period);
}

/** Throws BlockedError when an error in the archive touches the scope; read-only, nothing is written. */
export function requireSound(archive: Archive, scope: Scope, lang: Lang): void {
  const blocking = runRules(archive).findings.filter((f) => f.severity === 'error' && concerns(f.file, scope));
  if (blocking.length > 0) throw new BlockedError(blocking, archive.root, lang);
}
