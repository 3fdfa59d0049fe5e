import { clockIn, datesIn, timeIn } from './dates.js';
import { looksLikeName } from './names.js';

/**
 * Reads a legacy protocol written in prose (the notations of the seeds:
 * Familjen Helsingborg's "Tid/Plats:" and one-line "Närvarande:", GR's
 * NÄRVARANDE blocks, "Beslut" followed by att-clauses, signatures) into
 * structured, still unresolved data: names are names here, not ids. A pure
 * function of the text; every line is either understood or listed.
 */

export interface Partial {
  from?: string;
  until?: string;
  /** An item range such as "1-4" or "5"; `fromItem` when only the first is known ("fr.o.m. p 3"). */
  items?: string;
  fromItem?: number;
}

export interface NamedPerson {
  name: string;
  /** What followed the name: a municipality, an organisation. */
  place?: string;
  acting?: boolean;
  partial?: Partial;
  remote?: boolean;
  line: number;
}

export interface LegacyDecision {
  text: string;
  /** A person's name or a label such as "sekretariatet", when the clause gives someone a task. */
  owner?: string;
  due?: string;
  line: number;
}

export interface LegacyItem {
  no: number;
  title: string;
  line: number;
  text: string[];
  decisions: LegacyDecision[];
}

export interface LegacyProtocol {
  header?: string;
  kind?: 'protokoll' | 'anteckningar';
  number?: number;
  year?: number;
  date?: string;
  time?: string;
  place?: string;
  theme?: string;
  present: NamedPerson[];
  regrets: NamedPerson[];
  absent: NamedPerson[];
  remote: NamedPerson[];
  guests: { name: string; organisation?: string; role?: string; line: number }[];
  items: LegacyItem[];
  intro: string[];
  chair?: { name: string; line: number };
  secretary?: { name: string; line: number };
  notUnderstood: { line: number; text: string }[];
}

type List = 'present' | 'regrets' | 'absent' | 'remote';

const ROLE_CHAIR = /^(ordförande|mötesordförande|vice ordförande)$/i;
const ROLE_SECRETARY = /^(sekreterare|sekretariatschef|förbundssekreterare|mötessekreterare|nätverkssekreterare|samordnare|sekretariatet)$/i;

