import { compareFindings, type Finding } from '../core/finding.js';
import type { RuleInfo } from '../core/rule.js';
import type { Archive } from '../model/index.js';
import { approvalRule } from './approval.js';
import { attendanceDuplicate, notOnRoster, rosterUnaccounted, substitute } from './attendance.js';
import { confidentialRule } from './confidential.js';
import { withoutConsequences } from './consequences.js';
import {
  fileName,
  itemNumbering,
  numberDuplicate,
  numberGap,
  numberOrder,
  sectionExtra,
  sectionMissing,
  sectionTitle,
} from './numbering.js';
import {
  chairMissing,
  networkMismatch,
  officerAbsent,
  unknownMunicipality,
  unknownNetwork,
  unknownOwner,
  unknownPerson,
} from './references.js';
import {
  calendarDuplicate,
  rosterOutsideTerms,
  rosterOverlap,
  rosterTerm,
  termDuplicate,
  termMeetings,
  termOrder,
  termOverlap,
} from './registry.js';
import { decisionKind, dueDate, followsUp, itemRange, timeRange } from './times.js';

/** Cross-file rules, run over the parsed records once every file has been read. */
export const archiveRules: readonly RuleInfo<Archive>[] = [
  unknownPerson,
  unknownOwner,
  networkMismatch,
  unknownNetwork,
  unknownMunicipality,
  officerAbsent,
  approvalRule,
  confidentialRule,
  chairMissing,
  attendanceDuplicate,
  rosterUnaccounted,
  notOnRoster,
  substitute,
  numberDuplicate,
  numberGap,
  numberOrder,
  fileName,
  itemNumbering,
  sectionExtra,
  sectionMissing,
  sectionTitle,
  timeRange,
  itemRange,
  decisionKind,
  dueDate,
  followsUp,
  rosterTerm,
  rosterOverlap,
  calendarDuplicate,
  termDuplicate,
  termOrder,
  termMeetings,
  termOverlap,
  rosterOutsideTerms,
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
  const all = withoutConsequences([...archive.findings, ...archiveRules.flatMap((rule) => rule.run(archive))]);
  const selected = inScope(options.only ?? []);
  const findings = all.filter((f) => selected(f.file)).sort(compareFindings);
  const files = new Set([...archive.files.map((f) => f.path), ...archive.findings.map((f) => f.file)]);
  return { findings, files: [...files].filter(selected).length };
}
