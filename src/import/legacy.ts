import type { ProtocolKind } from '../schema/index.js';
import { datesIn, timeIn } from './dates.js';
import {
  type Entry,
  isRole,
  type Knowledge,
  knowledge,
  looksLikeEntries,
  type PartialNote,
  readEntries,
  readPartial,
  splitList,
} from './entries.js';
import { type LabelKind, type LabelMatch, labelAt } from './labels.js';
import { looksLikeName, normaliseName } from './names.js';
import { prepare, type SourceLine } from './prepare.js';

/**
 * Reads legacy minutes — the notations of many networks, from Word, PDF or
 * plain text — into structured, still unresolved data: names are names here,
 * not ids. Labels come from a grammar (labels.ts), entries are read with
 * knowledge of municipalities, organisations and people (entries.ts). Every
 * line is either understood, kept as an item's text, reported as noise, or
 * listed as not understood.
 */

export type NamedPerson = Entry & {
  /** The municipality or organisation, as the older callers name it. */
  place?: string;
};

export interface LegacyDecision {
  text: string;
  /** A person's name or a label such as "sekretariatet", when the clause gives someone a task. */
  owner?: string;
  due?: string;
  /** "till nästa möte": the due date is the network's next meeting. */
  dueNextMeeting?: boolean;
  line: number;
}

export interface LegacyItem {
  /** kd's number: 1..n in order. */
  no: number;
  /** The number the source gave it ("§ 56"), when it differs from kd's. */
  source?: string;
  title: string;
  line: number;
  text: string[];
  decisions: LegacyDecision[];
}

export interface LegacyProtocol {
  header?: string;
  kind?: ProtocolKind;
  number?: number;
  year?: number;
  date?: string;
  time?: string;
  /** Only the start was written ("kl 13"). */
  timeStart?: string;
  place?: string;
  theme?: string;
  present: NamedPerson[];
  regrets: NamedPerson[];
  absent: NamedPerson[];
  remote: NamedPerson[];
  substitutes: { name: string; for: string; line: number }[];
  guests: { name: string; organisation?: string; role?: string; line: number }[];
  items: LegacyItem[];
  /** Lines before the first item that kd kept as prose. */
  intro: string[];
  chair?: { name: string; line: number };
  secretary?: { name: string; line: number };
  /** Lines taken out as page markers, running headers and signature lines. */
  noise: { line: number; text: string }[];
  /** Entries kd was unsure of: read as people, for the secretary to look at. */
  review: { line: number; text: string }[];
  notUnderstood: { line: number; text: string }[];
}

type List = 'present' | 'regrets' | 'absent' | 'remote' | 'guests' | 'substitutes' | 'invited';

interface Candidate {
  num: number;
  sub?: string;
  title: string;
  /** Written with § or a word (Punkt, Ärende, Sak): may start anywhere. */
  strong: boolean;
  label: string;
}

const KIND_TITLE =
  /^(?:(?:sammanträdes|möte?s|styrelse)?protokoll|minnesanteckningar|anteckningar|mötesanteckningar|minnes­anteckningar|referat|mødereferat|møtereferat|protokoll fra møte|beslutsprotokoll|kallelse|dokumentation)\b/i;

/** An item heading: "1.", "1 Budget", "§ 12", "§12", "Punkt 12", "Ärende 12", "Sak 62/12", "12 a." (a sub-item). */
function itemCandidate(text: string): Candidate | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^§\s*(\d{1,4})\s*[.:)–-]?\s*(.*)$/.exec(text)))
    return { num: Number(m[1]), title: m[2]!.trim(), strong: true, label: `§ ${m[1]}` };
  if (
    (m = /^(punkt|pkt\.?|ärende|ärendenr\.?|sak(?:\s*nr\.?)?|saksnr\.?|item)\s*(\d{1,4})(\s*\/\s*\d{2,4})?\s*[.:)–-]?\s*(.*)$/i.exec(text))
  )
    return { num: Number(m[2]), title: m[4]!.trim(), strong: true, label: `${m[1]} ${m[2]}${m[3] ? m[3].replace(/\s+/g, '') : ''}` };
  if ((m = /^(\d{1,3})\s*([a-h])\s*[.)]\s+(\S.*)$/.exec(text)))
    return { num: Number(m[1]), sub: m[2]!, title: m[3]!.trim(), strong: false, label: `${m[1]} ${m[2]}` };
  if ((m = /^(\d{1,3})\s*[.)]\s*(\p{L}.*)$/u.exec(text))) return { num: Number(m[1]), title: m[2]!.trim(), strong: false, label: m[1]! };
  if ((m = /^(\d{1,3})\s+(\p{Lu}[\p{L}\s,&/-]*.*)$/u.exec(text)) && !datesIn(text).some((d) => d.index === 0))
    return { num: Number(m[1]), title: m[2]!.trim(), strong: false, label: m[1]! };
  if ((m = /^(\d{1,3})\s*[.)]?$/.exec(text))) return { num: Number(m[1]), title: '', strong: false, label: m[1]! };
  return undefined;
}