export function parseLegacy(input: string): LegacyProtocol {
  const lines = input.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const p: LegacyProtocol = { present: [], regrets: [], absent: [], remote: [], guests: [], items: [], intro: [], notUnderstood: [] };
  let block: List | 'guests' | undefined;
  let item: LegacyItem | undefined;
  let inDecisions = false;
  let lastClause: LegacyDecision | undefined;
  let blankSinceClause = false;
  let awaitingSecretary = false;
  let signed = false;

  const unknown = (line: number, text: string) => p.notUnderstood.push({ line, text });

  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i]!;
    const line = raw.trim().replace(/^[•·▪-]\s+/, '');
    if (line === '') {
      if (inDecisions && lastClause) blankSinceClause = true;
      continue;
    }

    // Header lines, wherever they stand before the first item.
    let m: RegExpExecArray | null;
    if (!item) {
      if ((m = /^(.*?)\b(protokoll|anteckningar|minnesanteckningar)\s+(?:nr\.?\s*)?(\d{1,3})\s*\/\s*(\d{4})\s*$/i.exec(line))) {
        p.header = line;
        p.kind = /protokoll/i.test(m[2]!) ? 'protokoll' : 'anteckningar';
        p.number = Number(m[3]);
        p.year = Number(m[4]);
        continue;
      }
      if (/^(protokoll|anteckningar|minnesanteckningar)$/i.test(line)) {
        p.header ??= line;
        p.kind = /protokoll/i.test(line) ? 'protokoll' : 'anteckningar';
        continue;
      }
      if ((m = /^(?:tid\s*\/\s*plats|tid och plats|datum och plats)\s*:\s*(.+)$/i.exec(line))) {
        readWhenWhere(p, m[1]!);
        block = undefined;
        continue;
      }
      if ((m = /^(?:tid|datum)\s*:\s*(.+)$/i.exec(line))) {
        readWhenWhere(p, m[1]!, false);
        block = undefined;
        continue;
      }
      if ((m = /^(?:plats|lokal)\s*:\s*(.+)$/i.exec(line))) {
        p.place = m[1]!.replace(/\.$/, '').trim();
        block = undefined;
        continue;
      }
    }
    if ((m = /^tematisk uppföljning\s*:?\s*(.*)$/i.exec(line))) {
      if (m[1]) p.theme = m[1].replace(/\.$/, '');
      else {
        const next = lines.slice(i + 1).findIndex((l) => l.trim() !== '');
        if (next >= 0) {
          p.theme = lines[i + 1 + next]!.trim().replace(/\.$/, '');
          i += next + 1;
        }
      }
      continue;
    }
    const list = listHeading(line);
    if (list && (!item || !inDecisions)) {
      block = list.list;
      inDecisions = false;
      if (list.rest) {
        if (list.list === 'guests') p.guests.push(...readGuests(list.rest, n));
        else p[list.list].push(...readPeople(list.rest, n));
        block = undefined;
      }
      continue;
    }
    if ((m = /^antecknat av\s*:?\s*(.*)$/i.exec(line))) {
      signed = true;
      if (m[1] && looksLikeName(m[1])) p.secretary = { name: m[1], line: n };
      else awaitingSecretary = true;
      continue;
    }
    if (awaitingSecretary && looksLikeName(line)) {
      p.secretary = { name: line, line: n };
      awaitingSecretary = false;
      continue;
    }

    // A numbered item: only the next number counts, so "1." in prose is prose.
    if ((m = /^(\d{1,2})\s*[.)]\s+(\S.*)$/.exec(line)) && Number(m[1]) === (item?.no ?? 0) + 1 && !signed) {
      item = { no: Number(m[1]), title: m[2]!.trim(), line: n, text: [], decisions: [] };
      p.items.push(item);
      block = undefined;
      inDecisions = false;
      lastClause = undefined;
      continue;
    }

    // People in a block under NÄRVARANDE and the like, one a line.
    if (block && block !== 'guests' && !item) {
      const people = readPeople(line, n);
      if (people.length === 1) {
        p[block].push(people[0]!);
        continue;
      }
    }
    if (block === 'guests' && !item) {
      p.guests.push(...readGuests(line, n));
      continue;
    }

    // Signatures: a name, then its role on the next line.
    if (ROLE_CHAIR.test(line) || ROLE_SECRETARY.test(line)) {
      const prev = previousNonBlank(lines, i);
      if (prev && looksLikeName(prev.text)) {
        const signer = { name: prev.text, line: prev.line };
        if (ROLE_CHAIR.test(line)) p.chair = signer;
        else p.secretary = signer;
        signed = true;
        // The name was taken as prose a moment ago; it is a signature.
        if (item && item.text.at(-1) === prev.text) item.text.pop();
        const at = p.notUnderstood.findIndex((u) => u.line === prev.line);
        if (at >= 0) p.notUnderstood.splice(at, 1);
        continue;
      }
    }
    if (awaitingSecretary && ROLE_SECRETARY.test(line.replace(/\W+$/, ''))) continue;

    if (!item || signed) {
      // After the signatures, or before the first item: prose kd cannot place.
      if (!item && !signed) p.intro.push(line);
      unknown(n, line);
      continue;
    }

    if ((m = /^beslut\s*:?\s*(.*)$/i.exec(line))) {
      inDecisions = true;
      lastClause = undefined;
      blankSinceClause = false;
      if (m[1]) startClause(m[1], n);
      continue;
    }
    if (inDecisions) {
      if (/^(samt\s+)?att\s+/i.test(line)) {
        startClause(line, n);
        continue;
      }
      if (lastClause && !blankSinceClause) {
        lastClause.text = `${lastClause.text} ${line}`;
        continue;
      }
      inDecisions = false;
    }
    item.text.push(line);
  }
  return finish(p);

  function startClause(text: string, n: number) {
    if (lastClause) lastClause.text = lastClause.text.replace(/\s+samt$/i, '');
    lastClause = { text: text.replace(/^samt\s+/i, ''), line: n };
    item!.decisions.push(lastClause);
    blankSinceClause = false;
  }
}

