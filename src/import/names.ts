import type { People } from '../schema/index.js';

/** A name as compared: lower case, without diacritics, hyphens as spaces, one space between words. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Finds people by name or alias, ignoring case and diacritics ("Herman Crespín" is "Herman Crespin"). */
export class PeopleIndex {
  private readonly byName = new Map<string, string>();

  constructor(people: People | undefined) {
    for (const [id, p] of Object.entries(people ?? {})) this.add(id, p.name, p.aliases ?? []);
  }

  add(id: string, name: string, aliases: string[] = []): void {
    for (const n of [name, ...aliases]) if (!this.byName.has(normaliseName(n))) this.byName.set(normaliseName(n), id);
  }

  find(name: string): string | undefined {
    return this.byName.get(normaliseName(name));
  }
}

/**
 * A municipality as written ("Danderyds kommun", "Stockholms stad",
 * "Ängelholm") matched against the archive's list, or undefined.
 */
export function matchMunicipality(text: string, municipalities: readonly string[]): string | undefined {
  const bare = text.replace(/(?<!\s)\s+(kommun|stad|kommuner)$/i, '').trim();
  const known = new Map(municipalities.map((m) => [normaliseName(m), m]));
  return known.get(normaliseName(bare)) ?? (bare.endsWith('s') ? known.get(normaliseName(bare.slice(0, -1))) : undefined);
}

/** Two to five capitalised words, no digits: how a person's name looks in a protocol. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}