const DECISION_SENTENCE =
  /^(?:[\p{L}-]+\s+){0,3}?(?:beslutar|beslutade|beslöt|beslutas|beslutades|enas\s+om|enades\s+om|kom\s+överens\s+om|kommer\s+överens\s+om|överenskom|överenskoms|besluttede|besluttet|vedtok|vedtar|ble\s+enige\s+om|blev\s+enige\s+om)\s+(?:om\s+)?(att|at)\s+(.+)$/iu;
/** "Informationen noteras.", "Protokollet från den 15 oktober läggs till handlingarna.", "Rapporten godkänns.": a decision to note or approve. */
const NOTED =
  /^(?:\p{Lu}[\p{L}-]*(?:\s+[\p{L}\d-]+){0,7}\s+)?(?:noteras|noterades|antecknas|tas\s+emot|togs\s+emot|läggs\s+till\s+handlingarna|lades\s+till\s+handlingarna|tas\s+till\s+protokollet|togs\s+till\s+protokollet|godkänns|godkändes|fastställs|fastställdes|tas\s+til\s+efterretning|tages\s+til\s+efterretning|tas\s+til\s+orientering|blev\s+godkendt|ble\s+godkjent|godkendes|godkjennes)(?:\s+(?:med\s+tack|utan\s+ändringar|utan\s+erinran))?\.?$/iu;
const AS_PROPOSED =
  /^(?:enligt|i enlighet med|som)\s+(?:förslag(?:et)?|forslag(?:et)?|indstilling(?:en)?|innstilling(?:en)?)\.?$|^förslaget\s+(?:godkänns|antas|bifalls)\.?$/i;
const CLAUSE = /^(?:[-–•*]\s*)?(?:samt\s+|och\s+)?(?:att|at)\s+\S/i;

