import { municipalityIndex, municipalityVariants } from '../core/names.js';
import { clockIn } from './dates.js';
import { looksLikeName, normaliseName } from './names.js';
import { isOrganisation, leadingMunicipality, municipalityIn } from './sweden.js';

/**
 * One attendance entry, read with knowledge of who and what exists: a
 * person's name is told from a municipality or an organisation by knowing
 * those (all of Sweden's municipalities, the archive's own list, words that
 * mark an organisation, people.yml), never by position alone. When kd is
 * not sure whether a word is a second person or the first one's
 * organisation, it keeps both as people and marks the entry for review.
 */

export interface Knowledge {
  /** The municipality a text names (the archive's spelling first), or undefined. */
  municipality(text: string): string | undefined;
  organisation(text: string): boolean;
  /** The name is a known person (people.yml or an alias). */
  person(name: string): boolean;
}

/** Knowledge of Sweden alone, with the archive's municipalities and people when given. */
export function knowledge(municipalities: readonly string[] = [], isPerson: (name: string) => boolean = () => false): Knowledge {
  const local = municipalityIndex(municipalities);
  return {
    municipality: (text) => {
      const t = text.trim().replace(/(?<![.,;:])[.,;:]+$/, '');
      const found = local.find(municipalityVariants(t)) ?? municipalityIn(t);
      if (found) return found;
      // A Danish or Norwegian municipality: "Halden kommune", "Københavns Kommune".
      const nordic = /^(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+[Kk]ommune$/u.exec(t);
      return nordic ? nordic[1]!.replace(/(?<=havn)s$/, '') : undefined;
    },
    organisation: (text) => isOrganisation(text.trim()) || ORGANISATION_HEAD.test(text.trim()),
    person: isPerson,
  };
}

/** Items a person attended, in the source's own numbering ("§ 84-89", "p 5", "ej § 91-97", "62-"). */
export interface PartialNote {
  from?: string;
  until?: string;
  /** Ranges in the source's numbering; `to` undefined means "to the end". */
  items?: { from: number; to?: number }[];
  /** The ranges are the items *not* attended ("ej § 91-97"). */
  except?: boolean;
}

export interface Entry {
  name: string;
  municipality?: string;
  organisation?: string;
  role?: string;
  party?: string;
  acting?: boolean;
  remote?: boolean;
  partial?: PartialNote;
  /** Whom this person stood in for. */
  substituteFor?: string;
  /** A mark in a flattened attendance table: X present, - absent. */
  mark?: 'present' | 'absent';
  /** A trailing role that names the meeting's chair or secretary. */
  officer?: 'chair' | 'secretary';
  /** Only a surname was written ("Hylte: Ek/Lind"). */
  surnameOnly?: boolean;
  /** Why the secretary should look at this entry. */
  review?: string;
  line: number;
}

const ROLE_SUFFIX =
  /(chef|direktör|direktor|direktør|strateg|ansvarig|samordnare|sekreterare|ledare|handläggare|utredare|controller|koordinator|ordförande|ordf|sekr|rådgivare|specialist|ombudsman|konsult|assistent|ekonom|jurist|kommunalråd|råd|ledamot|suppleant|ersättare|referent|formand|leder|rådmann|borgmester|ordfører|sjef)\.?$/i;
const ROLE_WORDS =
  /^(t\.?\s?f\.?|tf|tillförordnad|ställföreträdande|biträdande|bitr\.?|vice|adjungerad|ordinarie|ny|avgående|nyvald|konstituerad|konst\.?|fungerende|kst\.?)$/i;
const CHAIR = /^(ordförande|ordf\.?|mötesordförande|ordförande för mötet|formand|mødeleder|møteleder|leder|ordstyrer)$/i;
const SECRETARY = /^(sekreterare|sekr\.?|mötessekreterare|protokollförare|referent|ref\.?|sekretær|antecknare|nätverkssekreterare)$/i;
const PARTY = /^(S|M|C|L|V|KD|MP|SD|FP|Fi|SPI|ÖP|Skån|BoP|OP|SV|RV|A|H|FrP|Sp|Krf|Ap|R|SF|DF|EL|Ø|LA|K|ALT)$/;

/** A role or title such as "kommunchef", "tf kommundirektör", "Ekonomichef", "vice ordförande". */
export function isRole(text: string): boolean {
  const words = text
    .trim()
    .replace(/(?<![.,])[.,]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 5) return false;
  return (
    words.some((w) => ROLE_SUFFIX.test(w)) &&
    words.every(
      (w) => ROLE_SUFFIX.test(w) || ROLE_WORDS.test(w) || /^(för|i|och|med|på|av|inom|til|for|og)$/i.test(w) || /^\p{Ll}/u.test(w),
    )
  );
}

function officerOf(role: string): 'chair' | 'secretary' | undefined {
  const r = role.trim().toLowerCase().replace(/\s+/g, ' ');
  if (CHAIR.test(r) || /^(mötets|nätverkets|gruppens) ordförande$/.test(r)) return 'chair';
  if (SECRETARY.test(r)) return 'secretary';
  return undefined;
}

/** Splits on commas, semicolons and " och "/" og "/" samt ", keeping parentheses whole. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur);
      cur = '';
      continue;
    }
    const joiner = depth === 0 ? /^ (och|og|samt|&|and) /i.exec(text.slice(i)) : null;
    if (joiner) {
      out.push(cur);
      cur = '';
      i += joiner[0].length - 1;
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t !== '');
}

/** Reads a partial-attendance note: "fram till 11.25", "från kl 13.45", "tom p 4", "p 5", "pkt 3, 5-10", "ej § 91-97", "§ 84-89", " 62-", "deltog t.o.m. § 85". */
export function readPartial(note: string): PartialNote | 'remote' | undefined {
  const n = note
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^deltog\s+|^närvarande\s+/, '');
  if (/^(digitalt|på distans|via länk|distans|via teams|deltog digitalt|på länk|digital|via video|videolänk)$/.test(n)) return 'remote';
  let r: RegExpExecArray | null;
  if (
    (r = /^(?:fram\s+)?till\s+(?:kl\.?\s*)?(\d{1,2}(?:[.:]\d{2})?)$/.exec(n)) ||
    (r = /^(?:lämnade|gick)\s+(?:mötet\s+)?(?:kl\.?\s*)?(\d{1,2}(?:[.:]\d{2})?)$/.exec(n))
  ) {
    const t = clockIn(r[1]!.includes('.') || r[1]!.includes(':') ? r[1]! : `kl ${r[1]}`);
    return t ? { until: t } : undefined;
  }
  if ((r = /^(?:från|fr\.?\s*o\.?\s*m\.?|anlände|kom)\s+(?:kl\.?\s*)?(\d{1,2}(?:[.:]\d{2})?)$/.exec(n))) {
    const t = clockIn(r[1]!.includes('.') || r[1]!.includes(':') ? r[1]! : `kl ${r[1]}`);
    return t ? { from: t } : undefined;
  }
  const ITEM = '(?:p\\.?|pkt\\.?|punkt(?:erna)?|§§?|ärende|sak)';
  if ((r = new RegExp(`^(?:tom|t\\.\\s?o\\.\\s?m\\.?|till och med|till)\\s+${ITEM}?\\s*(\\d+)$`).exec(n)))
    return { items: [{ from: 1, to: Number(r[1]) }] };
  if ((r = new RegExp(`^(?:from|fr\\.\\s?o\\.\\s?m\\.?|från och med|från)\\s+${ITEM}?\\s*(\\d+)$`).exec(n)))
    return { items: [{ from: Number(r[1]) }] };
  const except = /^(?:ej|inte|ikke|utom)\s+/.test(n);
  const body = n.replace(/^(?:ej|inte|ikke|utom)\s+/, '');
  if ((r = new RegExp(`^${ITEM}?\\s*(\\d+(?:\\s*[-–]\\s*\\d*)?(?:\\s*(?:,|och)\\s*\\d+(?:\\s*[-–]\\s*\\d*)?)*)$`).exec(body))) {
    const items = r[1]!.split(/\s*(?:,|och)\s*/).map((part) => {
      const [a, b] = part.split(/\s*[-–]\s*/);
      return b === undefined ? { from: Number(a), to: Number(a) } : b === '' ? { from: Number(a) } : { from: Number(a), to: Number(b) };
    });
    // A bare number with no item word is not a note: "(S)" and "(2)" are something else.
    if (!new RegExp(`^${ITEM}`).test(body) && !/[-–,]/.test(body)) return undefined;
    return { items, ...(except ? { except: true } : {}) };
  }
  return undefined;
}

