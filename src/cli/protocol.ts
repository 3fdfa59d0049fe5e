import { existsSync } from 'node:fs';
import path from 'node:path';
import { relativeInside } from '../archive/read.js';
import { closest } from '../core/closest.js';
import { KdError } from '../core/errors.js';
import type { Lang } from '../i18n/index.js';
import type { Archive, ProtocolRecord } from '../model/index.js';
import { protocolById, protocolIds } from '../query/protocol.js';
import { networkId } from './resolve.js';
import { protocolScope, requireSound } from './scope.js';

/** "kd-gruppen 7/2019" (or the network by its name: "Kommundirektörsgruppen 7/2019"). */
const PROTOCOL_ID = /^(.+?)\s+(\d+)\/(\d{4})$/;

/**
 * The protocol a user names, by id or by path (relative to the current
 * folder, else to the archive), once kd check finds nothing wrong with it:
 * a protocol with errors is never rendered as if it were sound (exit 1), and
 * one that is not there is exit 2 with the nearest ids.
 */
export function findProtocol(archive: Archive, cwd: string, given: string, lang: Lang): ProtocolRecord {
  const unknown = () => new KdError('unknown-protocol', { found: given, near: closest(given.trim(), protocolIds(archive)) });
  const id = PROTOCOL_ID.exec(given.trim());
  if (id) {
    let network = id[1]!;
    try {
      network = networkId(archive, network);
    } catch {
      // Not a network's id or name: the nearest protocol ids say more than "unknown network".
    }
    const record = protocolById(archive, `${network} ${Number(id[2])}/${id[3]}`);
    if (!record) throw unknown();
    requireSound(archive, protocolScope(record.file), lang);
    return record;
  }
  const root = archive.root;
  const candidates = [path.resolve(cwd, given), path.resolve(root, given)];
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) throw unknown();
  const rel = relativeInside(root, root, found);
  // A file the archive could not read as a protocol has findings; they are shown (exit 1).
  requireSound(archive, protocolScope(rel), lang);
  const record = archive.protocols.find((p) => p.file === rel);
  if (!record) throw unknown();
  return record;
}
