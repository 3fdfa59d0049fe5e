import { z } from 'zod';
import { expect, LANGS } from '../i18n/index.js';
import { id, text } from './common.js';

/** `kd.yml` at the archive root. */
export const configSchema = z.strictObject({
  organisation: text,
  locale: z.enum(LANGS, { error: expect('locale') }).default('sv'),
  /** May be empty in a new archive (kd init) until the first members are added. */
  municipalities: z.array(text, { error: expect('list') }),
  default_network: id.optional(),
});

export type Config = z.infer<typeof configSchema>;
