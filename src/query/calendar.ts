import type { Archive } from '../model/index.js';
import type { PlannedMeeting } from '../schema/index.js';

export interface CalendarEntry extends PlannedMeeting {
  network: string;
  networkName: string;
  /** The protocol's archive-relative path, once the meeting is held. */
  protocol?: string;
  /** "1/2019", once held. */
  protocolId?: string;
}

/** The planned meetings of every network (or one), in date order, linked to their protocols. */
export function calendarEntries(archive: Archive, network?: string): CalendarEntry[] {
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
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.network < b.network ? -1 : 1));
}
