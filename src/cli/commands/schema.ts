import { KdError } from '../../core/errors.js';
import { FILE_KINDS, type FileKind, jsonSchema } from '../../schema/index.js';
import type { Io } from '../io.js';

/** The JSON Schema of one kind of file, or of all kinds keyed by kind. */
export function schema(kind?: string): unknown {
  if (kind === undefined) return Object.fromEntries(FILE_KINDS.map((k) => [k, jsonSchema(k)]));
  if (!(FILE_KINDS as readonly string[]).includes(kind))
    throw new KdError('invalid-choice', { option: 'kind', found: kind, allowed: FILE_KINDS.join(', ') });
  return jsonSchema(kind as FileKind);
}

export async function schemaCommand(kind: string | undefined, io: Io): Promise<number> {
  io.stdout.write(`${JSON.stringify(schema(kind), null, 2)}\n`);
  return 0;
}
