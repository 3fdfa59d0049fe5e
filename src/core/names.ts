import { closest } from './closest.js';

/*
 * One definition of "the same name", wherever kd compares a name someone
 * typed or wrote with one it knows: a municipality on the command line or in
 * an old protocol, a person, a network, the owner of an assignment. Pure, and
 * imports nothing but closest(), so every layer can use it.
 *
 * A name is folded two ways, and the loose way is only a fallback:
 *
 * - strictly: Unicode NFC, Swedish lower case, and spaces, hyphens, dashes and
 *   underscores ignored ("Upplands-Väsby" is "Upplands Väsby" and
 *   "upplandsväsby"). Å, ä and ö are letters of their own in Swedish, not
 *   accented a and o: Habo and Håbo are two municipalities, and so are many
 *   a pair of surnames.
 * - loosely: as strictly, with diacritics removed too (and ø, æ written out),
 *   so that "almhult" still finds Älmhult, and "Herman Crespin" finds
 *   "Herman Crespín", when nothing matches strictly. Two names that then fold
 *   alike are ambiguous, never a silent choice.
 */

const SEPARATORS = /[\s\-‐‑‒–—_]+/gu;

/** A name folded for comparison, its words kept one space apart: "Upplands-Väsby" → "upplands väsby"; loose: "upplands vasby". */
export function foldName(text: string, loose = false): string {
  let t = text.normalize('NFC');
  // Plain ASCII has no diacritics to take off.
  if (loose && !/^[\x00-\x7f]*$/.test(t))
    t = t.normalize('NFD').replace(/\p{M}/gu, '').replace(/[øØ]/g, 'o').replace(/[æÆ]/g, 'ae').normalize('NFC');
  // Swedish lower case is Unicode's (only Turkish, Azeri and Lithuanian differ), and toLowerCase is ten times faster.
  return t.toLowerCase().replace(SEPARATORS, ' ').trim();
}

/** A name as compared: folded, the spaces between its words dropped too ("Upplands Väsby" = "Upplands-Väsby" = "UpplandsVäsby"). */
export function nameKey(text: string, loose = false): string {
  return foldName(text, loose).replaceAll(' ', '');
}

/** Something a name can refer to. */
export interface Candidate<T> {
  value: T;
  /** Identifiers, matched exactly (in any case) before any name: a person's or a network's id, an owner label. */
  ids?: readonly string[];
  /** Names, matched folded. */
  names: readonly string[];
  /** The names' words may come in any order: "Göran Åkerlund", "Åkerlund Göran", "Åkerlund, Göran". */
  anyOrder?: boolean;
}

/**
 * What a name refers to: one thing, several (only the user can choose), or
 * nothing, with the nearest known spellings (ids or names, at most three, the
 * nearest first, one per thing).
 */
export type Match<T> = { value: T } | { ambiguous: T[] } | { near: string[] };

/** Every order of a name's words that keeps them in a ring: "Anna Karin Berg" → also "Karin Berg Anna", "Berg Anna Karin". */
function rotations(name: string): string[] {
  const words = foldName(name).split(' ');
  return words.map((_, i) => [...words.slice(i), ...words.slice(0, i)].join(' '));
}

/** Candidates indexed by id and by their names' strict and loose keys, to be asked many times. */
export class NameIndex<T> {
  private readonly ids = new Map<string, T>();
  private readonly strict = new Map<string, T[]>();
  private readonly loose = new Map<string, T[]>();
  /** Every id and name as written, with what it names, for suggestions. */
  private readonly spellings = new Map<string, T>();

  constructor(candidates: Iterable<Candidate<T>>) {
    const add = (map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (!list) map.set(key, [value]);
      else if (!list.includes(value)) list.push(value);
    };
    for (const c of candidates) {
      for (const id of c.ids ?? []) {
        if (!this.ids.has(id.toLowerCase())) this.ids.set(id.toLowerCase(), c.value);
        if (!this.spellings.has(id)) this.spellings.set(id, c.value);
      }
      for (const name of c.names) {
        if (!this.spellings.has(name)) this.spellings.set(name, c.value);
        for (const form of c.anyOrder ? rotations(name) : [name]) {
          if (nameKey(form) === '') continue;
          add(this.strict, nameKey(form), c.value);
          add(this.loose, nameKey(form, true), c.value);
        }
      }
    }
  }

  /**
   * What the first of `variants` that matches anything refers to: an exact
   * id first, then each variant strictly, then each loosely. Variants are
   * the ways of reading the text, surest first (see municipalityVariants).
   */
  match(variants: readonly string[]): Match<T> {
    return this.lookup(variants) ?? { near: this.near(variants) };
  }

  /** The value `variants` name unambiguously, or undefined; no suggestions are looked for, since the importer asks line by line. */
  find(variants: readonly string[]): T | undefined {
    const m = this.lookup(variants);
    return m && 'value' in m ? m.value : undefined;
  }

  private lookup(variants: readonly string[]): { value: T } | { ambiguous: T[] } | undefined {
    if (this.ids.size > 0)
      for (const v of variants) {
        const id = this.ids.get(v.trim().toLowerCase());
        if (id !== undefined) return { value: id };
      }
    for (const loose of [false, true]) {
      const map = loose ? this.loose : this.strict;
      if (map.size === 0) continue;
      for (const v of variants) {
        const found = map.get(nameKey(v, loose));
        if (found?.length === 1) return { value: found[0]! };
        if (found) return { ambiguous: [...found] };
      }
    }
    return undefined;
  }