export function parseLegacy(input: string, k: Knowledge = knowledge(), noiseLines: ReadonlySet<number> = new Set()): LegacyProtocol {
  const { lines, noise } = prepare(input, noiseLines);
  const p: LegacyProtocol = {
    present: [],
    regrets: [],
    absent: [],
    remote: [],
    substitutes: [],
    guests: [],
    items: [],
    intro: [],
    noise,
    review: [],
    notUnderstood: [],
  };
  const invited: NamedPerson[] = [];
  const agenda: Candidate[] = [];
  let block: List | undefined;
  let awaiting: { kind: LabelKind; line: number } | undefined;
  let inAgenda = false;
  let item: LegacyItem | undefined;
  let itemSource: Candidate | undefined;
  let mode: 'decision' | 'proposal' | undefined;
  let proposal: LegacyDecision[] = [];
  let lastClause: LegacyDecision | undefined;
  /** What lastClause's text ends with: the line last added to it (testing the whole text, as it grows line by line, was quadratic). */
  let lastClauseEnd = '';
  let blankSinceClause = false;
  let signed = false;
  let dateRank = 9;
  let lastNonBlank: SourceLine | undefined;
  let officerLine: number | undefined;
  /** The last prose line that could be a signer's name, until a role line claims it. */
  let nameLine: { text: string; line: number } | undefined;

  const unknown = (l: SourceLine) => p.notUnderstood.push({ line: l.n, text: l.raw });
  const setDate = (date: string | undefined, rank: number) => {
    if (date && rank < dateRank) {
      p.date = date;
      dateRank = rank;
    }
  };

  const addEntries = (list: List, text: string, line: number) => {
    for (const e of readEntries(text, line, k)) addEntry(list, e);
  };
  const addEntry = (list: List, e: Entry) => {
    const person: NamedPerson = { ...e, ...((e.municipality ?? e.organisation) ? { place: e.municipality ?? e.organisation! } : {}) };
    if (e.review) p.review.push({ line: e.line, text: `${e.review} / ${e.name}` });
    if (e.officer === 'chair') p.chair ??= { name: e.name, line: e.line };
    if (e.officer === 'secretary') p.secretary ??= { name: e.name, line: e.line };
    if (list === 'guests') {
      p.guests.push(guestOf(e));
      return;
    }
    if (e.substituteFor) {
      p.substitutes.push({ name: e.name, for: e.substituteFor, line: e.line });
      return;
    }
    if (e.mark === 'absent') p.absent.push(person);
    else if (list === 'substitutes') p.substitutes.push({ name: e.name, for: '', line: e.line });
    else if (list === 'invited') invited.push(person);
    else if (list === 'present' && e.remote) p.remote.push(person);
    else p[list].push(person);
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const text = l.text;
    if (text === '') {
      if (mode && lastClause) blankSinceClause = true;
      continue;
    }
    const prev = lastNonBlank;
    lastNonBlank = l;
    if (l.running) {
      // A running header is the document's heading: what it says of kind and date counts.
      p.header ??= text;
      p.intro.push(l.raw);
      const word = /\b(protokoll|minnesanteckningar|anteckningar|referat)\b/i.exec(text)?.[1]?.toLowerCase();
      if (word && !item) p.kind ??= word === 'protokoll' ? 'protokoll' : 'anteckningar';
      if (!item) setDate(datesIn(text)[0]?.date, 3);
      continue;
    }
    const lm = labelAt(text);
    const cand = itemCandidate(text);
    // The signer's title under the name ("Siv Sekr" / "Förbundssekreterare").
    if (officerLine !== undefined && prev?.n === officerLine && isRole(text)) {
      officerLine = undefined;
      continue;
    }

    // A value on the line after its label ("Datum" then "14 mars 2011").
    if (awaiting && !lm && !cand) {
      const a = awaiting;
      awaiting = undefined;
      if (readHeaderValue(a.kind, text, 1)) continue;
      if ((a.kind === 'chair' || a.kind === 'secretary') && looksLikeName(firstName(text, k))) {
        p[a.kind] ??= { name: firstName(text, k), line: l.n };
        signed = signed || item !== undefined;
        officerLine = l.n;
        continue;
      }
      if (a.kind === 'adjuster' && looksLikeName(firstName(text, k))) {
        keep(l);
        // A role under the name ("ordförande") makes the adjuster the chair as well.
        nameLine = { text: firstName(text, k), line: l.n };
        continue;
      }
      if (a.kind === 'theme') {
        p.theme = text.replace(/\.$/, '');
        continue;
      }
    }

    // The agenda lists the items once more: read it, never count it twice.
    if (inAgenda) {
      if (cand && (agenda.length === 0 || cand.num !== agenda[0]!.num)) {
        agenda.push(cand);
        continue;
      }
      inAgenda = false;
    }

    // Title lines before anything else.
    if (!item && p.present.length === 0 && !lm?.marked) {
      const kindTitle = KIND_TITLE.exec(text);
      const numbered =
        /^(.*?)\b(protokoll|anteckningar|minnesanteckningar|referat)\s+(?:nr\.?\s*)?(\d{1,3})\s*(?:\/|år|:)\s*(\d{4})\b/i.exec(text);
      if (
        numbered ||
        kindTitle ||
        (!p.header && /\b(protokoll|minnesanteckningar|anteckningar|referat)\b/i.test(text) && text.length < 120)
      ) {
        p.header ??= text;
        const word = (
          numbered?.[2] ??
          kindTitle?.[0] ??
          /\b(protokoll|minnesanteckningar|anteckningar|referat)\b/i.exec(text)![0]
        ).toLowerCase();
        p.kind ??= /protokoll/.test(word) ? 'protokoll' : 'anteckningar';
        if (numbered) {
          p.number = Number(numbered[3]);
          p.year = Number(numbered[4]);
        }
        setDate(datesIn(text)[0]?.date, 2);
        const t = timeIn(text);
        if (t?.time) p.time ??= t.time;
        continue;
      }
    }

    if (lm && !(item && mode && CLAUSE.test(lm.value))) {
      if (handleLabel(lm, l, i)) continue;
    }

    if (cand && acceptItem(cand, l, i)) continue;

    // Prose about attendance ("A ersätter B", "… hade anmält förhinder") is read once, and does not end a list.
    if (proseAttendance(text, l.n)) {
      keep(l);
      continue;
    }
    // People in a block under NÄRVARANDE and the like, one or more a line.
    if (block && !mode && looksLikeEntries(text, k)) {
      addEntries(block, text, l.n);
      continue;
    }
    block = undefined;

    if (!item || signed) {
      // A place and date under the text ("Borås 2 april 2011"): the document's date, not the meeting's.
      const placeDate = /^\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?,?\s+(?:den\s+)?\d{1,2}\s+\p{L}+\s+\d{4}\.?$/u.test(text);
      if (!item && !signed) {
        const d = datesIn(text)[0]?.date;
        if (d && !placeDate) setDate(d, 4);
        else if (d) setDate(d, 6);
        const t = timeIn(text);
        if (t?.time && !p.time && !placeDate) p.time = t.time;
        if (d || t) {
          p.intro.push(l.raw);
          continue;
        }
        p.intro.push(l.raw);
      }
      if (looksLikeName(text)) nameLine = { text, line: l.n };
      unknown(l);
      continue;
    }

    if (handleDecisionLine(l)) continue;
    if (looksLikeName(text)) nameLine = { text, line: l.n };
    item.text.push(l.raw);
  }

  // "Deltagare" lists those invited: whoever is also listed as absent or with regrets was not there.
  const key = (x: { name: string }) => normaliseName(x.name);
  const away = new Set([...p.regrets, ...p.absent].map(key));
  const listed = new Map([...invited, ...p.present].map((x) => [key(x), x]));
  for (const x of [...p.regrets, ...p.absent]) {
    const there = listed.get(key(x));
    if (there && !x.municipality && !x.organisation) Object.assign(x, pick(there));
  }
  for (const person of invited) if (!away.has(key(person))) p.present.push(person);
  // Regrets say more than a dash in a table: one listed under both is a regret.
  const regrets = new Set(p.regrets.map(key));
  p.absent = p.absent.filter((x) => !regrets.has(key(x)));
  // A substitute is counted once, as a substitute.
  const substitutes = new Set(p.substitutes.map(key));
  for (const list of ['present', 'remote'] as const) p[list] = p[list].filter((x) => !away.has(key(x)) && !substitutes.has(key(x)));
  // An agenda with no items after it: the agenda is all there is.
  if (p.items.length === 0 && agenda.length > 0)
    agenda.forEach((a, idx) =>
      p.items.push({ no: idx + 1, ...(a.strong ? { source: a.label } : {}), title: a.title, line: 0, text: [], decisions: [] }),
    );
  return finish(p);

  function keep(l: SourceLine) {
    if (item && !signed) item.text.push(l.raw);
    else p.intro.push(l.raw);
  }

  /** Date, time and place values; true when something was read. */
  function readHeaderValue(kind: LabelKind, value: string, rank: number): boolean {
    if (kind === 'date' || kind === 'time' || kind === 'timeplace') {
      const d = datesIn(value)[0];
      const t = timeIn(value);
      if (d) setDate(d.date, rank);
      if (t?.time) p.time = t.time;
      else if (t?.start && !p.time) p.timeStart = t.start;
      if (kind === 'timeplace') {
        // The place is what is left once the date and the time are taken out, before or after them.
        let rest = value;
        for (const span of [t, d].filter((x): x is NonNullable<typeof x> => x !== undefined).sort((a, b) => b.index - a.index))
          rest = `${rest.slice(0, span.index)} | ${rest.slice(span.end)}`;
        const place = rest
          .replace(/\b(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|mandag|tirsdag|onsdag|torsdag|fredag)\b(?:\s+den)?/gi, '')
          .split('|')
          .map((x) =>
            x
              .replace(/^[\s,.;:–-]+|(?<![\s,.;:–-])[\s,.;:–-]+$/g, '')
              .replace(/^(?:i|på|kl\.?)\s+/i, '')
              .trim(),
          )
          .filter((x) => x !== '' && !/^(?:kl\.?|klockan|den)$/i.test(x))
          .join(', ');
        if (place) p.place = place;
      }
      return d !== undefined || t !== undefined;
    }
    if (kind === 'place') {
      const v = value.replace(/\.\s*$/, '').trim();
      if (v) p.place = v;
      return v !== '';
    }
    return false;
  }

  function handleLabel(lm: LabelMatch, l: SourceLine, at: number): boolean {
    const { kind, value, marked } = lm;
    switch (kind) {
      case 'date':
      case 'time':
      case 'place':
      case 'timeplace': {
        if (item && !signed && !marked) return false;
        if (item && kind !== 'date' && !marked) return false;
        if (value === '') {
          awaiting = { kind, line: l.n };
          return true;
        }
        const understood = readHeaderValue(kind, value, 1);
        if (!understood && !marked) return false;
        if (!item) block = undefined;
        if (item) keep(l);
        return true;
      }
      case 'present':
      case 'invited':
      case 'regrets':
      case 'absent':
      case 'remote':
      case 'guests':
      case 'substitutes':
      case 'serving': {
        if (mode) return false;
        if (!marked && !(/^\p{Lu}/u.test(value) && looksLikeEntries(value, k))) return false;
        // Alternates under "Ersättare" who stand in for no one named are there, so present; "Tjänstgörande ersättare" likewise.
        const list: List = kind === 'serving' || kind === 'substitutes' ? 'present' : kind;
        block = list;
        if (value) {
          if (list === 'guests') p.guests.push(...readGuests(value, l.n, k));
          else addEntries(list, value, l.n);
        }
        return true;
      }
      case 'chair':
      case 'secretary': {
        if (!marked && !looksLikeName(firstName(value, k))) return false;
        if (value) {
          const name = firstName(value, k);
          if (!looksLikeName(name)) return false;
          p[kind] ??= { name, line: l.n };
          if (item) signed = true;
          return true;
        }
        // A signature: the name stands above its role ("Anna Ahl" / "ordförande").
        const afterAt = nextNonBlank(at + 1);
        const after = afterAt === undefined ? undefined : lines[afterAt];
        const afterIsRole = after ? labelAt(after.text)?.kind === kind || /^(ordförande|sekreterare)$/i.test(after.text) : false;
        const nextIsName = after !== undefined && looksLikeName(after.text);
        const lineAfterNextAt = afterAt === undefined ? undefined : nextNonBlank(afterAt + 1);
        const lineAfterNext = lineAfterNextAt === undefined ? undefined : lines[lineAfterNextAt];
        const pairBelow =
          lineAfterNext !== undefined &&
          (labelAt(lineAfterNext.text)?.kind === 'chair' || labelAt(lineAfterNext.text)?.kind === 'secretary');
        if (
          nameLine &&
          nameLine.line === lastNonBlankBefore(at) &&
          (!nextIsName || pairBelow || /^\p{Ll}/u.test(lm.label) || afterIsRole)
        ) {
          p[kind] ??= { name: nameLine.text, line: nameLine.line };
          unclaim(nameLine);
          nameLine = undefined;
          signed = signed || item !== undefined;
          return true;
        }
        awaiting = { kind, line: l.n };
        if (item) signed = true;
        return true;
      }
      case 'adjuster':
        if (!marked) return false;
        keep(l);
        if (value === '') awaiting = { kind, line: l.n };
        if (item) signed = true;
        return true;
      case 'agenda':
        if (!marked || value !== '' || item) return false;
        inAgenda = true;
        return true;
      case 'theme':
        if (!marked) return false;
        if (value) p.theme = value.replace(/\.$/, '');
        else awaiting = { kind, line: l.n };
        return true;
      default:
        return false;
    }
  }

  function lastNonBlankBefore(at: number): number {
    for (let j = at - 1; j >= 0; j--) if (lines[j]!.text !== '') return lines[j]!.n;
    return 0;
  }

  /** The index of the next line with text, from `from` on. */
  function nextNonBlank(from: number): number | undefined {
    for (let j = from; j < lines.length; j++) if (lines[j]!.text !== '') return j;
    return undefined;
  }

  /** A name that was taken as prose is a signature after all. */
  function unclaim(n: { text: string; line: number }) {
    if (item && item.text.at(-1) === n.text) item.text.pop();
    const at = p.notUnderstood.findIndex((u) => u.line === n.line);
    if (at >= 0) p.notUnderstood.splice(at, 1);
    if (p.intro.at(-1) === n.text) p.intro.pop();
  }

  function acceptItem(c: Candidate, l: SourceLine, i: number): boolean {
    if (signed) return false;
    const prevNum = itemSource?.num;
    // Inside a decision's clauses only the next number starts an item: "att … 3 kommuner" does not.
    if (mode === 'decision' && lastClause && !blankSinceClause && c.num !== (prevNum ?? 0) + 1) return false;
    let title = c.title;
    // "§ 12" alone, or "1" alone: the title is on the next line.
    if (title === '') {
      const nextAt = nextNonBlank(i + 1);
      const nextLine = nextAt === undefined ? undefined : lines[nextAt];
      if (!nextLine || itemCandidate(nextLine.text) || labelAt(nextLine.text) || nextLine.text.length > 120) return false;
      title = nextLine.text;
      nextLine.text = '';
      nextLine.raw = '';
    }
    if (c.sub !== undefined) {
      if (!item || c.num !== prevNum) return false;
      item.text.push(l.raw);
      mode = undefined;
      return true;
    }
    const first = prevNum === undefined;
    const follows = prevNum !== undefined && (c.num === prevNum + 1 || (c.strong && c.num > prevNum && c.num <= prevNum + 3));
    // The same numbers again after a run with nothing between its items: that run was the agenda.
    const restart =
      !first && p.items.length > 0 && c.num === firstSource() && p.items.every((x) => x.text.length === 0 && x.decisions.length === 0);
    if (restart) {
      for (const x of p.items)
        agenda.push({
          num: Number(x.source?.replace(/\D+/g, '') || x.no),
          title: x.title,
          strong: x.source !== undefined,
          label: x.source ?? String(x.no),
        });
      p.items = [];
    } else if (!first && !follows) return false;
    if (first && !c.strong && c.num > 1 && !/^\d{1,3}\s*[.)]/.test(l.text)) return false;
    if (first && block && !c.strong && looksLikeEntries(title, k) && !/^\d{1,3}\s*[.)]/.test(l.text)) return false;
    item = {
      no: p.items.length + 1,
      ...(c.strong || (p.items.length === 0 && c.num !== 1) || (p.items.length > 0 && p.items[0]!.source !== undefined)
        ? { source: c.label }
        : {}),
      title: title.replace(/\s+/g, ' ').trim(),
      line: l.n,
      text: [],
      decisions: [],
    };
    itemSource = c;
    p.items.push(item);
    block = undefined;
    mode = undefined;
    proposal = [];
    lastClause = undefined;
    return true;
  }

  function firstSource(): number {
    const s = p.items[0]!.source;
    return s ? Number(s.replace(/\D+/g, '')) : 1;
  }

  function startClause(text: string, line: number, into: LegacyDecision[]) {
    if (lastClause) lastClause.text = lastClause.text.replace(/(?<!\s)\s+(?:samt|och)$/i, '');
    lastClause = { text: text.replace(/^[-–•*]\s*/, '').replace(/^(?:samt|och)\s+/i, ''), line };
    lastClauseEnd = lastClause.text;
    into.push(lastClause);
    blankSinceClause = false;
  }

  function handleDecisionLine(l: SourceLine): boolean {
    const text = l.text;
    const it = item!;
    const lm = labelAt(text);
    let m: RegExpExecArray | null;
    if (lm?.kind === 'decision' && (lm.marked || CLAUSE.test(lm.value))) {
      mode = 'decision';
      lastClause = undefined;
      blankSinceClause = false;
      if (lm.value && AS_PROPOSED.test(lm.value) && proposal.length > 0) {
        for (const d of proposal) it.decisions.push({ ...d });
        lastClause = undefined;
      } else if (lm.value) startClause(lm.value, l.n, it.decisions);
      return true;
    }
    if (lm?.kind === 'proposal' && lm.marked) {
      mode = 'proposal';
      proposal = [];
      lastClause = undefined;
      if (lm.value) startClause(lm.value, l.n, proposal);
      return true;
    }
    if (lm?.kind === 'owner' && lm.marked && lm.value) {
      const last = it.decisions.at(-1);
      const owner = lm.value.replace(/\.$/, '');
      if (last && last.owner === owner) return true;
      if (last && !last.owner) last.owner = owner;
      else it.decisions.push({ text: text, owner: lm.value.replace(/\.$/, ''), line: l.n });
      mode = undefined;
      return true;
    }
    if (lm?.kind === 'action' && lm.marked && lm.value) {
      const last = it.decisions.at(-1);
      const who = lm.value.replace(/\.$/, '');
      // "Åtgärd: Anna Lindqvist" under a decision names its owner; a longer value is an assignment of its own.
      if (last && !last.owner && (looksLikeName(who) || k.person(who) || /^(sekretariatet|kansliet|förbundet|ordföranden)$/i.test(who)))
        last.owner = who;
      else {
        // "Åtgärd: Maja Ek tar fram ett underlag": whoever stands before the verb owns it.
        const doer = /^(.+?)\s+(?:tar|ska|skall|får|ansvarar|återkommer|bjuder|kallar|skickar)\s/.exec(lm.value)?.[1];
        const owner = doer !== undefined ? ownerFrom(doer) : undefined;
        it.decisions.push({ text: lm.value, ...(owner ? { owner } : {}), line: l.n });
      }
      mode = undefined;
      return true;
    }
    if ((m = DECISION_SENTENCE.exec(text))) {
      mode = 'decision';
      startClause(`${m[1]!.toLowerCase()} ${m[2]!}`, l.n, it.decisions);
      return true;
    }
    if (mode) {
      const into = mode === 'decision' ? it.decisions : proposal;
      if (CLAUSE.test(text)) {
        startClause(text, l.n, into);
        return true;
      }
      // A clause goes on over several lines, until a sentence ends and a new one begins with a capital.
      if (lastClause && !blankSinceClause && !(/[.!?]$/.test(lastClauseEnd) && /^\p{Lu}/u.test(text))) {
        lastClause.text = `${lastClause.text} ${text}`;
        lastClauseEnd = text;
        return true;
      }
      // "Beslut" and then a sentence of its own: that sentence is the decision.
      if (!lastClause && mode === 'decision' && text.length < 400) {
        if (AS_PROPOSED.test(text) && proposal.length > 0) for (const d of proposal) it.decisions.push({ ...d });
        else startClause(text, l.n, into);
        return true;
      }
      mode = undefined;
    }
    if (NOTED.test(text) && text.split(/\s+/).length <= 14) {
      it.decisions.push({ text, line: l.n });
      return true;
    }
    // Assignments in prose: "X får i uppdrag att …", "Uppdras åt X att …", "X återkommer med …".
    if (
      (m = /^(.+?)\s+(?:får|fick|ges|gavs)\s+i\s+uppdrag\s+att\s/i.exec(text)) ||
      (m = /^(.+?)\s+(?:återkommer|återkom)\s+(?:med|till|i)\s/i.exec(text)) ||
      (m = /^(.+?)\s+ansvarar\s+för\s+att\s/i.exec(text))
    ) {
      const owner = ownerFrom(m[1]!);
      if (owner) {
        it.decisions.push({ text, owner, line: l.n });
        return true;
      }
    }
    if ((m = /^uppdras\s+(?:åt|till)\s+(.+?)\s+att\s/i.exec(text))) {
      it.decisions.push({ text, owner: m[1]!.trim(), line: l.n });
      return true;
    }
    return false;
  }

  /** Prose that says who attended: regrets, absence, who opened the meeting, substitutes, arrivals and departures. */
  function proseAttendance(text: string, line: number): boolean {
    let m: RegExpExecArray | null;
    const names = (s: string) => splitList(s.replace(/^(?:även|också|dessutom)\s+/i, '')).filter((x) => looksLikeName(x) || k.person(x));
    const all = (s: string) => {
      const list = splitList(s);
      return list.length > 0 && names(s).length === list.length ? list : undefined;
    };
    let who: string[] | undefined;
    if (
      (m = /^(.+?)\s+(?:hade|har|hadde)\s+(?:anmält|meldt|meldt)\s+(?:förhinder|frånvaro|forfall|afbud)\.?$/i.exec(text)) &&
      (who = all(m[1]!))
    ) {
      who.forEach((name) => addEntry('regrets', { name, line }));
      return true;
    }
    if (
      (m = /^(?:anmält förhinder|förhinder|afbud fra|forfall fra|frånvarande med anmälan)\s+(?:hade|har)?\s*(.+?)\.?$/i.exec(text)) &&
      (who = all(m[1]!))
    ) {
      who.forEach((name) => addEntry('regrets', { name, line }));
      return true;
    }
    if ((m = /^(.+?)\s+(?:närvarade|deltog|var|kunde|deltok|deltog)\s+(?:inte|ej|ikke)\b.*$/i.exec(text)) && (who = all(m[1]!))) {
      who.forEach((name) => addEntry('absent', { name, line }));
      return true;
    }
    if (
      (m =
        /^(?:mötet|sammanträdet|mødet|møtet)\s+(?:öppnades|öppnas|åbnedes|ble åpnet)\s+av\s+(?:ordförande(?:n)?\s+|formand(?:en)?\s+|leder(?:en)?\s+)?(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){1,3})/iu.exec(
          text,
        ))
    ) {
      p.chair ??= { name: m[1]!, line };
      if (!p.present.some((x) => normaliseName(x.name) === normaliseName(m![1]!))) invited.push({ name: m[1]!, line });
      return true;
    }
    if (
      (m =
        /^(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){1,3})\s+(?:ersätter|ersatte|vikarierar för|vikarierade för|deltog som ersättare för|deltar som ersättare för|erstatter|møtte for|deltog for)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){1,3})\.?$/u.exec(
          text,
        ))
    ) {
      p.substitutes.push({ name: m[1]!, for: m[2]!, line });
      return true;
    }
    if (
      (m =
        /^(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){1,3})\s+(?:lämnade|lämnar|gick från|forlod|forlot)\s+(?:mötet|sammanträdet|mødet|møtet)\s+(.+?)\.?$/u.exec(
          text,
        ))
    ) {
      const rest = m[2]!;
      const afterItem = /(?:efter|under|vid)\s+(?:punkt|p\.?|§)\s*(\d+)/i.exec(rest);
      const partial = afterItem ? readPartial(`tom p ${afterItem[1]}`) : readPartial(`till ${rest.replace(/^(?:vid\s+|efter\s+)/i, '')}`);
      markPartial(m[1]!, partial === 'remote' ? undefined : (partial ?? undefined), line);
      return true;
    }
    if (
      (m =
        /^(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){1,3})\s+(?:anländer|anlände|ansluter|anslöt|kom|ankom|ankommer|kommer)\s+(?:till mötet\s+)?(.+?)\.?$/u.exec(
          text,
        ))
    ) {
      const rest = m[2]!;
      const item = /(?:under|vid|till|från)\s+(?:punkt|p\.?|§)\s*(\d+)/i.exec(rest);
      const partial = item
        ? ({ items: [{ from: Number(item[1]) }] } as PartialNote)
        : (() => {
            const r = readPartial(rest.replace(/^kl/i, 'från kl'));
            return r === 'remote' ? undefined : r;
          })();
      if (partial) {
        markPartial(m[1]!, partial, line);
        return true;
      }
    }
    if (
      (m = /^(.+?)\s+(?:deltog|deltar|deltok)\s+(?:digitalt|på distans|via (?:teams|länk|video))\.?$/i.exec(text)) &&
      (who = all(m[1]!))
    ) {
      who.forEach((name) => addEntry('remote', { name, line }));
      return true;
    }
    return false;
  }

  function markPartial(name: string, partial: PartialNote | undefined, line: number) {
    if (!partial) return;
    const person = [...p.present, ...invited].find((x) => normaliseName(x.name) === normaliseName(name));
    if (person) person.partial = { ...person.partial, ...partial };
    else invited.push({ name, partial, line });
  }
}

