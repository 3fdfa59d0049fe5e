import type { DecisionRecord } from '../model/index.js';

/**
 * The phrases by which a decision addresses every member municipality, so
 * that each director takes it home: "alla kommuner", "samtliga kommuner",
 * "respektive kommun", "varje kommun" (and "i varje kommun"), "kommunerna"
 * and "kommunernas …", "medlemskommunerna", "per kommun". Matched as whole
 * words, in any case. A decision can say it outright with `act: true`, or
 * `act: false` where the wording misleads; that always wins.
 */
const TO_ALL =
  /(?<!\p{L})(alla kommuner(na)?|samtliga kommuner(na)?|respektive kommuns?|varje kommuns?|kommunerna|kommunernas|medlemskommunerna|medlemskommunernas|per kommun)(?!\p{L})/iu;

/** Whether the text names the municipality (or its genitive, "Osbys"). */
function names(text: string, municipality: string): boolean {
  const escaped = municipality.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!\\p{L})${escaped}s?(?!\\p{L})`, 'iu').test(text);
}

/**
 * Whether the municipalities, or with `municipality` that one, are to take
 * the decision home and act on it: its own `act:` when it has one, otherwise
 * the phrases above or the municipality's name in its text.
 */
export function toTakeHome(decision: Pick<DecisionRecord, 'text' | 'act'>, municipality?: string): boolean {
  if (decision.act !== undefined) return decision.act;
  return TO_ALL.test(decision.text) || (municipality !== undefined && names(decision.text, municipality));
}
