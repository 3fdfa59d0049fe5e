import * as z from 'zod';
import { expect } from '../i18n/index.js';

/** A term's id, such as 2019-2022. */
export const TERM_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

import { date, id, positiveInt, text } from './common.js';

export const ROLES = ['chair', 'vice-chair', 'secretary', 'member'] as const;
export type Role = (typeof ROLES)[number];
/** Who may come in a member's place: nobody, the member's personal substitute, or anyone the municipality sends. */
export const SUBSTITUTE_RULES = ['none', 'personal', 'any'] as const;
export type SubstituteRule = (typeof SUBSTITUTE_RULES)[number];

/** One term of one person on a network's roster. A roster is history: terms end, seats rotate. */
export const membershipSchema = z.strictObject({
  person: id,
  from: date,
  to: date.optional(),
  role: z.enum(ROLES, { error: expect('role') }).default('member'),
  /** Acting ("tf", tillförordnad) director: counts as a member. */
  acting: z.boolean({ error: expect('boolean') }).optional(),
  /** Personal substitute (personlig ersättare), for networks with `substitutes: personal`. */
  substitute: id.optional(),
});

/** A term of office (mandatperiod): its own id, dates, and how many meetings it plans. */
export const termSchema = z.strictObject({
  id: z.string({ error: expect('text') }).regex(TERM_ID_RE, { error: expect('term-id') }),
  from: date,
  to: date,
  meetings: positiveInt.optional(),
});

/** A turn order (turordning): who represents the group in which year, counted from `from`. */
export const rotationSchema = z.strictObject({
  from: z
    .int({ error: expect('year') })
    .min(1900, { error: expect('year') })
    .max(2999, { error: expect('year') }),
  order: z.array(text, { error: expect('list') }).min(2, { error: expect('nonempty-list') }),
});

/** `networks/<id>/network.yml`. */
export const networkSchema = z.strictObject({
  name: text,
  short: text.optional(),
  mission: text,
  rules: text.optional(),
  /** true: items carry decisions; false: the network only makes agreements (överenskommelser). */
  decides: z.boolean({ error: expect('boolean') }),
  substitutes: z.enum(SUBSTITUTE_RULES, { error: expect('substitutes') }),
  meetings_per_term: positiveInt.optional(),
  roster: z.array(membershipSchema, { error: expect('list') }).min(1, { error: expect('nonempty-list') }),
  terms: z.array(termSchema, { error: expect('list') }).optional(),
  /** Municipalities (or person ids) eligible for a seat when seats rotate. */
  candidates: z.array(text, { error: expect('list') }).optional(),
  rotation: rotationSchema.optional(),
});

export type Term = z.infer<typeof termSchema>;

export type Membership = z.infer<typeof membershipSchema>;
export type NetworkConfig = z.infer<typeof networkSchema>;