  /** The known spellings nearest to any variant, one per thing named, nearest first. */
  private near(variants: readonly string[], count = 3): string[] {
    const known = [...this.spellings.keys()];
    const out: string[] = [];
    const named = new Set<T>();
    for (const v of variants) {
      for (const spelling of closest(v.trim(), known, known.length)) {
        const value = this.spellings.get(spelling)!;
        if (named.has(value)) continue;
        named.add(value);
        out.push(spelling);
      }
    }
    return out.slice(0, count);
  }
}

/*
 * Municipalities. A municipality is written as its name ("Nyköping"), with
 * "kommun" or "stad" after it, in the genitive ("Nyköpings kommun",
 * "Stockholms stad", "Nyköpings kommuns"), and in the genitive alone
 * ("Nyköpings"). The name as written is always tried before an "s" is
 * dropped, so Borås, Hällefors, Bollnäs and Vännäs stay themselves.
 *
 * A leading "Region" is not dropped: Region Stockholm and Region Uppsala are
 * regions, not the municipalities Stockholm and Uppsala. The one
 * municipality that calls itself a region, Gotland, has "Region Gotland" as
 * another name, below.
 */

/** "kommun", "stad" or their genitive after a municipality's name: group 1 is the name. */
export const MUNICIPALITY_SUFFIX = /^(.*\S)\s+(?:kommuns?|stads?)$/iu;

/**
 * The ways of reading a text as a municipality, surest first: as written,
 * without "kommun"/"stad", and without a genitive "s" (after "kommun" or
 * "stad" always; on the bare name only when `bareGenitive`).
 */
export function municipalityVariants(text: string, bareGenitive = true): string[] {
  const t = text.trim();
  const suffixed = MUNICIPALITY_SUFFIX.exec(t);
  const base = suffixed ? suffixed[1]! : t;
  const out = suffixed ? [t, base] : [t];
  if ((suffixed || bareGenitive) && /\p{L}s$/iu.test(base)) out.push(base.slice(0, -1));
  return out;
}

/** Municipalities known by more than one name: the one they call themselves, a former one. */
const OTHER_NAMES: readonly (readonly string[])[] = [
  ['Gotland', 'Region Gotland'], // Gotlands kommun calls itself Region Gotland since 2011
  ['Malung-Sälen', 'Malung'], // renamed in 2007
];

/** A municipality's name with the other names it goes by. */
function withOtherNames(name: string): string[] {
  const group = OTHER_NAMES.find((g) => g.some((n) => nameKey(n) === nameKey(name)));
  return [name, ...(group ?? []).filter((n) => nameKey(n) !== nameKey(name))];
}

/** An index of municipalities, each matched by its name and the other names it goes by. */
export function municipalityIndex(municipalities: readonly string[]): NameIndex<string> {
  return new NameIndex(municipalities.map((m) => ({ value: m, names: withOtherNames(m) })));
}

/** "Nyköpings kommun", "stockholms stad", "ALMHULT" → the municipality of the list as spelt there. */
export function matchMunicipality(text: string, municipalities: readonly string[]): Match<string> {
  return municipalityIndex(municipalities).match(municipalityVariants(text));
}

/*
 * People, networks and owners, by id or by name.
 */

interface PersonLike {
  name: string;
  aliases?: readonly string[] | undefined;
}

function personCandidates(people: Readonly<Record<string, PersonLike>>): Candidate<string>[] {
  return Object.entries(people).map(([id, p]) => ({ value: id, ids: [id], names: [p.name, ...(p.aliases ?? [])], anyOrder: true }));
}

/** "Åkerlund, Göran" is "Åkerlund Göran": the comma only marks the family name first. */
const personVariants = (text: string) => [text.replace(/,/g, ' ')];

/** A person of people.yml by id, or by name or alias in either order: "Göran Åkerlund", "Åkerlund, Göran", "goran-akerlund". */
export function matchPerson(text: string, people: Readonly<Record<string, PersonLike>>): Match<string> {
  return new NameIndex(personCandidates(people)).match(personVariants(text));
}

interface NetworkLike {
  id: string;
  name?: string | undefined;
  short?: string | undefined;
}

/** A network by id, or by its name or short name in network.yml: "Kommundirektörsgruppen", "kd-gruppen". */
export function matchNetwork(text: string, networks: Iterable<NetworkLike>): Match<string> {
  const candidates = [...networks].map((n) => ({
    value: n.id,
    ids: [n.id],
    names: [n.name, n.short].filter((x): x is string => x !== undefined),
  }));
  return new NameIndex(candidates).match([text]);
}

/** The owner of an assignment: a person as matchPerson finds one, or one of the labels (kd.yml's `owners`, as written). */
export function matchOwner(text: string, people: Readonly<Record<string, PersonLike>>, labels: readonly string[]): Match<string> {
  const candidates = [...labels.map((l) => ({ value: l, ids: [l], names: [l] })), ...personCandidates(people)];
  return new NameIndex(candidates).match(personVariants(text));
}
