import { changed, EXAMPLE_NETWORK, EXAMPLE_PROTOCOL, protocolWith, protocolWithPartial } from '../core/examples.js';
import { type Archive, membersOn, type ProtocolRecord } from '../model/index.js';
import type { Membership, NetworkConfig } from '../schema/index.js';
import { archiveRule, at, perArchive } from './context.js';

/** Every listing of a person in a protocol's attendance, in the order a reader meets the lists. */
function listings(p: ProtocolRecord): [id: string, path: string][] {
  const a = p.data.attendance;
  return [
    ...a.present.map((id, i): [string, string] => [id, `attendance.present[${i}]`]),
    ...a.partial.map((x, i): [string, string] => [x.person, `attendance.partial[${i}].person`]),
    ...a.remote.map((id, i): [string, string] => [id, `attendance.remote[${i}]`]),
    ...a.substitutes.flatMap((x, i): [string, string][] => [
      [x.for, `attendance.substitutes[${i}].for`],
      [x.person, `attendance.substitutes[${i}].person`],
    ]),
    ...a.regrets.map((id, i): [string, string] => [id, `attendance.regrets[${i}]`]),
    ...a.absent.map((id, i): [string, string] => [id, `attendance.absent[${i}]`]),
  ];
}

/** Each protocol with its network's settings and the members on the meeting's date. */
const withRoster = perArchive((archive: Archive) => {
  // A roster changes seldom: meetings under the same terms share one list, as the one before them did.
  const last = new Map<NetworkConfig, Membership[]>();
  return archive.protocols.flatMap((p) => {
    const net = archive.networks.get(p.folder)?.config;
    if (!net) return [];
    let members = membersOn(net, p.data.date);
    const before = last.get(net);
    if (before !== undefined && before.length === members.length && before.every((m, i) => m === members[i])) members = before;
    else last.set(net, members);
    return [{ p, net, members }];
  });
});

/** Nobody is listed twice in one protocol's attendance. */
export const attendanceDuplicate = archiveRule({
  id: 'attendance-duplicate',
  messages: { 'attendance-duplicate': 'error' },
  examples: {
    ok: [
      // Bertil Bok left at half past ten: listed under partial only.
      { files: { [EXAMPLE_PROTOCOL]: protocolWithPartial('until: "10:30"') } },
    ],
    notOk: [
      {
        // He was added under partial but not taken off the list of those present.
        files: {
          [EXAMPLE_PROTOCOL]: protocolWith(
            '  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]\n  partial:\n    - { person: bertil-bok, until: "10:30" }',
          ),
        },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 14,
            column: 17,
            key: 'attendance-duplicate',
            data: { id: 'bertil-bok', first: 'attendance.present[1]', second: 'attendance.partial[0].person' },
          },
        ],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      const seen = new Map<string, string>();
      for (const [id, path] of listings(p)) {
        const first = seen.get(id);
        if (first !== undefined) report(at(p.file, p.positions, path), 'attendance-duplicate', { id, first, second: path });
        else seen.set(id, path);
      }
    }
  },
});

/** Every member on the roster on the meeting's date is accounted for. */
export const rosterUnaccounted = archiveRule({
  id: 'roster-unaccounted',
  messages: { 'roster-unaccounted': 'error' },
  examples: {
    ok: [
      // Doris Dal sent regrets.
      { files: { [EXAMPLE_PROTOCOL]: protocolWith('  present: [astrid-alm, bertil-bok, sara-sund]\n  regrets: [doris-dal]') } },
    ],
    notOk: [
      {
        // Doris Dal forgotten in the attendance.
        files: { [EXAMPLE_PROTOCOL]: protocolWith('  present: [astrid-alm, bertil-bok, sara-sund]') },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 11, column: 1, key: 'roster-unaccounted', data: { id: 'doris-dal', name: 'Doris Dal' } },
        ],
      },
    ],
  },
  check(archive, report) {
    for (const { p, members } of withRoster(archive)) {
      const listed = new Set(listings(p).map(([id]) => id));
      for (const m of members) {
        if (listed.has(m.person)) continue;
        const name = archive.people?.[m.person]?.name ?? m.person;
        report(at(p.file, p.positions, 'attendance', 'key'), 'roster-unaccounted', { id: m.person, name });
      }
    }
  },
});

