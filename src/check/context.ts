import type { PlaceTable } from '../archive/yaml.js';
import { type Finding, type Message, message, type Severity } from '../core/finding.js';
import type { MessageData, MessageKey } from '../i18n/index.js';
import type { Archive } from '../model/index.js';

/** A rule reads the loaded archive and returns findings; it never throws for bad content. */
export type Rule = (archive: Archive) => Finding[];

/**
 * A finding at a key path of a file. `on: 'key'` points at the key
 * (`chair:`) rather than its value, for findings about the key as a whole.
 */
export function findingAt<K extends MessageKey>(
  rule: string,
  file: string,
  positions: PlaceTable,
  path: string,
  key: K,
  data: MessageData<K>,
  opts: { severity?: Severity; on?: 'key' | 'value' } = {},
): Finding {
  const pos = positions[path] ?? positions[''];
  const onKey = opts.on === 'key' && pos !== undefined && pos.length === 4;
  return {
    rule,
    severity: opts.severity ?? 'error',
    file,
    line: onKey ? pos[2]! : (pos?.[0] ?? 1),
    column: onKey ? pos[3]! : (pos?.[1] ?? 1),
    ...(path !== '' ? { path } : {}),
    message: message(key, data) as Message,
  };
}