function previousNonBlank(lines: string[], i: number): { text: string; line: number } | undefined {
  for (let j = i - 1; j >= 0; j--) if (lines[j]!.trim() !== '') return { text: lines[j]!.trim(), line: j + 1 };
  return undefined;
}

function listHeading(line: string): { list: List | 'guests'; rest: string } | undefined {
  const forms: [RegExp, List | 'guests'][] = [
    [/^(?:närvarande|närvarande ledamöter|deltagare)\s*:?\s*(.*)$/i, 'present'],
    [/^(?:ej närvarande|frånvarande)\s*:?\s*(.*)$/i, 'absent'],
    [/^(?:anmält förhinder|förhinder|anmälda förhinder)\s*:?\s*(.*)$/i, 'regrets'],
    [/^(?:deltog digitalt|deltar digitalt|digitalt deltagande|på distans)\s*:?\s*(.*)$/i, 'remote'],
    [/^(?:inbjudna gäster|gäster|övriga närvarande)\s*:?\s*(.*)$/i, 'guests'],
  ];
  for (const [re, list] of forms) {
    const m = re.exec(line);
    // A heading alone ("NÄRVARANDE") or with a colon; "Närvarande var …" in prose is not one.
    if (m && (m[1] === '' || /:/.test(line))) return { list, rest: m[1]!.trim() };
  }
  return undefined;
}

/** "190118 kl. 12.30-16.00, Ring Knutstorp, Terassen, Kågeröd." */
function readWhenWhere(p: LegacyProtocol, text: string, withPlace = true): void {
  const date = datesIn(text)[0];
  if (date) p.date = date.date;
  const time = timeIn(text);
  if (time) p.time = time.time;
  if (!withPlace) return;
  const after = Math.max(time?.end ?? 0, date ? date.index + 6 : 0);
  const place = text.slice(after).replace(/^[\s,.;:]+/, '').replace(/\.\s*$/, '').trim();
  if (place) p.place = place;
}

/** One person a line, or a comma list: "Name, Place, Name, tf, Place … och Name, Organisation". */
export function readPeople(text: string, line: number): NamedPerson[] {
  const tokens = splitList(text.replace(/\.\s*$/, ''));
  const people: NamedPerson[] = [];
  const plain = tokens.filter((t) => !/^tf\.?$/i.test(t.text));
  const paired = plain.length % 2 === 0 && plain.every((t, i) => i % 2 === 1 || looksLikeName(stripNote(t.text).text));
  let current: NamedPerson | undefined;
  let expectPlace = false;
  for (const t of tokens) {
    if (/^tf\.?$/i.test(t.text)) {
      if (current) current.acting = true;
      continue;
    }
    const { text: value, partial, remote } = stripNote(t.text);
    if (paired && expectPlace && current) {
      current.place = value;
      if (partial) current.partial = partial;
      if (remote) current.remote = true;
      expectPlace = false;
      continue;
    }
    current = { name: value, line, ...(partial ? { partial } : {}), ...(remote ? { remote: true } : {}) };
    people.push(current);
    expectPlace = paired;
  }
  return people.filter((person) => person.name !== '');
}

/** Splits on commas and " och ", keeping parentheses whole. */
function splitList(text: string): { text: string }[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && ch === ',') {
      out.push(cur);
      cur = '';
      continue;
    }
    if (depth === 0 && text.startsWith(' och ', i)) {
      out.push(cur);
      cur = '';
      i += 4;
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((t) => ({ text: t.trim() })).filter((t) => t.text !== '');
}