/** Regrets and absences are members' (a warning: a guest who sent regrets is worth a look, not an error). */
export const notOnRoster = archiveRule({
  id: 'not-on-roster',
  messages: { 'not-on-roster': 'warning' },
  examples: {
    ok: [
      // Doris Dal stayed away without notice.
      { files: { [EXAMPLE_PROTOCOL]: protocolWith('  present: [astrid-alm, bertil-bok, sara-sund]\n  absent: [doris-dal]') } },
    ],
    notOk: [
      {
        // Erik Ek, Doris Dal's substitute, sent regrets too: he is no member, so his regrets need not be minuted.
        files: {
          [EXAMPLE_PROTOCOL]: protocolWith('  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]\n  regrets: [erik-ek]'),
        },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 13, column: 13, key: 'not-on-roster', data: { id: 'erik-ek', list: 'attendance.regrets' } },
        ],
      },
    ],
  },
  check(archive, report) {
    for (const { p, members } of withRoster(archive)) {
      const memberIds = new Set(members.map((m) => m.person));
      for (const list of ['regrets', 'absent'] as const) {
        p.data.attendance[list].forEach((id, i) => {
          if (!memberIds.has(id))
            report(at(p.file, p.positions, `attendance.${list}[${i}]`), 'not-on-roster', { id, list: `attendance.${list}` });
        });
      }
    }
  },
});

/** Substitutes follow the network's rule: none, personal substitutes, or anyone. */
export const substitute = archiveRule({
  id: 'substitute',
  messages: {
    'substitute.none': 'error',
    'substitute.principal': 'error',
    'substitute.no-personal': 'error',
    'substitute.personal': 'error',
  },
  examples: {
    ok: [
      {
        files: {
          [EXAMPLE_PROTOCOL]: protocolWith(
            '  present: [astrid-alm, bertil-bok, sara-sund]\n  substitutes: [{ for: doris-dal, person: erik-ek }]',
          ),
        },
      },
    ],
    notOk: [
      {
        files: {
          [EXAMPLE_PROTOCOL]: protocolWith(
            '  present: [astrid-alm, doris-dal, sara-sund]\n  substitutes: [{ for: bertil-bok, person: erik-ek }]',
          ),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 13, column: 44, key: 'substitute.no-personal', data: { principal: 'bertil-bok' } }],
      },
      {
        // Greta Gran came for Doris Dal, whose personal substitute is Erik Ek.
        files: {
          'people.yml': changed('people.yml', ['erik-ek:', 'greta-gran: { name: Greta Gran, municipality: Dalsjö }\nerik-ek:']),
          [EXAMPLE_PROTOCOL]: protocolWith(
            '  present: [astrid-alm, bertil-bok, sara-sund]\n  substitutes: [{ for: doris-dal, person: greta-gran }]',
          ),
        },
        findings: [
          {
            file: EXAMPLE_PROTOCOL,
            line: 13,
            column: 43,
            key: 'substitute.personal',
            data: { person: 'greta-gran', principal: 'doris-dal', expected: 'erik-ek' },
          },
        ],
      },
      {
        // The substitute and the member swapped: Erik Ek is no member to be replaced.
        files: {
          [EXAMPLE_PROTOCOL]: protocolWith(
            '  present: [astrid-alm, bertil-bok, sara-sund]\n  substitutes: [{ for: erik-ek, person: doris-dal }]',
          ),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 13, column: 24, key: 'substitute.principal', data: { principal: 'erik-ek' } }],
      },
      {
        // The network has no substitutes, yet Erik Ek came for Doris Dal.
        files: {
          [EXAMPLE_NETWORK]: changed(EXAMPLE_NETWORK, ['substitutes: personal', 'substitutes: none'], [', substitute: erik-ek', '']),
          [EXAMPLE_PROTOCOL]: protocolWith(
            '  present: [astrid-alm, bertil-bok, sara-sund]\n  substitutes: [{ for: doris-dal, person: erik-ek }]',
          ),
        },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 13, column: 17, key: 'substitute.none', data: {} }],
      },
    ],
  },
  check(archive, report) {
    for (const { p, net, members } of withRoster(archive)) {
      p.data.attendance.substitutes.forEach((s, i) => {
        const base = `attendance.substitutes[${i}]`;
        if (net.substitutes === 'none') return report(at(p.file, p.positions, base), 'substitute.none', {});
        const term = members.find((m) => m.person === s.for);
        if (!term) return report(at(p.file, p.positions, `${base}.for`), 'substitute.principal', { principal: s.for });
        if (net.substitutes !== 'personal') return;
        if (term.substitute === undefined)
          report(at(p.file, p.positions, `${base}.person`), 'substitute.no-personal', { principal: s.for });
        else if (term.substitute !== s.person)
          report(at(p.file, p.positions, `${base}.person`), 'substitute.personal', {
            person: s.person,
            principal: s.for,
            expected: term.substitute,
          });
      });
    }
  },
});
