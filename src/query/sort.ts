/**
 * Swedish collation for everything kd lists: Å, Ä and Ö come after Z
 * (Åstorp, Älmhult, Örkelljunga last), whatever language kd speaks, because
 * the names are Swedish.
 */
export const collator = new Intl.Collator('sv', { sensitivity: 'variant', numeric: true });

/** Swedish lists of people sort by family name, then given name. */
export function familyFirst(name: string): string {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? '';
  return `${family} ${parts.join(' ')}`;
}

export function byName<T>(key: (x: T) => string) {
  return (a: T, b: T) => collator.compare(familyFirst(key(a)), familyFirst(key(b)));
}

export function byText<T>(key: (x: T) => string) {
  return (a: T, b: T) => collator.compare(key(a), key(b));
}
