import {
  calendarWith,
  EXAMPLE_CALENDAR,
  EXAMPLE_NETWORK,
  networkWithBertil,
  networkWithMeetings,
  networkWithTerms,
  replaced,
} from '../core/examples.js';
import type { NetworkRecord } from '../model/index.js';
import type { Term } from '../schema/index.js';
import { archiveRule, at } from './context.js';

const OPEN_END = '9999-12-31';

/** Each network with its settings and its terms of office, when it lists terms. */
function withTerms(networks: Iterable<NetworkRecord>) {
  return [...networks].flatMap((net) =>
    net.config?.terms?.length ? [{ net, config: net.config, terms: net.config.terms as Term[] }] : [],
  );
}

/** A roster membership ends after it starts. */
export const rosterTerm = archiveRule({
  id: 'roster-term',
  messages: { 'roster-term': 'error' },
  examples: {
    ok: [
      // Bertil Bok leaves at the end of 2024.
      {
        files: { [EXAMPLE_NETWORK]: networkWithBertil('  - { person: bertil-bok, from: 2023-01-01, to: 2024-12-31 }') },
      },
    ],
    notOk: [
      {
        // The year of his leaving typed wrong.
        files: { [EXAMPLE_NETWORK]: networkWithBertil('  - { person: bertil-bok, from: 2023-01-01, to: 2022-12-31 }') },
        findings: [{ file: EXAMPLE_NETWORK, line: 7, column: 49, key: 'roster-term', data: { from: '2023-01-01', to: '2022-12-31' } }],
      },
    ],
  },
  check(archive, report) {
    for (const net of archive.networks.values())
      net.config?.roster.forEach((m, i) => {
        if (m.to !== undefined && m.to < m.from)
          report(at(net.file, net.positions, `roster[${i}].to`), 'roster-term', { from: m.from, to: m.to });
      });
  },
});

/** One person's memberships of a roster do not overlap. */
export const rosterOverlap = archiveRule({
  id: 'roster-overlap',
  messages: { 'roster-overlap': 'error' },
  examples: {
    ok: [
      // Bertil Bok is vice-chair from 2024: his first membership ends when the second begins.
      {
        files: {
          [EXAMPLE_NETWORK]: networkWithBertil(
            '  - { person: bertil-bok, from: 2023-01-01, to: 2023-12-31 }\n  - { person: bertil-bok, from: 2024-01-01, role: vice-chair }',
          ),
        },
      },
    ],
    notOk: [
      {
        // The new line added, the old one not ended.
        files: {
          [EXAMPLE_NETWORK]: networkWithBertil(
            '  - { person: bertil-bok, from: 2023-01-01 }\n  - { person: bertil-bok, from: 2024-01-01, role: vice-chair }',
          ),
        },
        findings: [{ file: EXAMPLE_NETWORK, line: 8, column: 33, key: 'roster-overlap', data: { id: 'bertil-bok' } }],
      },
    ],
  },
  check(archive, report) {
    for (const net of archive.networks.values()) {
      const roster = net.config?.roster ?? [];
      roster.forEach((m, i) => {
        for (const o of roster.slice(0, i)) {
          if (o.person === m.person && m.from <= (o.to ?? OPEN_END) && o.from <= (m.to ?? OPEN_END))
            report(at(net.file, net.positions, `roster[${i}].from`), 'roster-overlap', { id: m.person });
        }
      });
    }
  },
});

/** A calendar plans each date once. */
export const calendarDuplicate = archiveRule({
  id: 'calendar-duplicate',
  messages: { 'calendar-duplicate': 'error' },
  examples: {
    ok: [{ files: { [EXAMPLE_CALENDAR]: calendarWith('2024-06-13') } }],
    notOk: [
      {
        // The April line copied for the budget meeting, its date not changed.
        files: { [EXAMPLE_CALENDAR]: calendarWith('2024-04-11') },
        findings: [{ file: EXAMPLE_CALENDAR, line: 4, column: 11, key: 'calendar-duplicate', data: { date: '2024-04-11' } }],
      },
    ],
  },
  check(archive, report) {
    for (const net of archive.networks.values()) {
      const seen = new Set<string>();
      net.calendar?.meetings.forEach((m, i) => {
        if (seen.has(m.date))
          report(at(net.calendarFile!, net.calendarPositions ?? {}, `meetings[${i}].date`), 'calendar-duplicate', { date: m.date });
        seen.add(m.date);
      });
    }
  },
});

/** Each term of office has its own id. */
export const termDuplicate = archiveRule({
  id: 'term-duplicate',
  messages: { 'term-duplicate': 'error' },
  examples: {
    ok: [{ files: { [EXAMPLE_NETWORK]: networkWithTerms('  - { id: 2027-2030, from: 2027-01-01, to: 2030-12-31 }') } }],
    notOk: [
      {
        // The next term's line copied, its id not changed.
        files: { [EXAMPLE_NETWORK]: networkWithTerms('  - { id: 2023-2026, from: 2027-01-01, to: 2030-12-31 }') },
        findings: [{ file: EXAMPLE_NETWORK, line: 12, column: 11, key: 'term-duplicate', data: { id: '2023-2026' } }],
      },
    ],
  },
  check(archive, report) {
    for (const { net, terms } of withTerms(archive.networks.values())) {
      const seen = new Set<string>();
      terms.forEach((t, i) => {
        if (seen.has(t.id)) report(at(net.file, net.positions, `terms[${i}].id`), 'term-duplicate', { id: t.id });
        seen.add(t.id);
      });
    }
  },
});

