import { closest } from '../core/closest.js';
import {
  changed,
  EXAMPLE_NETWORK,
  EXAMPLE_PROTOCOL,
  NEXT_PROTOCOL,
  nextMeetingFollowingUp,
  protocolWithGuest,
  protocolWithPartial,
} from '../core/examples.js';
import { decisionId, eachDecision } from '../model/index.js';
import { DECISION_REF_RE, expandItemRange, minutes, normaliseRef } from '../schema/index.js';
import { archiveRule, at } from './context.js';
import { rightDecisionId } from './numbering.js';

/** Partial attendance lies inside the meeting's hours, and starts before it ends. */
export const timeRange = archiveRule({
  id: 'time-range',
  messages: { 'time-range': 'error', 'time-order': 'error' },
  examples: {
    ok: [
      // Bertil Bok came at ten.
      { files: { [EXAMPLE_PROTOCOL]: protocolWithPartial('from: "10:00"') } },
    ],
    notOk: [
      {
        // He left at twelve, after the meeting had ended at half past eleven.
        files: { [EXAMPLE_PROTOCOL]: protocolWithPartial('until: "12:00"') },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 14, column: 36, key: 'time-range', data: { found: '12:00', meeting: '09:00-11:30' } }],
      },
      {
        // From and until swapped.
        files: { [EXAMPLE_PROTOCOL]: protocolWithPartial('from: "10:30", until: "10:00"') },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 14, column: 51, key: 'time-order', data: { from: '10:30', until: '10:00' } }],
      },
    ],
  },
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
  examples: {
    ok: [
      // Bertil Bok was there for item 1.
      { files: { [EXAMPLE_PROTOCOL]: protocolWithPartial('items: 1') } },
    ],
    notOk: [
      {
        // Items 1–2 of a protocol with one item.
        files: { [EXAMPLE_PROTOCOL]: protocolWithPartial('items: "1-2"') },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 14, column: 36, key: 'item-range', data: { found: '1-2', count: 1 } }],
      },
      {
        // The guest's item numbered as on the agenda, which had more items than the protocol.
        files: { [EXAMPLE_PROTOCOL]: protocolWithGuest('[2]') },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 14, column: 66, key: 'item-range', data: { found: '2', count: 1 } }],
      },
    ],
  },
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
  examples: {
    ok: [
      // A network that does not decide records agreements.
      {
        files: {
          [EXAMPLE_NETWORK]: changed(EXAMPLE_NETWORK, ['decides: true', 'decides: false']),
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['    decisions:', '    agreements:']),
        },
      },
    ],
    notOk: [
      {
        // A deciding network's decision written down as an agreement.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['    decisions:', '    agreements:']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 16, column: 5, key: 'decision-kind', data: { found: 'agreements' } }],
      },
      {
        // A network that does not decide, and a protocol of it with decisions.
        files: { [EXAMPLE_NETWORK]: changed(EXAMPLE_NETWORK, ['decides: true', 'decides: false']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 16, column: 5, key: 'decision-kind', data: { found: 'decisions' } }],
      },
    ],
  },
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
  examples: {
    ok: [
      // An assignment without a due date.
      { files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['        due: 2024-04-30\n', '']) } },
    ],
    notOk: [
      {
        // Last year's number early in a new year.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['due: 2024-04-30', 'due: 2023-04-30']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 19, column: 14, key: 'due-date', data: { due: '2023-04-30', date: '2024-02-08' } }],
      },
    ],
  },
  check(archive, report) {
    eachDecision(archive, (p, i, kind, j, { due }) => {
      if (due !== undefined && due <= p.data.date)
        report(at(p.file, p.positions, `items[${i}].${kind}[${j}].due`), 'due-date', { due, date: p.data.date });
    });
  },
});

/** What a follow-up may point at: when it was decided, and whether it was an assignment. */
interface Target {
  date: string;
  assignment: boolean;
}

