import { compareFindings, type Finding } from '../core/finding.js';
import type { Archive } from '../model/index.js';
import { attendance } from './attendance.js';
import type { Rule } from './context.js';
import { fileName, items, numbering } from './numbering.js';
import { networkReference, officers, unknownMunicipality, unknownPerson } from './references.js';
import { calendarDates, rosterTerms, terms } from './registry.js';
import { decisionKind, followUps, partialAttendance } from './times.js';

/** Cross-file rules, run over the parsed records once every file has been read. */
export const rules: readonly Rule[] = [
  unknownPerson,
  networkReference,
  unknownMunicipality,
  officers,
  attendance,
  numbering,
  fileName,
  items,
  partialAttendance,
  decisionKind,
  followUps,
  rosterTerms,
  calendarDates,
  terms,
];

export interface RuleOptions {
  /** Archive-relative paths or folder prefixes to report on; all when empty. */
  only?: readonly string[];
}

export interface CheckResult {
  findings: Finding[];
  /** How many files were judged. */
  files: number;
}

/** Whether a file is one of the paths asked about (a file, or a folder's prefix); all when none. */
export function inScope(paths: readonly string[]): (file: string) => boolean {
  const only = paths.filter((p) => p !== '' && p !== '.');
  return (file) => only.length === 0 || only.some((p) => file === p || file.startsWith(`${p}/`));
}

/** Every finding of the archive: those of reading and schemas, then those of the rules, sorted by file and position. */
export function runRules(archive: Archive, options: RuleOptions = {}): CheckResult {
  const all = [...archive.findings, ...rules.flatMap((rule) => rule(archive))];
  const selected = inScope(options.only ?? []);
  const findings = all.filter((f) => selected(f.file)).sort(compareFindings);
  const files = new Set([...archive.files.map((f) => f.path), ...archive.findings.map((f) => f.file)]);
  return { findings, files: [...files].filter(selected).length };
}
