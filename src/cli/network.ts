import { KdError } from '../core/errors.js';
import type { Archive, NetworkRecord } from '../model/index.js';

/** The network a command is about: --network, else the only one, else kd.yml's default_network. */
export function pickNetwork(archive: Archive, id: string | undefined): NetworkRecord {
  const ids = [...archive.networks.keys()];
  const chosen = id ?? (ids.length === 1 ? ids[0] : archive.config?.default_network);
  if (chosen === undefined) throw new KdError('network-required', { networks: ids.join(', ') });
  const net = archive.networks.get(chosen);
  if (!net) throw new KdError('unknown-network-option', { id: chosen, networks: ids.join(', ') });
  if (!net.config) throw new KdError('network-unreadable', { file: net.file });
  return net;
}