/** A term of office ends after it starts. */
export const termOrder = archiveRule({
  id: 'term-order',
  messages: { 'term-order': 'error' },
  examples: {
    ok: [{ files: { [EXAMPLE_NETWORK]: networkWithTerms() } }],
    notOk: [
      {
        // The next term's line copied, its end not changed.
        files: { [EXAMPLE_NETWORK]: networkWithTerms('  - { id: 2027-2030, from: 2027-01-01, to: 2026-12-31 }') },
        findings: [{ file: EXAMPLE_NETWORK, line: 12, column: 44, key: 'term-order', data: { from: '2027-01-01', to: '2026-12-31' } }],
      },
    ],
  },
  check(archive, report) {
    for (const { net, terms } of withTerms(archive.networks.values()))
      terms.forEach((t, i) => {
        if (t.to < t.from) report(at(net.file, net.positions, `terms[${i}].to`), 'term-order', { from: t.from, to: t.to });
      });
  },
});

/** A term plans as many meetings as the network's `meetings_per_term` says, when both are given. */
export const termMeetings = archiveRule({
  id: 'term-meetings',
  messages: { 'term-meetings': 'error' },
  examples: {
    ok: [{ files: { [EXAMPLE_NETWORK]: networkWithMeetings(32, 32) } }],
    notOk: [
      {
        // Eight meetings a year written as meetings_per_term, against the term's 32.
        files: { [EXAMPLE_NETWORK]: networkWithMeetings(8, 32) },
        findings: [
          { file: EXAMPLE_NETWORK, line: 12, column: 66, key: 'term-meetings', data: { id: '2023-2026', meetings: 32, perTerm: 8 } },
        ],
      },
    ],
  },
  check(archive, report) {
    for (const { net, config, terms } of withTerms(archive.networks.values())) {
      const perTerm = config.meetings_per_term;
      if (perTerm === undefined) continue;
      terms.forEach((t, i) => {
        if (t.meetings !== undefined && t.meetings !== perTerm)
          report(at(net.file, net.positions, `terms[${i}].meetings`), 'term-meetings', { id: t.id, meetings: t.meetings, perTerm });
      });
    }
  },
});

/** Terms of office follow each other without overlap. */
export const termOverlap = archiveRule({
  id: 'term-overlap',
  messages: { 'term-overlap': 'error' },
  examples: {
    ok: [{ files: { [EXAMPLE_NETWORK]: networkWithTerms('  - { id: 2027-2030, from: 2027-01-01, to: 2030-12-31 }') } }],
    notOk: [
      {
        // The next term begins a year before the first ends.
        files: { [EXAMPLE_NETWORK]: networkWithTerms('  - { id: 2027-2030, from: 2026-01-01, to: 2030-12-31 }') },
        findings: [{ file: EXAMPLE_NETWORK, line: 12, column: 28, key: 'term-overlap', data: { id: '2027-2030', other: '2023-2026' } }],
      },
    ],
  },
  check(archive, report) {
    for (const { net, terms } of withTerms(archive.networks.values()))
      terms.forEach((t, i) => {
        for (const o of terms.slice(0, i))
          if (t.from <= o.to && o.from <= t.to)
            report(at(net.file, net.positions, `terms[${i}].from`), 'term-overlap', { id: t.id, other: o.id });
      });
  },
});

/** With terms of office, every roster date lies in one of them. */
export const rosterOutsideTerms = archiveRule({
  id: 'roster-outside-terms',
  messages: { 'roster-outside-terms': 'error' },
  examples: {
    ok: [{ files: { [EXAMPLE_NETWORK]: networkWithTerms() } }],
    notOk: [
      {
        // Bertil Bok's seat dated from his appointment in December, before the term began.
        files: {
          [EXAMPLE_NETWORK]: replaced(networkWithTerms(), [
            '{ person: bertil-bok, from: 2023-01-01 }',
            '{ person: bertil-bok, from: 2022-12-01 }',
          ]),
        },
        findings: [{ file: EXAMPLE_NETWORK, line: 7, column: 33, key: 'roster-outside-terms', data: { date: '2022-12-01' } }],
      },
    ],
  },
  check(archive, report) {
    for (const { net, config, terms } of withTerms(archive.networks.values())) {
      const inSome = (d: string) => terms.some((t) => t.from <= d && d <= t.to);
      config.roster.forEach((m, i) => {
        for (const key of ['from', 'to'] as const) {
          const d = m[key];
          if (d !== undefined && !inSome(d))
            report(at(net.file, net.positions, `roster[${i}].${key}`), 'roster-outside-terms', { date: d });
        }
      });
    }
  },
});
