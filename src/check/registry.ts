import type { Finding } from '../archive/finding.js';
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
        if (overlap) out.push(findingAt('roster-overlap', net.file, net.positions, `roster[${i}].from`, 'roster-overlap', { id: m.person }));
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
        out.push(findingAt('calendar-duplicate', net.calendarFile!, net.calendarPositions ?? {}, `meetings[${i}].date`, 'calendar-duplicate', { date: m.date }));
      seen.add(m.date);
    });
  }
  return out;
};
