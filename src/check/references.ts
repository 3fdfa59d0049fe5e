import { CONFIG_FILE, PEOPLE_FILE } from '../archive/read.js';
import type { Finding } from '../core/finding.js';
import { findingAt, type Rule } from './context.js';

/** Every person id used anywhere exists in people.yml. */
export const unknownPerson: Rule = (archive) => {
  const people = archive.people;
  if (!people) return [];
  const out: Finding[] = [];
  const known = (id: string) => Object.hasOwn(people, id);
  for (const net of archive.networks.values()) {
    net.config?.roster.forEach((m, i) => {
      if (!known(m.person))
        out.push(findingAt('unknown-person', net.file, net.positions, `roster[${i}].person`, 'unknown-person', { id: m.person }));
      if (m.substitute !== undefined && !known(m.substitute))
        out.push(findingAt('unknown-person', net.file, net.positions, `roster[${i}].substitute`, 'unknown-person', { id: m.substitute }));
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
    for (const [path, id] of refs)
      if (!known(id)) out.push(findingAt('unknown-person', p.file, p.positions, path, 'unknown-person', { id }));
  }
  return out;
};

/** A protocol lies in the folder of the network it names; kd.yml's default network exists. */
export const networkReference: Rule = (archive) => {
  const out: Finding[] = [];
  for (const p of archive.protocols) {
    if (p.data.network !== p.folder)
      out.push(
        findingAt('network-mismatch', p.file, p.positions, 'network', 'network-mismatch', { expected: p.folder, found: p.data.network }),
      );
  }
  const def = archive.config?.default_network;
  if (def !== undefined && !archive.networks.has(def))
    out.push(findingAt('unknown-network', CONFIG_FILE, archive.configPositions, 'default_network', 'unknown-network', { id: def }));
  return out;
};

/** A person's municipality is one of the archive's. */
export const unknownMunicipality: Rule = (archive) => {
  const { people, config } = archive;
  if (!people || !config) return [];
  const names = new Set(config.municipalities);
  const out: Finding[] = [];
  for (const [id, person] of Object.entries(people)) {
    if (person.municipality !== undefined && !names.has(person.municipality))
      out.push(
        findingAt('unknown-municipality', PEOPLE_FILE, archive.peoplePositions, `${id}.municipality`, 'unknown-municipality', {
          name: person.municipality,
        }),
      );
  }
  return out;
};

/** The chair and the secretary attended the meeting; a protocol (not notes) has a chair. */
export const officers: Rule = (archive) => {
  const out: Finding[] = [];
  for (const p of archive.protocols) {
    const a = p.data.attendance;
    const attended = new Set([...a.present, ...a.remote, ...a.partial.map((x) => x.person), ...a.substitutes.map((x) => x.person)]);
    if (p.data.chair === undefined) {
      if (p.data.kind === 'protokoll') out.push(findingAt('chair-missing', p.file, p.positions, '', 'chair-missing', {}));
    } else if (!attended.has(p.data.chair)) {
      out.push(findingAt('officer-absent', p.file, p.positions, 'chair', 'officer-absent', { role: 'chair', id: p.data.chair }));
    }
    if (!attended.has(p.data.secretary))
      out.push(
        findingAt('officer-absent', p.file, p.positions, 'secretary', 'officer-absent', { role: 'secretary', id: p.data.secretary }),
      );
  }
  return out;
};
