import { KdError } from '../core/errors.js';
import { type Match, matchMunicipality, matchNetwork, matchOwner, matchPerson } from '../core/names.js';
import { type Archive, allDecisions, type NetworkRecord } from '../model/index.js';

/*
 * Every name a command takes (--network, --municipality, --person, --owner)
 * is resolved here, through core/names, before the archive is asked: to the
 * archive's own id or spelling, or to exit 2 with one sentence naming what
 * was given, what was expected and the nearest known names. So "nyköpings
 * kommun" is Nyköping in every command, and a misspelling is never an empty
 * table.
 */

const swedish = new Intl.Collator('sv').compare;

/** How the things a name fits are listed, and whether the user is to give an id (or else the name as the archive spells it). */
interface Listing {
  show: (value: string) => string;
  byId: boolean;
}

const AS_IS: Listing = { show: (v) => v, byId: false };

/** The value a match found; a name that fits several is an error that lists them, a name that fits none is `unknown`'s. */
function resolved(match: Match<string>, option: string, found: string, unknown: (near: string[]) => KdError, listing = AS_IS): string {
  if ('value' in match) return match.value;
  if ('ambiguous' in match)
    throw new KdError('ambiguous-option', { option, found, candidates: match.ambiguous.map(listing.show), byId: listing.byId });
  throw unknown(match.near);
}

/** A network's id, from its id or its name or short name in network.yml. */
export function networkId(archive: Archive, given: string): string {
  const networks = [...archive.networks.values()].map((n) => ({ id: n.id, name: n.config?.name, short: n.config?.short }));
  return resolved(
    matchNetwork(given, networks),
    '--network',
    given,
    (near) => new KdError('unknown-network-option', { found: given, near, known: [...archive.networks.keys()] }),
  );
}

/** The network a command is about: --network (by id or name), else the only one, else kd.yml's default_network. */
export function pickNetwork(archive: Archive, given: string | undefined): NetworkRecord {
  const ids = [...archive.networks.keys()];
  const chosen = given !== undefined ? networkId(archive, given) : ids.length === 1 ? ids[0] : archive.config?.default_network;
  if (chosen === undefined) throw new KdError('network-required', { networks: ids.join(', ') });
  const net = archive.networks.get(chosen);
  // default_network naming no network is a finding of kd check; here it is a network not found.
  if (!net) throw new KdError('unknown-network-option', { found: chosen, near: [], known: ids });
  if (!net.config) throw new KdError('network-unreadable', { file: net.file });
  return net;
}

/** A municipality of kd.yml, as kd.yml spells it: "nyköpings kommun" → Nyköping. */
export function municipalityNamed(archive: Archive, given: string): string {
  const known = [...(archive.config?.municipalities ?? [])].sort(swedish);
  return resolved(
    matchMunicipality(given, known),
    '--municipality',
    given,
    (near) => new KdError('unknown-municipality-option', { found: given, near, known }),
  );
}

/** People a name fits are listed by id, with name and municipality or organisation, since their names may be the same. */
function byPerson(archive: Archive): Listing {
  return {
    show: (id) => {
      const p = archive.people?.[id];
      return p ? `${id} (${p.name}, ${p.municipality ?? p.organisation ?? ''})` : id;
    },
    byId: true,
  };
}

/** A person's id, from the id or the name (or an alias) in either order: "Göran Nilsson", "Nilsson, Göran". */
export function personId(archive: Archive, given: string): string {
  return resolved(
    matchPerson(given, archive.people ?? {}),
    '--person',
    given,
    (near) => new KdError('unknown-person-option', { found: given, near }),
    byPerson(archive),
  );
}

/**
 * The owner of an assignment as protocols write it: a person's id (found as
 * personId finds it), or a label of kd.yml's `owners` (or one a protocol
 * already uses, so an archive that has not yet listed its owners can still
 * be asked).
 */
export function ownerId(archive: Archive, given: string): string {
  const labels = archive.config?.owners ?? [];
  const used = allDecisions(archive).flatMap((d) =>
    d.owner !== undefined && !Object.hasOwn(archive.people ?? {}, d.owner) ? [d.owner] : [],
  );
  const all = [...new Set([...labels, ...used])];
  return resolved(
    matchOwner(given, archive.people ?? {}, all),
    '--owner',
    given,
    (near) => new KdError('unknown-owner-option', { found: given, near, labels }),
    byPerson(archive),
  );
}
