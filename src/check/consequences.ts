import type { Finding } from '../core/finding.js';
import type { RuleId } from '../core/rule.js';

/**
 * One slip, one finding. A misspelt id in a protocol (`ana-ahl`) is an
 * unknown person; the same slip also leaves Anna Ahl unaccounted for, the
 * chair absent, a substitute standing in for nobody. Those are not mistakes
 * of their own: they go away with the cause. So a finding that follows from
 * a cause in the same file is not reported next to it, and the cause says
 * what to write (the nearest id).
 *
 * Each entry: the cause's rule, the rules whose findings can follow from it,
 * and the ids the cause is about (what was written and what was meant); a
 * finding of those rules in the cause's file that names one of those ids is
 * a consequence.
 */
const FOLLOWS: { cause: RuleId; consequences: readonly RuleId[]; ids: (data: Record<string, unknown>) => string[] }[] = [
  {
    cause: 'unknown-person',
    consequences: ['roster-unaccounted', 'officer-absent', 'substitute', 'not-on-roster', 'attendance-duplicate', 'approval'],
    ids: (d) => [String(d.id), ...String(d.known ?? '').split(', ')].filter((id) => id !== ''),
  },
];

export function withoutConsequences(findings: Finding[]): Finding[] {
  const causes = new Map<string, Set<string>>();
  for (const f of findings) {
    for (const rule of FOLLOWS) {
      if (f.rule !== rule.cause) continue;
      for (const consequence of rule.consequences) {
        const key = `${f.file}\n${consequence}`;
        const ids = causes.get(key) ?? new Set<string>();
        for (const id of rule.ids(f.message.data as Record<string, unknown>)) ids.add(id);
        causes.set(key, ids);
      }
    }
  }
  if (causes.size === 0) return findings;
  return findings.filter((f) => {
    const ids = causes.get(`${f.file}\n${f.rule}`);
    return !ids || !Object.values(f.message.data as Record<string, unknown>).some((v) => typeof v === 'string' && ids.has(v));
  });
}