/** A follow-up points at an earlier assignment that exists. */
export const followsUp = archiveRule({
  id: 'follows-up',
  messages: { 'follows-up.unknown': 'error', 'follows-up.later': 'error', 'follows-up.not-assignment': 'error' },
  examples: {
    ok: [
      // April's item follows up the assignment given in February.
      { files: { [NEXT_PROTOCOL]: nextMeetingFollowingUp('ledning 1/2024 §1:1') } },
    ],
    notOk: [
      {
        // February's protocol has one item: there is no §2.
        files: { [NEXT_PROTOCOL]: nextMeetingFollowingUp('ledning 1/2024 §2:1') },
        findings: [
          {
            file: NEXT_PROTOCOL,
            line: 16,
            column: 18,
            key: 'follows-up.unknown',
            data: { ref: 'ledning 1/2024 §2:1', known: 'ledning 1/2024 §1:1' },
          },
        ],
      },
      {
        // The item follows up its own decision.
        files: { [NEXT_PROTOCOL]: nextMeetingFollowingUp('ledning 2/2024 §1:1') },
        findings: [
          { file: NEXT_PROTOCOL, line: 16, column: 18, key: 'follows-up.later', data: { ref: 'ledning 2/2024 §1:1', date: '2024-04-11' } },
        ],
      },
      {
        // February's decision gave nobody the task: there is no assignment to follow up.
        files: {
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, [
            '      - text: att sekretariatet tar fram ett förslag till avtal.\n        owner: sara-sund\n        due: 2024-04-30',
            '      - att sekretariatet tar fram ett förslag till avtal.',
          ]),
          [NEXT_PROTOCOL]: nextMeetingFollowingUp('ledning 1/2024 §1:1'),
        },
        findings: [{ file: NEXT_PROTOCOL, line: 16, column: 18, key: 'follows-up.not-assignment', data: { ref: 'ledning 1/2024 §1:1' } }],
      },
    ],
  },
  check(archive, report) {
    // Only the decisions some follow-up names are kept, by id: a few of the archive's, not all of them.
    const named = new Set<string>();
    for (const p of archive.protocols)
      for (const item of p.data.items) for (const ref of item.follows_up ?? []) named.add(normaliseRef(ref));
    // The first decision with an id wins: a duplicate protocol number is reported elsewhere. A protocol or item
    // numbered amiss is reported once, by its own rule; its decisions are known by their right ids too, after all ids.
    const byId = new Map<string, Target>();
    const right: [string, Target][] = [];
    eachDecision(archive, (p, i, _kind, j, { owner }, item) => {
      const id = decisionId(p.data.network, p.id, item.no, j + 1);
      const fixed = rightDecisionId(archive, p, i, j + 1);
      if (!named.has(id) && !named.has(fixed)) return;
      const target = { date: p.data.date, assignment: owner !== undefined };
      if (!byId.has(id)) byId.set(id, target);
      if (named.has(fixed)) right.push([fixed, target]);
    });
    for (const [id, target] of right) if (!byId.has(id)) byId.set(id, target);
    // What a follow-up can point at, for a finding's nearest ids: made only when one is needed.
    let assignments: { id: string; date: string }[] | undefined;
    const assignmentsBefore = (date: string) => {
      if (assignments === undefined) {
        const all: { id: string; date: string }[] = [];
        eachDecision(archive, (p, _i, _kind, j, { owner }, item) => {
          if (owner !== undefined) all.push({ id: decisionId(p.data.network, p.id, item.no, j + 1), date: p.data.date });
        });
        assignments = all;
      }
      return assignments.filter((d) => d.date < date).map((d) => d.id);
    };
    for (const p of archive.protocols) {
      p.data.items.forEach((item, i) => {
        item.follows_up?.forEach((ref, j) => {
          // Asked only for a finding: a file's places are worked out when one needs them.
          const where = () => at(p.file, p.positions, `items[${i}].follows_up[${j}]`);
          const target = byId.get(normaliseRef(ref));
          if (!target) {
            // A decision in a protocol that could not be read is not known to be missing.
            const m = DECISION_REF_RE.exec(ref);
            if (!(m && archive.networks.get(m[1]!)?.brokenYears.has(m[3]!))) {
              // The nearest ids of assignments given before this meeting: what a follow-up can point at.
              report(where(), 'follows-up.unknown', { ref, known: closest(ref, assignmentsBefore(p.data.date), 2).join(', ') });
            }
          } else if (target.date >= p.data.date) report(where(), 'follows-up.later', { ref, date: target.date });
          else if (!target.assignment) report(where(), 'follows-up.not-assignment', { ref });
        });
      });
    }
  },
});
