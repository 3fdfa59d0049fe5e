import type { Finding } from '../core/finding.js';
import { allDecisions, type DecisionRecord } from '../model/index.js';
import { DECISION_REF_RE, expandItemRange, minutes, normaliseRef } from '../schema/index.js';
import { findingAt, type Rule } from './context.js';

/** Partial attendance lies inside the meeting: times within its hours, items within its list. */
export const partialAttendance: Rule = (archive) => {
  const out: Finding[] = [];
  for (const p of archive.protocols) {
    const [start, end] = p.data.time.split('-') as [string, string];
    const count = p.data.items.length;
    p.data.attendance.partial.forEach((x, i) => {
      const base = `attendance.partial[${i}]`;
      for (const key of ['from', 'until'] as const) {
        const t = x[key];
        if (t !== undefined && (minutes(t) < minutes(start) || minutes(t) > minutes(end)))
          out.push(findingAt('time-range', p.file, p.positions, `${base}.${key}`, 'time-range', { found: t, meeting: p.data.time }));
      }
      if (x.from !== undefined && x.until !== undefined && minutes(x.from) >= minutes(x.until))
        out.push(findingAt('time-range', p.file, p.positions, `${base}.until`, 'time-order', { from: x.from, until: x.until }));
      if (x.items !== undefined && !inRange(expandItemRange(x.items), count, x.items))
        out.push(findingAt('item-range', p.file, p.positions, `${base}.items`, 'item-range', { found: String(x.items), count }));
    });
    p.data.guests.forEach((g, i) => {
      g.items?.forEach((n, j) => {
        if (n > count)
          out.push(findingAt('item-range', p.file, p.positions, `guests[${i}].items[${j}]`, 'item-range', { found: String(n), count }));
      });
    });
  }
  return out;
};

function inRange(numbers: number[], count: number, raw: number | string): boolean {
  if (numbers.length === 0) return false; // "4-1"
  if (
    typeof raw === 'string' &&
    raw.split(',').some((part) => {
      const [a, b] = part.trim().split('-').map(Number);
      return b !== undefined && b < a!;
    })
  )
    return false;
  return numbers.every((n) => n >= 1 && n <= count);
}

/** A network that does not decide makes agreements, and the other way round. */
export const decisionKind: Rule = (archive) => {
  const out: Finding[] = [];
  for (const p of archive.protocols) {
    const net = archive.networks.get(p.folder)?.config;
    if (!net) continue;
    const wrong = net.decides ? 'agreements' : 'decisions';
    p.data.items.forEach((item, i) => {
      if (item[wrong] !== undefined)
        out.push(findingAt('decision-kind', p.file, p.positions, `items[${i}].${wrong}`, 'decision-kind', { found: wrong }, { on: 'key' }));
    });
  }
  return out;
};

/** Due dates lie after the meeting; follow-ups point at an earlier assignment that exists. */
export const followUps: Rule = (archive) => {
  const out: Finding[] = [];
  const decisions = allDecisions(archive);
  // The first decision with an id wins: a duplicate protocol number is reported elsewhere.
  const byId = new Map<string, DecisionRecord>();
  for (const d of decisions) if (!byId.has(d.id)) byId.set(d.id, d);
  for (const d of decisions) {
    if (d.due !== undefined && d.due <= d.protocol.data.date)
      out.push(
        findingAt('due-date', d.protocol.file, d.protocol.positions, `${d.path}.due`, 'due-date', {
          due: d.due,
          date: d.protocol.data.date,
        }),
      );
  }
  for (const p of archive.protocols) {
    p.data.items.forEach((item, i) => {
      item.follows_up?.forEach((ref, j) => {
        const path = `items[${i}].follows_up[${j}]`;
        const target = byId.get(normaliseRef(ref));
        if (!target) {
          // A decision in a protocol that could not be read is not known to be missing.
          const m = DECISION_REF_RE.exec(ref);
          if (!(m && archive.networks.get(m[1]!)?.brokenYears.has(m[3]!)))
            out.push(findingAt('follows-up', p.file, p.positions, path, 'follows-up.unknown', { ref }));
        } else if (target.protocol.data.date >= p.data.date)
          out.push(findingAt('follows-up', p.file, p.positions, path, 'follows-up.later', { ref, date: target.protocol.data.date }));
        else if (target.owner === undefined)
          out.push(findingAt('follows-up', p.file, p.positions, path, 'follows-up.not-assignment', { ref }));
      });
    });
  }
  return out;
};