/** Takes "(tom p 4)", "(fram till 11.25)", "(från kl 08.45)", "(p 5)", "(digitalt)" off a token. */
function stripNote(token: string): { text: string; partial?: Partial; remote?: boolean } {
  const m = /\(([^)]*)\)\s*$/.exec(token);
  if (!m) return { text: token.trim() };
  const note = m[1]!.trim().toLowerCase();
  const text = token.slice(0, m.index).trim();
  let r: RegExpExecArray | null;
  if (/^(digitalt|på distans|via länk|distans)$/.test(note)) return { text, remote: true };
  if ((r = /^(?:fram\s+)?till\s+(?:kl\.?\s*)?(.+)$/.exec(note)) && clockIn(r[1]!)) return { text, partial: { until: clockIn(r[1]!)! } };
  if ((r = /^(?:från|fr\.?\s*o\.?\s*m\.?)\s+(?:kl\.?\s*)?(\d{1,2}[.:]\d{2})$/.exec(note))) return { text, partial: { from: clockIn(r[1]!)! } };
  if ((r = /^(?:tom|t\.\s*o\.\s*m\.?|till och med)\s+(?:p|punkt|§)\.?\s*(\d+)$/.exec(note))) return { text, partial: { items: `1-${r[1]}` } };
  if ((r = /^(?:from|fr\.\s*o\.\s*m\.?|från och med)\s+(?:p|punkt|§)\.?\s*(\d+)$/.exec(note))) return { text, partial: { fromItem: Number(r[1]) } };
  if ((r = /^(?:p|punkt|§)\.?\s*(\d+(?:\s*[-–,]\s*\d+)*)$/.exec(note))) return { text, partial: { items: r[1]!.replace(/\s+/g, '').replace(/–/g, '-') } };
  return { text: token.trim() };
}

/** "Från Region Skåne deltar A (Utvecklingsdirektör) och B (Strateg)." or "A (Roll), Organisation". */
export function readGuests(text: string, line: number): LegacyProtocol['guests'] {
  const guests: LegacyProtocol['guests'] = [];
  const from = [...text.matchAll(/Från\s+(.+?)\s+deltar\s+(.+?)(?:\.(?=\s+Från\s)|\.?\s*$)/g)];
  if (from.length > 0) {
    for (const m of from) {
      const organisation = m[1]!.trim();
      for (const t of splitList(m[2]!)) {
        const role = /\(([^)]*)\)\s*$/.exec(t.text);
        const name = role ? t.text.slice(0, role.index).trim() : t.text;
        guests.push({ name, organisation, ...(role ? { role: role[1]!.trim() } : {}), line });
      }
    }
    return guests;
  }
  const tokens = splitList(text.replace(/\.\s*$/, ''));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    const role = /\(([^)]*)\)\s*$/.exec(t);
    const name = role ? t.slice(0, role.index).trim() : t;
    const next = tokens[i + 1]?.text;
    const organisation = next !== undefined && !looksLikeName(next.replace(/\([^)]*\)\s*$/, '').trim()) ? next : undefined;
    if (organisation !== undefined) i++;
    guests.push({ name, ...(organisation ? { organisation } : {}), ...(role ? { role: role[1]!.trim() } : {}), line });
  }
  return guests;
}

/** Owners and due dates, once the meeting's date is known. */
function finish(p: LegacyProtocol): LegacyProtocol {
  const meetingYear = p.date ? Number(p.date.slice(0, 4)) : p.year;
  for (const item of p.items) {
    for (const d of item.decisions) {
      d.text = d.text.replace(/\s+/g, ' ').trim();
      const task = /^att\s+(.+?)\s+(?:får\s+i\s+uppdrag\s+att|ska|skall|ansvarar\s+för\s+att)\s/i.exec(d.text);
      if (task) {
        const subject = task[1]!.trim();
        const words = subject.split(/\s+/);
        const vague = /^(det|den|de|detta|dessa|respektive|alla|varje|samtliga|man|vi)\b/i.test(subject) || /\bsom\b/i.test(subject);
        if (!vague && (looksLikeName(subject) || words.length <= 3)) d.owner = subject;
      }
      if (d.owner !== undefined) {
        const due = datesIn(d.text, meetingYear).find((x) => p.date === undefined || x.date > p.date);
        if (due) d.due = due.date;
      }
    }
  }
  return p;
}
