import type { Finding } from '../core/finding.js';
import { findingAt, type Rule } from './context.js';

/** Roster terms end after they start, and one person's terms do not overlap. */
export const rosterTerms: Rule = (archive) => {
  const out: Finding[] = [];
  for (const net of archive.networks.values()) {
    const roster = net.config?.roster ?? [];
    roster.forEach((m, i) => {
      if (m.to !== undefined && m.to < m.from)
        out.push(findingAt('roster-term', net.file, net.positions, `roster[${i}].to`, 'roster-term', { from: m.from, to: m.to }));
      for (let j = 0; j < i; j++) {
        const o = roster[j]!;
        if (o.person !== m.person) continue;
        const overlap = m.from <= (o.to ?? '9999-12-31') && o.from <= (m.to ?? '9999-12-31');
        if (overlap)
          out.push(findingAt('roster-overlap', net.file, net.positions, `roster[${i}].from`, 'roster-overlap', { id: m.person }));
      }
    });
  }
  return out;
};

/** A calendar plans each date once. */
export const calendarDates: Rule = (archive) => {
  const out: Finding[] = [];
  for (const net of archive.networks.values()) {
    const seen = new Set<string>();
    net.calendar?.meetings.forEach((m, i) => {
      if (seen.has(m.date))
        out.push(
          findingAt('calendar-duplicate', net.calendarFile!, net.calendarPositions ?? {}, `meetings[${i}].date`, 'calendar-duplicate', {
            date: m.date,
          }),
        );
      seen.add(m.date);
    });
  }
  return out;
};

/** Terms follow each other without overlap; with terms, every roster date lies in one. */
export const terms: Rule = (archive) => {
  const out: Finding[] = [];
  for (const net of archive.networks.values()) {
    const list = net.config?.terms;
    if (!list || list.length === 0) continue;
    const seen = new Map<string, number>();
    list.forEach((t, i) => {
      if (seen.has(t.id)) out.push(findingAt('term-duplicate', net.file, net.positions, `terms[${i}].id`, 'term-duplicate', { id: t.id }));
      seen.set(t.id, i);
      if (t.to < t.from)
        out.push(findingAt('term-order', net.file, net.positions, `terms[${i}].to`, 'term-order', { from: t.from, to: t.to }));
      for (let j = 0; j < i; j++) {
        const o = list[j]!;
        if (t.from <= o.to && o.from <= t.to)
          out.push(findingAt('term-overlap', net.file, net.positions, `terms[${i}].from`, 'term-overlap', { id: t.id, other: o.id }));
      }
    });
    const inSome = (d: string) => list.some((t) => t.from <= d && d <= t.to);
    net.config!.roster.forEach((m, i) => {
      for (const key of ['from', 'to'] as const) {
        const d = m[key];
        if (d !== undefined && !inSome(d))
          out.push(findingAt('roster-outside-terms', net.file, net.positions, `roster[${i}].${key}`, 'roster-outside-terms', { date: d }));
      }
    });
  }
  return out;
};
