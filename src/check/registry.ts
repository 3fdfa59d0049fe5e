import { NO_EXAMPLES } from '../core/rule.js';
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
  examples: NO_EXAMPLES,
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
  examples: NO_EXAMPLES,
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
  examples: NO_EXAMPLES,
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
  examples: NO_EXAMPLES,
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
  examples: NO_EXAMPLES,
  check(archive, report) {
    for (const { net, terms } of withTerms(archive.networks.values()))
      terms.forEach((t, i) => {
        if (t.to < t.from) report(at(net.file, net.positions, `terms[${i}].to`), 'term-order', { from: t.from, to: t.to });
      });
  },
});

/** Terms of office follow each other without overlap. */
export const termOverlap = archiveRule({
  id: 'term-overlap',
  messages: { 'term-overlap': 'error' },
  examples: NO_EXAMPLES,
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
  examples: NO_EXAMPLES,
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