function pick(x: NamedPerson): Partial<NamedPerson> {
  return {
    ...(x.municipality ? { municipality: x.municipality } : {}),
    ...(x.organisation ? { organisation: x.organisation } : {}),
    ...(x.place ? { place: x.place } : {}),
  };
}

/** The first person's name in a value such as "Maja Ek, Hylte kommun" or "Maja Ek (ref.)". */
function firstName(value: string, k: Knowledge): string {
  const entries = readEntries(value, 0, k);
  return entries[0]?.name ?? value.trim();
}

function ownerFrom(subject: string): string | undefined {
  const s = subject.trim().replace(/^(?:att|och|samt)\s+/i, '');
  const vague =
    /^(det|den|de|detta|dessa|respektive|alla|varje|samtliga|man|vi|ni|frågan|ärendet|gruppen|nätverket|mötet|deltagarna)\b/i.test(s) ||
    /\bsom\b/i.test(s);
  if (vague) return undefined;
  if (looksLikeName(s) || s.split(/\s+/).length <= 3) return s;
  return undefined;
}

const TRAILING_PARENTHESIS = /\(([^)]*)\)\s*$/y;

/**
 * /\(([^)]*)\)\s*$/.exec(text), in linear time (the pattern tried every "(" up
 * to the next ")": quadratic in a run of "("): it can only start at the first
 * "(" after the ")" before the one that ends the text.
 */