interface Token {
  kind: 'name' | 'municipality' | 'organisation' | 'role' | 'acting' | 'other';
  text: string;
  notes: {
    partial?: PartialNote;
    remote?: boolean;
    party?: string;
    officer?: 'chair' | 'secretary';
    substituteFor?: string;
    acting?: boolean;
  };
  municipality?: string;
  /** Parts of a token without commas: "Maja Ek tf kommundirektör Hylte". */
  extra?: Token[];
  mark?: 'present' | 'absent';
}

function takeNotes(token: string): { text: string; notes: Token['notes'] } {
  const notes: Token['notes'] = {};
  let text = token;
  for (let guard = 0; guard < 4; guard++) {
    const m = /\(([^()]*)\)\s*$/.exec(text) ?? /^\s*\(([^()]*)\)/.exec(text);
    if (!m) break;
    const note = m[1]!.trim();
    text = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim();
    const partial = readPartial(note);
    let r: RegExpExecArray | null;
    if (partial === 'remote') notes.remote = true;
    else if (partial) notes.partial = partial;
    else if (PARTY.test(note)) notes.party = note;
    else if (officerOf(note)) notes.officer = officerOf(note);
    else if ((r = /^(?:ers\.?|ersättare|ersätter|i stället|istället|vikarie|stedfortræder|vara)\s*(?:för|for)\s+(.+)$/i.exec(note)))
      notes.substituteFor = r[1]!.trim();
    else if (/^t\.?\s?f\.?$/i.test(note)) notes.acting = true;
    else {
      // A note kd does not read is put back, so nothing is lost.
      text = `${text} (${note})`;
      break;
    }
  }
  return { text: text.trim(), notes };
}

