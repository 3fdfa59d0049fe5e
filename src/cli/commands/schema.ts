import { KdError } from '../../core/errors.js';
import { json } from '../../render/reporter.js';
import { FILE_KINDS, type FileKind, jsonSchema } from '../../schema/index.js';
import { argument, defineCommand } from '../command.js';

/** The JSON Schema of one kind of file, or of all kinds keyed by kind. */
export function schema(kind?: string): unknown {
  if (kind === undefined) return Object.fromEntries(FILE_KINDS.map((k) => [k, jsonSchema(k)]));
  if (!(FILE_KINDS as readonly string[]).includes(kind))
    throw new KdError('invalid-choice', { option: 'kind', found: kind, allowed: FILE_KINDS.join(', ') });
  return jsonSchema(kind as FileKind);
}

export const schemaCommand = defineCommand('schema', 'schema', {
  arguments: [argument('[kind]', 'commands.schemaKind')],
  async run({ kind }, io) {
    io.stdout.write(json(schema(kind)));
    return 0;
  },
});
