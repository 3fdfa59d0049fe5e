import type { Finding } from '../core/finding.js';
import { membersOn } from '../model/index.js';
import { findingAt, type Rule } from './context.js';

/**
 * Attendance is measured against the roster on the meeting's date: every
 * member is accounted for exactly once, nobody is in two places, and
 * substitutes follow the network's rule.
 */
export const attendance: Rule = (archive) => {
  const out: Finding[] = [];
  for (const p of archive.protocols) {
    const net = archive.networks.get(p.folder)?.config;
    const a = p.data.attendance;
    // Where each person is listed, in the order a reader meets the lists.
    const seen = new Map<string, string>();
    const place = (id: string, path: string) => {
      const first = seen.get(id);
      if (first !== undefined) {
        out.push(findingAt('attendance-duplicate', p.file, p.positions, path, 'attendance-duplicate', { id, first, second: path }));
      } else seen.set(id, path);
    };
    a.present.forEach((id, i) => place(id, `attendance.present[${i}]`));
    a.partial.forEach((x, i) => place(x.person, `attendance.partial[${i}].person`));
    a.remote.forEach((id, i) => place(id, `attendance.remote[${i}]`));
    a.substitutes.forEach((x, i) => {
      place(x.for, `attendance.substitutes[${i}].for`);
      place(x.person, `attendance.substitutes[${i}].person`);
    });
    a.regrets.forEach((id, i) => place(id, `attendance.regrets[${i}]`));
    a.absent.forEach((id, i) => place(id, `attendance.absent[${i}]`));

    if (!net) continue;
    const members = membersOn(net, p.data.date);
    const memberIds = new Set(members.map((m) => m.person));
    for (const m of members) {
      if (!seen.has(m.person)) {
        const name = archive.people?.[m.person]?.name ?? m.person;
        out.push(
          findingAt('roster-unaccounted', p.file, p.positions, 'attendance', 'roster-unaccounted', { id: m.person, name }, { on: 'key' }),
        );
      }
    }
    for (const list of ['regrets', 'absent'] as const) {
      a[list].forEach((id, i) => {
        if (!memberIds.has(id))
          out.push(
            findingAt(
              'not-on-roster',
              p.file,
              p.positions,
              `attendance.${list}[${i}]`,
              'not-on-roster',
              { id, list: `attendance.${list}` },
              { severity: 'warning' },
            ),
          );
      });
    }
    a.substitutes.forEach((s, i) => {
      const base = `attendance.substitutes[${i}]`;
      if (net.substitutes === 'none') {
        out.push(findingAt('substitute', p.file, p.positions, base, 'substitute.none', {}));
        return;
      }
      const term = members.find((m) => m.person === s.for);
      if (!term) {
        out.push(findingAt('substitute', p.file, p.positions, `${base}.for`, 'substitute.principal', { principal: s.for }));
        return;
      }
      if (net.substitutes === 'personal') {
        if (term.substitute === undefined)
          out.push(findingAt('substitute', p.file, p.positions, `${base}.person`, 'substitute.no-personal', { principal: s.for }));
        else if (term.substitute !== s.person)
          out.push(
            findingAt('substitute', p.file, p.positions, `${base}.person`, 'substitute.personal', {
              person: s.person,
              principal: s.for,
              expected: term.substitute,
            }),
          );
      }
    });
  }
  return out;
};
