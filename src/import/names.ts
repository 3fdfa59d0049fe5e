import { foldName, municipalityIndex, municipalityVariants } from '../core/names.js';
import type { People } from '../schema/index.js';

/**
 * A person's name as an old protocol is matched against people.yml: folded
 * as core/names folds every name, loosely (lower case, without diacritics,
 * hyphens as spaces, one space between words), since a protocol typed on
 * another keyboard drops accents that people.yml keeps.
 */
export function normaliseName(name: string): string {
  return foldName(name, true);
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
 * "Ängelholm") matched against the archive's list as core/names matches it,
 * or undefined when it names none or more than one.
 */
export function municipalityOf(text: string, municipalities: readonly string[]): string | undefined {
  return municipalityIndex(municipalities).find(municipalityVariants(text));
}

/** Two to five capitalised words, no digits: how a person's name looks in a protocol. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}
