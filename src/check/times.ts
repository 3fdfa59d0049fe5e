import { NO_EXAMPLES } from '../core/rule.js';
import { allDecisions, type DecisionRecord } from '../model/index.js';
import { DECISION_REF_RE, expandItemRange, minutes, normaliseRef } from '../schema/index.js';
import { archiveRule, at } from './context.js';

/** Partial attendance lies inside the meeting's hours, and starts before it ends. */
export const timeRange = archiveRule({
  id: 'time-range',
  messages: { 'time-range': 'error', 'time-order': 'error' },
  examples: NO_EXAMPLES,
  check(archive, report) {
    for (const p of archive.protocols) {
      const [start, end] = p.data.time.split('-') as [string, string];
      p.data.attendance.partial.forEach((x, i) => {
        const base = `attendance.partial[${i}]`;
        for (const key of ['from', 'until'] as const) {
          const t = x[key];
          if (t !== undefined && (minutes(t) < minutes(start) || minutes(t) > minutes(end)))
            report(at(p.file, p.positions, `${base}.${key}`), 'time-range', { found: t, meeting: p.data.time });
        }
        if (x.from !== undefined && x.until !== undefined && minutes(x.from) >= minutes(x.until))
          report(at(p.file, p.positions, `${base}.until`), 'time-order', { from: x.from, until: x.until });
      });
    }
  },
});

/** Partial attendance and guests name items the protocol has. */
export const itemRange = archiveRule({
  id: 'item-range',
  messages: { 'item-range': 'error' },
  examples: NO_EXAMPLES,
  check(archive, report) {
    for (const p of archive.protocols) {
      const count = p.data.items.length;
      p.data.attendance.partial.forEach((x, i) => {
        if (x.items !== undefined && !inRange(expandItemRange(x.items), count, x.items))
          report(at(p.file, p.positions, `attendance.partial[${i}].items`), 'item-range', { found: String(x.items), count });
      });
      p.data.guests.forEach((g, i) => {
        g.items?.forEach((n, j) => {
          if (n > count) report(at(p.file, p.positions, `guests[${i}].items[${j}]`), 'item-range', { found: String(n), count });
        });
      });
    }
  },
});

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
export const decisionKind = archiveRule({
  id: 'decision-kind',
  messages: { 'decision-kind': 'error' },
  examples: NO_EXAMPLES,
  check(archive, report) {
    for (const p of archive.protocols) {
      const net = archive.networks.get(p.folder)?.config;
      if (!net) continue;
      const wrong = net.decides ? 'agreements' : 'decisions';
      p.data.items.forEach((item, i) => {
        if (item[wrong] !== undefined) report(at(p.file, p.positions, `items[${i}].${wrong}`, 'key'), 'decision-kind', { found: wrong });
      });
    }
  },
});

/** Due dates lie after the meeting. */
export const dueDate = archiveRule({
  id: 'due-date',
  messages: { 'due-date': 'error' },
  examples: NO_EXAMPLES,
  check(archive, report) {
    for (const d of allDecisions(archive)) {
      if (d.due !== undefined && d.due <= d.protocol.data.date)
        report(at(d.protocol.file, d.protocol.positions, `${d.path}.due`), 'due-date', { due: d.due, date: d.protocol.data.date });
    }
  },
});

/** A follow-up points at an earlier assignment that exists. */
export const followsUp = archiveRule({
  id: 'follows-up',
  messages: { 'follows-up.unknown': 'error', 'follows-up.later': 'error', 'follows-up.not-assignment': 'error' },
  examples: NO_EXAMPLES,
  check(archive, report) {
    // The first decision with an id wins: a duplicate protocol number is reported elsewhere.
    const byId = new Map<string, DecisionRecord>();
    for (const d of allDecisions(archive)) if (!byId.has(d.id)) byId.set(d.id, d);
    for (const p of archive.protocols) {
      p.data.items.forEach((item, i) => {
        item.follows_up?.forEach((ref, j) => {
          const where = at(p.file, p.positions, `items[${i}].follows_up[${j}]`);
          const target = byId.get(normaliseRef(ref));
          if (!target) {
            // A decision in a protocol that could not be read is not known to be missing.
            const m = DECISION_REF_RE.exec(ref);
            if (!(m && archive.networks.get(m[1]!)?.brokenYears.has(m[3]!))) report(where, 'follows-up.unknown', { ref });
          } else if (target.protocol.data.date >= p.data.date) report(where, 'follows-up.later', { ref, date: target.protocol.data.date });
          else if (target.owner === undefined) report(where, 'follows-up.not-assignment', { ref });
        });
      });
    }
  },
});
