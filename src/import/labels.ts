/**
 * The grammar of labels in legacy minutes: the words a network writes before
 * a value or a list, in Swedish and, second, Danish and Norwegian. A label
 * stands at the start of a line (or, in flattened text, anywhere before a
 * colon), and its value follows after a colon, a tab, two spaces, or on the
 * next lines.
 */

export type LabelKind =
  | 'date'
  | 'time'
  | 'place'
  | 'timeplace'
  | 'present'
  | 'invited'
  | 'regrets'
  | 'absent'
  | 'remote'
  | 'substitutes'
  | 'serving'
  | 'guests'
  | 'secretary'
  | 'chair'
  | 'adjuster'
  | 'agenda'
  | 'theme'
  | 'decision'
  | 'proposal'
  | 'owner'
  | 'action';

const LABELS: Record<LabelKind, string[]> = {
  date: ['sammanträdesdatum', 'mötesdatum', 'datum', 'dag', 'dato', 'mødedato', 'møtedato'],
  time: ['tid', 'klockslag', 'tidspunkt', 'klokkeslett'],
  place: ['plats', 'lokal', 'mötesplats', 'sted', 'mødested', 'møtested'],
  timeplace: [
    'tid och plats',
    'plats och tid',
    'tid/plats',
    'plats/tid',
    'datum och plats',
    'datum och tid',
    'datum, tid och plats',
    'datum/tid/plats',
    'tid, plats',
    'dag och tid',
    'tid og sted',
    'dato og sted',
    'dato, tid og sted',
    'tid og sted for mødet',
    'møtetid og sted',
  ],
  present: [
    'närvarande',
    'närvarande ledamöter',
    'beslutande',
    'beslutande ledamöter',
    'ledamöter',
    'deltagande',
    'deltog',
    'närvarande medlemmar',
    'medlemmar närvarande',
    'til stede',
    'tilstede',
    'fremmødte',
    'mødt',
    'møtt',
    'tilstedeværende',
  ],
  invited: [
    'deltagare',
    'mötesdeltagare',
    'inbjudna deltagare',
    'kallade',
    'deltagere',
    'deltakere',
    'mødedeltagere',
    'møtedeltakere',
    'medlemmer',
  ],
  regrets: [
    'anmält förhinder',
    'anmälda förhinder',
    'förhinder',
    'frånvaro med anmälan',
    'anmält frånvaro',
    'afbud',
    'forfall',
    'meldt forfall',
    'meldt frafall',
  ],
  absent: [
    'frånvarande',
    'ej närvarande',
    'ej närvarande ledamöter',
    'deltog ej',
    'deltog inte',
    'ej deltagande',
    'fraværende',
    'ikke til stede',
    'ikke tilstede',
    'ikke møtt',
  ],
  remote: [
    'deltog digitalt',
    'deltar digitalt',
    'digitalt deltagande',
    'deltog på distans',
    'på distans',
    'via teams',
    'deltog via teams',
    'via länk',
    'deltog via länk',
  ],
  substitutes: ['ersättare', 'suppleanter', 'närvarande ersättare', 'ej tjänstgörande ersättare', 'stedfortrædere', 'varamedlemmer'],
  serving: ['tjänstgörande ersättare', 'tjänstgörande ersättare för ledamot'],
  guests: [
    'övriga deltagande',
    'övriga deltagare',
    'övriga närvarande',
    'dessutom närvarande',
    'adjungerade',
    'adjungerad',
    'gäster',
    'inbjudna gäster',
    'inbjudna',
    'övriga',
    'föredragande',
    'gæster',
    'gjester',
    'øvrige deltagere',
    'øvrige deltakere',
    'øvrige',
    'desuden deltog',
    'i tillegg møtte',
  ],
  secretary: [
    'sekreterare',
    'mötessekreterare',
    'sekretariatschef',
    'förbundssekreterare',
    'nätverkssekreterare',
    'protokollförare',
    'antecknat av',
    'antecknare',
    'vid protokollet',
    'vid pennan',
    'protokollet fördes av',
    'sekretær',
    'referent',
    'referat',
    'ref',
  ],
  chair: [
    'ordförande',
    'vice ordförande',
    'mötesordförande',
    'ordförande för mötet',
    'mødeleder',
    'møteleder',
    'formand',
    'leder',
    'ordstyrer',
  ],
  adjuster: ['justerare', 'justeras', 'justerat', 'justering', 'justerande', 'protokollsjusterare', 'underskrifter', 'underskrift'],
  agenda: ['dagordning', 'föredragningslista', 'agenda', 'dagsorden', 'sakliste', 'saksliste', 'program'],
  theme: ['tematisk uppföljning', 'tema', 'temat'],
  decision: [
    'beslut',
    'beslutades',
    'beslutning',
    'beslutninger',
    'vedtak',
    'konklusion',
    'konklusjon',
    'överenskommelse',
    'överenskommelser',
  ],
  proposal: [
    'förslag till beslut',
    'förslag till överenskommelse',
    'föreslaget beslut',
    'beslutsförslag',
    'forslag til beslutning',
    'forslag til vedtak',
    'indstilling',
    'innstilling',
  ],
  owner: ['ansvarig', 'ansvar', 'ansvarlig'],
  action: ['åtgärd', 'åtgärder', 'uppdrag', 'handling', 'oppfølging', 'opfølgning'],
};

/** Every label, longest first, so that "tid och plats" wins over "tid". */
const ALL: { word: string; kind: LabelKind }[] = (Object.entries(LABELS) as [LabelKind, string[]][])
  .flatMap(([kind, words]) => words.map((word) => ({ word, kind })))
  .sort((a, b) => b.word.length - a.word.length);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORDS = ALL.map((l) => escapeRegExp(l.word).replace(/ /g, '\\s+')).join('|');
/** A label at the start of a line, and how its value follows. */
const START = new RegExp(`^(${WORDS})(?![\\p{L}\\d])\\.?(\\s*:\\s*|\\t+\\s*|\\s{2,}|\\s+(?=\\S)|\\s*$)(.*)$`, 'iu');
/** A label with a colon inside a line: where flattened text is split. */
export const INLINE = new RegExp(`(?<=[\\s.;,)])(${WORDS})\\s*:`, 'giu');

export interface LabelMatch {
  kind: LabelKind;
  /** The label as written. */
  label: string;
  /** What follows the label on the same line (may be empty). */
  value: string;
  /** The value was set off by a colon, a tab or two spaces (not just one space). */
  marked: boolean;
}

const kindOf = (label: string) => ALL.find((l) => l.word === label.toLowerCase().replace(/\s+/g, ' '))!.kind;

/** The label a line starts with, if any. */
export function labelAt(line: string): LabelMatch | undefined {
  const m = START.exec(line.trim());
  if (!m) return undefined;
  const value = m[3]!.trim();
  const marked = /[:\t]/.test(m[2]!) || /\s{2,}/.test(m[2]!) || value === '';
  return { kind: kindOf(m[1]!), label: m[1]!, value, marked };
}
