import * as z from 'zod';
import { expect } from '../i18n/index.js';
import { id, text } from './common.js';

export const personSchema = z
  .strictObject({
    name: text,
    municipality: text.optional(),
    organisation: text.optional(),
    title: text.optional(),
    /** How to reach the person, shown in an introduction package (the secretariat's contact). */
    email: z.email({ error: expect('email') }).optional(),
    phone: text.optional(),
    /** Other spellings met in old protocols ("Herman Crespín" / "Herman Crespin"). */
    aliases: z.array(text, { error: expect('list') }).optional(),
  })
  .refine((p) => p.municipality !== undefined || p.organisation !== undefined, {
    error: expect('municipality-or-organisation'),
  });

/** `people.yml`: every person once, keyed by id, so a duplicate id is a duplicate YAML key. */
export const peopleSchema = z.record(id, personSchema, { error: expect('people') });

export type Person = z.infer<typeof personSchema>;
export type People = z.infer<typeof peopleSchema>;
