import { CONFIG_FILE, PEOPLE_FILE } from '../archive/read.js';
import { closest } from '../core/closest.js';
import {
  changed,
  EXAMPLE_NETWORK,
  EXAMPLE_PROTOCOL,
  NEXT_PROTOCOL,
  nextMeeting,
  protocolWith,
  protocolWithGuest,
} from '../core/examples.js';
import { attended } from './approval.js';
import { archiveRule, at } from './context.js';

/** Every person id used anywhere exists in people.yml. */
export const unknownPerson = archiveRule({
  id: 'unknown-person',
  messages: { 'unknown-person': 'error' },
  examples: {
    ok: [
      // A guest is named in the protocol, not in people.yml.
      { files: { [EXAMPLE_PROTOCOL]: protocolWithGuest('[1]') } },
    ],
    notOk: [
      {
        // Doris Dal's personal substitute misspelt in the roster.
        files: { [EXAMPLE_NETWORK]: changed(EXAMPLE_NETWORK, ['substitute: erik-ek', 'substitute: erik-eck']) },
        findings: [{ file: EXAMPLE_NETWORK, line: 8, column: 56, key: 'unknown-person', data: { id: 'erik-eck', known: 'erik-ek' } }],
      },
      {
        // The chair's id misspelt in the attendance: one finding, not also "Astrid Alm is missing" and "the chair is absent".
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['present: [astrid-alm,', 'present: [astrid-almm,']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 12, column: 13, key: 'unknown-person', data: { id: 'astrid-almm', known: 'astrid-alm' } },
        ],
      },
    ],
  },
  check(archive, report) {
    const people = archive.people;
    if (!people) return;
    const ids = Object.keys(people);
    const known = (id: string) => Object.hasOwn(people, id);
    const unknown = (id: string) => ({ id, known: closest(id, ids).join(', ') });
    for (const net of archive.networks.values()) {
      net.config?.roster.forEach((m, i) => {
        if (!known(m.person)) report(at(net.file, net.positions, `roster[${i}].person`), 'unknown-person', unknown(m.person));
        if (m.substitute !== undefined && !known(m.substitute))
          report(at(net.file, net.positions, `roster[${i}].substitute`), 'unknown-person', unknown(m.substitute));
      });
    }
    for (const p of archive.protocols) {
      const refs: [string, string][] = [];
      if (p.data.chair !== undefined) refs.push(['chair', p.data.chair]);
      refs.push(['secretary', p.data.secretary]);
      const a = p.data.attendance;
      for (const list of ['present', 'remote', 'regrets', 'absent'] as const)
        a[list].forEach((id, i) => refs.push([`attendance.${list}[${i}]`, id]));
      a.partial.forEach((x, i) => refs.push([`attendance.partial[${i}].person`, x.person]));
      a.substitutes.forEach((x, i) => {
        refs.push([`attendance.substitutes[${i}].for`, x.for]);
        refs.push([`attendance.substitutes[${i}].person`, x.person]);
      });
      p.data.corrections?.forEach((c, i) => refs.push([`corrections[${i}].by`, c.by]));
      p.data.approvers?.forEach((id, i) => refs.push([`approvers[${i}]`, id]));
      p.data.approval?.by.forEach((id, i) => refs.push([`approval.by[${i}]`, id]));
      for (const [path, id] of refs) if (!known(id)) report(at(p.file, p.positions, path), 'unknown-person', unknown(id));
    }
  },
});

/**
 * An assignment's owner is a person or one of the labels kd.yml declares
 * (`owners:`): a misspelt id would leave the assignment with nobody, missed
 * by `kd assignments --owner`, the intro and the digest.
 */
export const unknownOwner = archiveRule({
  id: 'unknown-owner',
  messages: { 'unknown-owner': 'error' },
  examples: {
    ok: [
      // The secretariat as a whole owns it, declared in kd.yml.
      {
        files: {
          'kd.yml': changed('kd.yml', ['default_network: ledning', 'default_network: ledning\nowners: [sekretariatet]']),
          [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['owner: sara-sund', 'owner: sekretariatet']),
        },
      },
    ],
    notOk: [
      {
        // The owner's id misspelt.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['owner: sara-sund', 'owner: sara-sun']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 18, column: 16, key: 'unknown-owner', data: { id: 'sara-sun', known: 'sara-sund' } }],
      },
      {
        // A label the archive has not declared.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['owner: sara-sund', 'owner: sekretariatet']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 18, column: 16, key: 'unknown-owner', data: { id: 'sekretariatet', known: '' } }],
      },
    ],
  },
  check(archive, report) {
    const people = archive.people;
    if (!people) return;
    const labels = archive.config?.owners ?? [];
    const known = [...Object.keys(people), ...labels];
    for (const p of archive.protocols)
      p.data.items.forEach((item, i) => {
        for (const list of ['decisions', 'agreements'] as const)
          item[list]?.forEach((d, j) => {
            if (typeof d === 'string' || d.owner === undefined) return;
            if (Object.hasOwn(people, d.owner) || labels.includes(d.owner)) return;
            report(at(p.file, p.positions, `items[${i}].${list}[${j}].owner`), 'unknown-owner', {
              id: d.owner,
              known: closest(d.owner, known).join(', '),
            });
          });
      });
  },
});