const MARK = /^(x|✓|✔|ja|-|–|—|nej|ej)$/i;
/** Words that begin an organisation's name that otherwise looks like a person's: "Familjen Helsingborg", "Business Halland". */
const ORGANISATION_HEAD =
  /^(familjen|nätverket|samverkan|projektet|business|visit|destination|invest|kommunerna i|kommunchefsgruppen|kommundirektörsgruppen|styrgruppen|ledningsgruppen|sekretariatet)\b/i;
/** "för Annika Strand" after an entry's other parts: whom the entry stood in for. */
const FOR =
  /^(?:ers\.?\s+|ersättare\s+|tjänstgör\s+)?(?:för|for|i stället för|istället för|ersätter)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){1,3})$/u;
const SUBSTITUTE = /^(.+?)\s+(?:ersätter|ers\.?\s+för|i stället för|istället för|för|for|vikarierar för)\s+(.+)$/i;

function classify(text: string, k: Knowledge): Token['kind'] {
  const t = text.trim();
  if (/^t\.?\s?f\.?$/i.test(t)) return 'acting';
  if (k.person(t)) return 'name';
  if (k.municipality(t)) return 'municipality';
  if (k.organisation(t)) return 'organisation';
  if (isRole(t)) return 'role';
  if (looksLikeName(t)) return 'name';
  return 'other';
}

