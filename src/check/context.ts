import type { PlaceTable } from '../archive/yaml.js';
import { defineRule, type Rule, type RuleDefinition, type Where } from '../core/rule.js';
import type { MessageKey } from '../i18n/index.js';
import type { Archive } from '../model/index.js';

/**
 * Where a key path of a file is, from the file's place table. `on: 'key'`
 * points at the key (`chair:`) rather than its value, for findings about the
 * key as a whole; a path the table does not have points at the file's start.
 */
export function at(file: string, positions: PlaceTable, path: string, on: 'key' | 'value' = 'value'): Where {
  const pos = positions[path] ?? positions[''];
  const onKey = on === 'key' && pos !== undefined && pos.length === 4;
  return {
    file,
    line: onKey ? pos[2]! : (pos?.[0] ?? 1),
    column: onKey ? pos[3]! : (pos?.[1] ?? 1),
    path,
  };
}

/** A rule over the loaded archive; its message keys are taken from `messages`. */
export function archiveRule<K extends MessageKey>(definition: RuleDefinition<K, Archive>): Rule<K, Archive> {
  return defineRule(definition);
}

/**
 * A value several rules derive from the same archive (each protocol with its
 * roster, each network's years of protocols), computed once per archive.
 */
export function perArchive<T>(compute: (archive: Archive) => T): (archive: Archive) => T {
  const cache = new WeakMap<Archive, T>();
  return (archive) => {
    if (!cache.has(archive)) cache.set(archive, compute(archive));
    return cache.get(archive)!;
  };
}