function trailingParenthesis(text: string): RegExpExecArray | null {
  const close = /\)\s*$/.exec(text);
  if (!close) return null;
  const before = close.index > 0 ? text.lastIndexOf(')', close.index - 1) : -1;
  const open = text.indexOf('(', before + 1);
  if (open === -1 || open > close.index) return null;
  TRAILING_PARENTHESIS.lastIndex = open;
  return TRAILING_PARENTHESIS.exec(text);
}

const FROM_CLAUSE = /Från\s+(.+?)\s+(?:deltar|deltog|medverkar|medverkade)\s+(.+?)(?:\.(?=\s+Från\s)|\.?\s*$)/y;

/**
 * Every "Från X deltar Y." in a text, as matchAll with FROM_CLAUSE (flag g)
 * finds them, in linear time. A match starts only at a "Från". When one
 * followed by whitespace starts none, no later "Från" before the next line
 * break starts one either (the first one's text could run on over it) — but
 * the last one before the break, if only whitespace stands between them, may
 * (its whitespace crosses the break) — so the search goes on from there
 * instead of trying each of them, every one to the end of the line.
 */
function fromClauses(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (let at = text.indexOf('Från'); at !== -1; ) {
    FROM_CLAUSE.lastIndex = at;
    const m = FROM_CLAUSE.exec(text);
    if (m) {
      found.push(m);
      at = text.indexOf('Från', FROM_CLAUSE.lastIndex);
      continue;
    }
    if (!/\s/.test(text[at + 4] ?? '')) {
      at = text.indexOf('Från', at + 1);
      continue;
    }
    const rest = text.slice(at).search(/[\n\r\u2028\u2029]/);
    if (rest === -1) break;
    const lineBreak = at + rest;
    const last = lineBreak >= 4 ? text.lastIndexOf('Från', lineBreak - 4) : -1;
    at = last > at && /^\s*$/.test(text.slice(last + 4, lineBreak)) ? last : text.indexOf('Från', lineBreak);
  }
  return found;
}