/** A token without commas that holds a name and more: "Maja Ek tf kommundirektör Hylte", "Hylte Maja Ek", "Eva Berg ersätter Olle Lind". */
function splitCompound(text: string, k: Knowledge): Token[] | undefined {
  const words = text.split(/\s+/);
  if (words.length < 3) return undefined;
  const lead = leadingMunicipality(text);
  if (lead && looksLikeName(lead.rest)) return [tok('municipality', lead.municipality), tok('name', lead.rest)];
  // The longest run of capitalised words at the start that is a name, then the rest.
  for (let cut = Math.min(words.length - 1, 4); cut >= 2; cut--) {
    const name = words.slice(0, cut).join(' ');
    const rest = words.slice(cut).join(' ');
    if (!looksLikeName(name) || k.municipality(name) || k.organisation(name)) continue;
    const restKind = classify(rest, k);
    if (restKind === 'municipality' || restKind === 'organisation' || restKind === 'role') return [tok('name', name), tok(restKind, rest)];
    // "tf kommundirektör Hylte": role words, then a municipality or organisation at the end.
    // A role has at most five words (isRole, after a last word of only dots or commas is dropped),
    // so no head of more than six can be one: looking further only classified ever longer texts,
    // quadratic in a long line.
    const restWords = rest.split(/\s+/);
    for (let j = 1; j < Math.min(restWords.length, 7); j++) {
      const head = restWords.slice(0, j).join(' ');
      const headKind = classify(head, k);
      if (headKind !== 'role' && headKind !== 'acting') continue;
      const tail = restWords.slice(j).join(' ');
      const tailKind = classify(tail, k);
      if (tailKind === 'municipality' || tailKind === 'organisation') return [tok('name', name), tok(headKind, head), tok(tailKind, tail)];
    }
    if (k.person(name) && restKind !== 'name') return [tok('name', name), tok('other', rest)];
  }
  return undefined;
}

function tok(kind: Token['kind'], text: string): Token {
  return { kind, text, notes: {} };
}

/**
 * Reads one line of an attendance list into entries: "Maja Ek, Hylte
 * kommun", "Maja Ek, kommunchef, Hylte", "Maja Ek (S), Hylte", "Maja Ek,
 * Hylte kommun, ordförande", "Maja Ek tf kommundirektör Hylte", "Hylte Maja
 * Ek", "Hylte: Ek/Lind", "X Maja Ek", or a bare list "Maja Ek, Olle Lind och
 * Per Berg".
 */
