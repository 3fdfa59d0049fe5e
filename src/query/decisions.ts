import { type Archive, allDecisions, type DecisionRecord, decisionFields } from '../model/index.js';
import { toTakeHome } from './act.js';
import { dated, ofNetwork } from './lists.js';
import type { Period } from './period.js';

export interface DecisionRow extends DecisionRecord {
  date: string;
  itemTitle: string;
  /** For every municipality to take home and act on (see act.ts). */
  takeHome: boolean;
}

export interface DecisionFilter {
  network?: string;
  owner?: string;
  /** Case- and accent-sensitive substring, matched with Swedish case folding. */
  grep?: string;
  period?: Period;
}

/**
 * Every decision and agreement matching the filter, in date, protocol and
 * item order. The rows are made once per loaded archive and shared between
 * calls: a caller may filter, sort or copy them, never change one.
 */
export function decisions(archive: Archive, filter: DecisionFilter = {}): DecisionRow[] {
  const needle = filter.grep?.toLocaleLowerCase('sv');
  const all = filter.network === undefined ? rowsOf(archive) : ofNetwork(rowsOf(archive), filter.network);
  return dated(all, (d) => d.date, filter.period?.from, filter.period?.to).filter(
    (d) =>
      (filter.owner === undefined || d.owner === filter.owner) && (needle === undefined || d.text.toLocaleLowerCase('sv').includes(needle)),
  );
}

const rows = new WeakMap<Archive, DecisionRow[]>();

function rowsOf(archive: Archive): DecisionRow[] {
  let known = rows.get(archive);
  if (known === undefined) {
    known = allDecisions(archive).map((d) => ({
      ...decisionFields(d),
      date: d.protocol.data.date,
      itemTitle: d.protocol.data.items.find((i) => i.no === d.item)?.title ?? '',
      takeHome: toTakeHome(d),
    }));
    rows.set(archive, known);
  }
  return known;
}
