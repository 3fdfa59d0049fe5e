import type { Archive } from '../model/index.js';
import type { PlannedMeeting } from '../schema/index.js';
import { pageUrl } from './site.js';

export interface CalendarEntry extends PlannedMeeting {
  network: string;
  networkName: string;
  /** The protocol's archive-relative path, once the meeting is held. */
  protocol?: string;
  /** "1/2019", once held. */
  protocolId?: string;
  /** The protocol's page on the archive's site, when its address is known (README, Sidornas adresser). */
  url?: string;
}

/** The planned meetings of every network (or one), in date order, linked to their protocols (and their pages, given the site's address). */
export function calendarEntries(archive: Archive, opts: { network?: string | undefined; base?: string | undefined } = {}): CalendarEntry[] {
  const { network, base } = opts;
  const out: CalendarEntry[] = [];
  for (const net of archive.networks.values()) {
    if (!net.config || (network !== undefined && net.id !== network)) continue;
    for (const m of net.calendar?.meetings ?? []) {
      const held = net.protocols.find((p) => p.data.date === m.date);
      out.push({
        ...m,
        network: net.id,
        networkName: net.config.name,
        ...(held ? { protocol: held.file, protocolId: held.id } : {}),
        ...(held && base !== undefined ? { url: pageUrl(base, held.file) } : {}),
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.network < b.network ? -1 : 1));
}