export function readEntries(text: string, line: number, k: Knowledge): Entry[] {
  let rest = text.trim().replace(/[.;]\s*$/, '');
  if (rest === '') return [];

  // "Hylte: Ek/Lind" — a municipality or organisation, then one slot a role.
  const slot = /^([^:]{2,40}):\s*(.+)$/.exec(rest);
  if (slot && (k.municipality(slot[1]!) || k.organisation(slot[1]!))) {
    const municipality = k.municipality(slot[1]!);
    return splitList(slot[2]!.replace(/\s*\/\s*/g, ', ')).map((part) => {
      const { text: name, notes } = takeNotes(part);
      const surnameOnly = !/\s/.test(name);
      return {
        name,
        ...(municipality ? { municipality } : { organisation: slot[1]!.trim() }),
        ...entryNotes(notes),
        ...(surnameOnly ? { surnameOnly: true } : {}),
        line,
      };
    });
  }

  // A mark for the whole line, from a flattened table: "X Karin Sjöholm, Skövde", "Gertrud Sahlin, Åmål -".
  let lineMark: Entry['mark'];
  const markLead = /^(x|✓|✔|-|–|—)\s+(?=\p{Lu})/iu.exec(rest);
  const markTail = /(?<!\s)\s+(x|✓|✔|-|–|—)$/i.exec(rest);
  if (markLead) {
    lineMark = /^[-–—]$/.test(markLead[1]!) ? 'absent' : 'present';
    rest = rest.slice(markLead[0].length);
  } else if (markTail) {
    lineMark = /^[-–—]$/.test(markTail[1]!) ? 'absent' : 'present';
    rest = rest.slice(0, markTail.index).trim();
  }

  // A trailing range with no parentheses: "Maja Ek, Hylte 4-16", "… §§ 4-16".
  let trailing: PartialNote | undefined;
  const range = /(?<!\s)\s+((?:§§?|p\.?|pkt\.?)\s*\d+\s*[-–]\s*\d*|\d+\s*[-–]\s*\d+)$/.exec(rest);
  if (range) {
    const p = readPartial(range[1]!.includes('§') || /^p/i.test(range[1]!) ? range[1]! : `§ ${range[1]}`);
    if (p && p !== 'remote') {
      trailing = p;
      rest = rest.slice(0, range.index).trim();
    }
  }

  const tokens: Token[] = [];
  for (const part of splitList(rest)) {
    let { text: t, notes } = takeNotes(part);
    let mark: Token['mark'];
    // A mark before or after the name, from a flattened table: "X Maja Ek", "Maja Ek  X", "- Olle Lind".
    const words = t.split(/\s+/);
    if (words.length >= 3 && MARK.test(words[0]!)) {
      mark = /^(x|✓|✔|ja)$/i.test(words[0]!) ? 'present' : 'absent';
      t = words.slice(1).join(' ');
    } else if (words.length >= 3 && MARK.test(words.at(-1)!)) {
      mark = /^(x|✓|✔|ja)$/i.test(words.at(-1)!) ? 'present' : 'absent';
      t = words.slice(0, -1).join(' ');
    }
    const forWhom = FOR.exec(t);
    if (forWhom && tokens.length > 0) {
      tokens.push({ kind: 'other', text: '', notes: { substituteFor: forWhom[1]! } });
      continue;
    }
    // "ordförande Tord Hellström": a flattened table put the last entry's role before the next name.
    const roleThenName = /^(\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*)?)\s+(\p{Lu}.+)$/u.exec(t);
    if (roleThenName && tokens.length > 0 && isRole(roleThenName[1]!) && looksLikeName(roleThenName[2]!)) {
      tokens.push(tok('role', roleThenName[1]!), { kind: 'name', text: roleThenName[2]!, notes });
      continue;
    }
    const sub = SUBSTITUTE.exec(t);
    if (sub && looksLikeName(sub[1]!) && looksLikeName(sub[2]!)) {
      tokens.push({ kind: 'name', text: sub[1]!.trim(), notes: { ...notes, substituteFor: sub[2]!.trim() }, ...(mark ? { mark } : {}) });
      continue;
    }
    const kind = classify(t, k);
    if (kind === 'other' || (kind === 'name' && t.split(/\s+/).length >= 3 && !k.person(t))) {
      const parts = splitCompound(t, k);
      if (parts) {
        // The notes and the mark belong to the person, wherever the name stands in the token.
        const person = parts.find((x) => x.kind === 'name') ?? parts[0]!;
        person.notes = notes;
        if (mark) person.mark = mark;
        tokens.push(...parts);
        continue;
      }
    }
    tokens.push({ kind, text: t, notes, ...(mark ? { mark } : {}) });
  }

  const entries: Entry[] = [];
  let current: Entry | undefined;
  let pendingMunicipality: string | undefined;
  const hasAttributes = tokens.some((t) => t.kind === 'municipality' || t.kind === 'organisation' || t.kind === 'role');
  for (const t of tokens) {
    if (t.kind === 'name') {
      // A second name right after a name with nothing of its own: a bare list, or an organisation that looks like a name.
      const doubtful =
        current !== undefined && !current.municipality && !current.organisation && !current.role && hasAttributes && !k.person(t.text);
      current = { name: t.text, line, ...entryNotes(t.notes), ...(t.mark ? { mark: t.mark } : {}) };
      if (pendingMunicipality) {
        current.municipality = pendingMunicipality;
        pendingMunicipality = undefined;
      }
      if (doubtful) current.review = entries.at(-1)!.name;
      entries.push(current);
      continue;
    }
    if (!current) {
      if (t.kind === 'municipality') pendingMunicipality = k.municipality(t.text);
      else if (t.kind !== 'acting' && t.text !== '') entries.push({ name: t.text, line, review: t.text });
      continue;
    }
    Object.assign(current, entryNotes(t.notes, current));
    if (t.kind === 'acting') current.acting = true;
    else if (t.kind === 'municipality' && !current.municipality) current.municipality = k.municipality(t.text)!;
    else if (t.kind === 'role') {
      const role = t.text.replace(/^t\.?\s?f\.?\s+/i, () => {
        current!.acting = true;
        return '';
      });
      const officer = officerOf(role);
      if (officer) current.officer = officer;
      current.role = current.role ? `${current.role}, ${role}` : role;
      if (/^(tillförordnad|t\.?\s?f\.?)\b/i.test(t.text)) current.acting = true;
    } else if (t.text === '') {
      // Notes only ("för Annika Strand"): already taken above.
    } else if (t.kind === 'organisation' || t.kind === 'municipality' || t.kind === 'other') {
      const officer = officerOf(t.text);
      if (officer) current.officer = officer;
      else current.organisation = current.organisation ? `${current.organisation}, ${t.text}` : t.text;
    }
  }
  if (trailing && entries.length > 0) entries.at(-1)!.partial = trailing;
  if (lineMark && entries.length === 1) entries[0]!.mark = lineMark;
  return entries.filter((e) => e.name !== '');
}