/** "Från Region Skåne deltar A (Utvecklingsdirektör) och B (Strateg)." or "A (Roll), Organisation". */
export function readGuests(text: string, line: number, k: Knowledge = knowledge()): LegacyProtocol['guests'] {
  const guests: LegacyProtocol['guests'] = [];
  const from = fromClauses(text);
  if (from.length > 0) {
    for (const m of from) {
      const organisation = m[1]!.trim();
      for (const t of splitList(m[2]!)) {
        const role = trailingParenthesis(t);
        const name = role ? t.slice(0, role.index).trim() : t;
        guests.push({ name, organisation, ...(role ? { role: role[1]!.trim() } : {}), line });
      }
    }
    return guests;
  }
  return readEntries(text, line, k).map(guestOf);
}

/** A guest from an entry: the organisation (or municipality) and role as written. */
function guestOf(e: Entry): LegacyProtocol['guests'][number] {
  const organisation = e.organisation ?? e.municipality;
  return { name: e.name, ...(organisation ? { organisation } : {}), ...(e.role ? { role: e.role } : {}), line: e.line };
}

/** Item numbers in partial notes, owners and due dates, once the items and the meeting's date are known. */
function finish(p: LegacyProtocol): LegacyProtocol {
  const meetingYear = p.date ? Number(p.date.slice(0, 4)) : p.year;
  for (const it of p.items) {
    for (const d of it.decisions) {
      d.text = d.text.replace(/\s+/g, ' ').trim();
      if (d.owner === undefined) {
        const task =
          /^(?:att|at)\s+(.+?)\s+(?:får\s+i\s+uppdrag\s+att|ges\s+i\s+uppdrag\s+att|ska|skall|ansvarar\s+för\s+att|återkommer\s+(?:med|till))\s/i.exec(
            d.text,
          ) ??
          /\buppdra(?:r|s|)\s+(?:åt|till)\s+(.+?)\s+att\s/i.exec(d.text) ??
          /\bge(?:r|)\s+(.+?)\s+i\s+uppdrag\s+att\s/i.exec(d.text);
        if (task) {
          const owner = ownerFrom(task[1]!);
          if (owner) d.owner = owner;
        }
      }
      if (d.owner !== undefined) {
        d.owner = d.owner.replace(/(?<![.,;:])[.,;:]+$/, '').trim();
        // "senast 1 februari" in a November meeting is next February.
        const due =
          datesIn(d.text, meetingYear).find((x) => p.date === undefined || x.date > p.date) ??
          (meetingYear !== undefined && p.date !== undefined
            ? datesIn(d.text, meetingYear + 1).find((x) => x.date > p.date! && x.date.slice(0, 4) === String(meetingYear + 1))
            : undefined);
        if (due) d.due = due.date;
        else if (
          /\b(?:till|inför|vid|före|senast\s+till)\s+nästa\s+(?:möte|sammanträde|träff)\b|\btil\s+næste\s+møde\b|\btil\s+neste\s+møte\b/i.test(
            d.text,
          )
        )
          d.dueNextMeeting = true;
      }
    }
  }
  return p;
}

/** A partial note's items in kd's numbering ("3,5-10"), given the items' source numbers; undefined when it covers none or all. */
export function itemsOf(note: PartialNote, items: LegacyItem[]): string | undefined {
  if (!note.items || items.length === 0) return undefined;
  const sourceNo = (it: LegacyItem) => (it.source ? Number(it.source.replace(/\D+/g, '')) : it.no);
  const inRange = (n: number) => note.items!.some((r) => n >= r.from && (r.to === undefined || n <= r.to));
  const attended = items.filter((it) => (note.except ? !inRange(sourceNo(it)) : inRange(sourceNo(it)))).map((it) => it.no);
  if (attended.length === 0 || attended.length === items.length) return undefined;
  const ranges: string[] = [];
  for (let i = 0; i < attended.length; ) {
    let j = i;
    while (j + 1 < attended.length && attended[j + 1] === attended[j]! + 1) j++;
    ranges.push(i === j ? `${attended[i]}` : `${attended[i]}-${attended[j]}`);
    i = j + 1;
  }
  return ranges.join(',');
}