/** A protocol lies in the folder of the network it names. */
export const networkMismatch = archiveRule({
  id: 'network-mismatch',
  messages: { 'network-mismatch': 'error' },
  examples: {
    ok: [
      // The network's next protocol, in its folder.
      { files: { [NEXT_PROTOCOL]: nextMeeting() } },
    ],
    notOk: [
      {
        // The protocol copied from another network's and its `network:` left as it was.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['network: ledning', 'network: ekonomi']) },
        findings: [
          { file: EXAMPLE_PROTOCOL, line: 2, column: 10, key: 'network-mismatch', data: { expected: 'ledning', found: 'ekonomi' } },
        ],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      if (p.data.network !== p.folder)
        report(at(p.file, p.positions, 'network'), 'network-mismatch', { expected: p.folder, found: p.data.network });
    }
  },
});

/** kd.yml's default network exists. */
export const unknownNetwork = archiveRule({
  id: 'unknown-network',
  messages: { 'unknown-network': 'error' },
  examples: {
    ok: [
      // No default network: every command then names its network.
      { files: { 'kd.yml': changed('kd.yml', ['default_network: ledning\n', '']) } },
    ],
    notOk: [
      {
        // The network's folder was renamed, kd.yml was not changed with it.
        files: { 'kd.yml': changed('kd.yml', ['default_network: ledning', 'default_network: kd-gruppen']) },
        findings: [{ file: 'kd.yml', line: 3, column: 18, key: 'unknown-network', data: { id: 'kd-gruppen' } }],
      },
    ],
  },
  check(archive, report) {
    const def = archive.config?.default_network;
    if (def !== undefined && !archive.networks.has(def))
      report(at(CONFIG_FILE, archive.configPositions, 'default_network'), 'unknown-network', { id: def });
  },
});

/** A person's municipality is one of the archive's. */
export const unknownMunicipality = archiveRule({
  id: 'unknown-municipality',
  messages: { 'unknown-municipality': 'error' },
  examples: {
    ok: [
      // Someone from outside the municipalities names an organisation instead.
      {
        files: {
          'people.yml': changed('people.yml', [
            'sara-sund:',
            'karin-lind: { name: Karin Lind, organisation: Region Mellanbygd }\nsara-sund:',
          ]),
        },
      },
    ],
    notOk: [
      {
        // The municipality written with "kommun", unlike in kd.yml.
        files: {
          'people.yml': changed('people.yml', [
            '{ name: Doris Dal, municipality: Dalsjö }',
            '{ name: Doris Dal, municipality: Dalsjö kommun }',
          ]),
        },
        findings: [{ file: 'people.yml', line: 3, column: 45, key: 'unknown-municipality', data: { name: 'Dalsjö kommun' } }],
      },
    ],
  },
  check(archive, report) {
    const { people, config } = archive;
    if (!people || !config) return;
    const names = new Set(config.municipalities);
    for (const [id, person] of Object.entries(people)) {
      if (person.municipality !== undefined && !names.has(person.municipality))
        report(at(PEOPLE_FILE, archive.peoplePositions, `${id}.municipality`), 'unknown-municipality', {
          name: person.municipality,
        });
    }
  },
});

/** A protocol (not notes) has a chair. */
export const chairMissing = archiveRule({
  id: 'chair-missing',
  messages: { 'chair-missing': 'error' },
  examples: {
    ok: [
      // Notes (anteckningar) of a meeting need no chair.
      { files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['kind: protokoll', 'kind: anteckningar'], ['chair: astrid-alm\n', '']) } },
    ],
    notOk: [
      {
        // A protocol without its chair.
        files: { [EXAMPLE_PROTOCOL]: changed(EXAMPLE_PROTOCOL, ['chair: astrid-alm\n', '']) },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 2, column: 1, key: 'chair-missing', data: {} }],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols)
      if (p.data.chair === undefined && p.data.kind === 'protokoll') report(at(p.file, p.positions, ''), 'chair-missing', {});
  },
});

/** The chair and the secretary attended the meeting. */
export const officerAbsent = archiveRule({
  id: 'officer-absent',
  messages: { 'officer-absent': 'error' },
  examples: {
    ok: [
      // The secretary took part remotely.
      { files: { [EXAMPLE_PROTOCOL]: protocolWith('  present: [astrid-alm, bertil-bok, doris-dal]\n  remote: [sara-sund]') } },
    ],
    notOk: [
      {
        // The chair sent regrets, but the protocol still names her as chair.
        files: { [EXAMPLE_PROTOCOL]: protocolWith('  present: [bertil-bok, doris-dal, sara-sund]\n  regrets: [astrid-alm]') },
        findings: [{ file: EXAMPLE_PROTOCOL, line: 9, column: 8, key: 'officer-absent', data: { role: 'chair', id: 'astrid-alm' } }],
      },
    ],
  },
  check(archive, report) {
    for (const p of archive.protocols) {
      const took = attended(p);
      for (const role of ['chair', 'secretary'] as const) {
        const id = p.data[role];
        if (id !== undefined && !took.has(id)) report(at(p.file, p.positions, role), 'officer-absent', { role, id });
      }
    }
  },
});
