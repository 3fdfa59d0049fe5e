import type { DecisionRecord } from '../model/index.js';
import type { HalfYearReport, MeetingContent } from './report.js';

/*
 * What members and the public are shown of what meetings dealt with: the
 * digest and the intro go to the municipalities and to new members, so a
 * confidential item or decision keeps its number, title and reason, and its
 * text and summary are taken out here, in the query layer, before any
 * renderer sees them (as protocolView does for kd render --public).
 * The half-year report and the registers are internal and keep everything.
 */

/** A decision or assignment without its text when it, or its item, is confidential. */
export function forMembers<T extends DecisionRecord>(d: T): T {
  return d.confidential === undefined ? d : { ...d, text: '', withheld: d.confidential };
}

/** A meeting's items without a confidential item's summary, and its decisions as forMembers gives them. */
export function contentForMembers(m: MeetingContent): MeetingContent {
  return {
    ...m,
    items: m.items.map((item) => {
      const decisions = item.decisions.map(forMembers);
      if (item.confidential === undefined) return { ...item, decisions };
      const { summary: _summary, ...rest } = item;
      return { ...rest, decisions, withheld: item.confidential };
    }),
  };
}

/**
 * The half-year report as a public site shows it: what meetings dealt with
 * and every decision and assignment as members see them, guests not to be
 * published without their names. kd report itself stays internal.
 */
export function reportForMembers(report: HalfYearReport): HalfYearReport {
  return {
    ...report,
    networks: report.networks.map((n) => ({
      ...n,
      meetings: n.meetings.map((m) => ({ ...m, ...contentForMembers(m) })),
      decisions: n.decisions.map(forMembers),
      assignments: n.assignments.map(forMembers),
      guests: n.guests.map((g) => (g.public === false ? { ...g, name: '' } : g)),
    })),
  };
}
