import { z } from 'zod';
import { id, text } from './common.js';

/** `kd.yml` at the archive root. */
export const configSchema = z.strictObject({
  organisation: text,
  locale: z.enum(['sv', 'en'], { error: 'expect.locale' }).default('sv'),
  municipalities: z.array(text, { error: 'expect.list' }).min(1, { error: 'expect.nonempty-list' }),
  default_network: id.optional(),
});

export type Config = z.infer<typeof configSchema>;