function entryNotes(notes: Token['notes'], into?: Entry): Partial<Entry> {
  return {
    ...(notes.partial ? { partial: notes.partial } : {}),
    ...(notes.remote ? { remote: true } : {}),
    ...(notes.party ? { party: notes.party } : {}),
    ...(notes.officer ? { officer: notes.officer } : {}),
    ...(notes.substituteFor ? { substituteFor: notes.substituteFor } : {}),
    ...(notes.acting || into?.acting ? { acting: true } : {}),
  };
}

/**
 * text.replace(/\([^)]*\)/g, ''), in linear time: the pattern tried every "("
 * to the end of the text when no ")" followed (quadratic in a run of "("), and
 * when none follows one "(", none follows a later one either.
 */
function withoutParentheses(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', at)) {
    const close = text.indexOf(')', open + 1);
    if (close === -1) break;
    out += text.slice(at, open);
    at = close + 1;
  }
  return out + text.slice(at);
}

/** True when a line reads as entries rather than prose: short tokens, no sentence verbs. */
export function looksLikeEntries(text: string, k: Knowledge): boolean {
  const t = text
    .trim()
    .replace(/[.;]$/, '')
    .replace(/(?<!\s)\s+(?:(?:§§?|p\.?|pkt\.?)\s*)?\d+\s*[-–]\s*\d*$/, '');
  if (t === '' || t.length > 20_000) return false;
  if (/[.!?]\s+\p{Lu}/u.test(t)) return false;
  const slot = /^([^:]{2,40}):\s*(.+)$/.exec(t);
  if (slot && (k.municipality(slot[1]!) || k.organisation(slot[1]!))) return true;
  const plain = t.replace(/^(?:x|✓|✔|-|–|—)\s+(?=\p{Lu})/iu, '').replace(/(?<!\s)\s+(?:x|✓|✔|-|–|—)$/i, '');
  if (plain !== t) return looksLikeEntries(plain, k);
  const tokens = splitList(withoutParentheses(t));
  if (tokens.length === 0) return false;
  return tokens.every((token) => {
    const words = token.split(/\s+/);
    if (words.length > 7) return false;
    if (words.length >= 3 && MARK.test(words[0]!)) return true;
    if (MARK.test(token)) return true;
    if (FOR.test(token)) return true;
    const sub = SUBSTITUTE.exec(token);
    if (sub && looksLikeName(sub[1]!) && looksLikeName(sub[2]!.replace(/,.*$/, ''))) return true;
    const roleThenName = /^(\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*)?)\s+(\p{Lu}.+)$/u.exec(token);
    if (roleThenName && isRole(roleThenName[1]!) && looksLikeName(roleThenName[2]!)) return true;
    if (classify(token, k) !== 'other' || splitCompound(token, k) !== undefined) return true;
    // An unknown token passes only when every word is capitalised (a name kd does not know) or a particle.
    return (
      words.length <= 5 &&
      words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(von|van|af|de|der|den|la|le|di|da|del|el|al|bin|ter|zu|och)$/.test(w))
    );
  });
}

/** The same person, whatever the case, diacritics or hyphens. */
export const samePerson = (a: string, b: string) => normaliseName(a) === normaliseName(b);
