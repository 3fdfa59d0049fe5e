import * as z from 'zod';
import { expect } from '../i18n/index.js';
import { date, decisionRef, id, itemRange, positiveInt, text, time, timeRange } from './common.js';

/** A protocol is a draft (utkast) until it is approved (justerat). */
export const PROTOCOL_STATUSES = ['utkast', 'justerat'] as const;
export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number];

/** A record of a decision-making meeting (protokoll) or of one that only makes agreements (anteckningar). */
export const PROTOCOL_KINDS = ['protokoll', 'anteckningar'] as const;
export type ProtocolKind = (typeof PROTOCOL_KINDS)[number];

/**
 * What must not be published, and why (for instance a reference to the
 * Public Access and Secrecy Act): an item or a decision marked so is shown
 * in public outputs by its number and title with the reason, never its text.
 */
export const confidentialSchema = z.strictObject({ reason: text });

/** How the approved protocol was signed. */
export const APPROVAL_METHODS = ['paper', 'e-signature'] as const;
export type ApprovalMethod = (typeof APPROVAL_METHODS)[number];

const sha256 = z.string({ error: expect('sha256') }).regex(/^[0-9a-f]{64}$/, { error: expect('sha256') });

/**
 * The approval (justering) as a record: when, by whom, how, the registry's
 * reference, and the SHA-256 of the rendered document that was signed, so a
 * signed copy can later be verified against the archive.
 */
export const approvalSchema = z.strictObject({
  date,
  by: z.array(id, { error: expect('id-list') }).min(1, { error: expect('nonempty-list') }),
  method: z.enum(APPROVAL_METHODS, { error: expect('approval-method') }),
  ref: text.optional(),
  sha256: sha256.optional(),
});

/** A decision is a sentence, or a sentence with an owner (then it is an assignment) and a due date. */
export const decisionSchema = z.union(
  [
    text,
    z.strictObject({
      text,
      /** A person id, or a free label such as "sekretariatet". */
      owner: text.optional(),
      due: date.optional(),
      /** The municipalities are to take it home and act on it (true), or not (false), whatever its wording. */
      act: z.boolean({ error: expect('boolean') }).optional(),
      confidential: confidentialSchema.optional(),
    }),
  ],
  { error: expect('decision') },
);

export const itemSchema = z.strictObject({
  no: positiveInt,
  title: text,
  /** What the reports say of the item, when the first paragraph of its section does not say it well. */
  summary: text.optional(),
  decisions: z.array(decisionSchema, { error: expect('list') }).optional(),
  agreements: z.array(decisionSchema, { error: expect('list') }).optional(),
  /** Stable ids of assignments this item follows up (and so closes). */
  follows_up: z.array(decisionRef, { error: expect('list') }).optional(),
  confidential: confidentialSchema.optional(),
});

export const partialSchema = z
  .strictObject({
    person: id,
    from: time.optional(),
    until: time.optional(),
    items: itemRange.optional(),
  })
  .refine((p) => p.from !== undefined || p.until !== undefined || p.items !== undefined, {
    error: expect('partial'),
  });

const ids = z.array(id, { error: expect('id-list') }).default([]);

export const attendanceSchema = z.strictObject({
  present: ids,
  partial: z.array(partialSchema, { error: expect('list') }).default([]),
  /** Took part remotely (deltog digitalt). */
  remote: ids,
  substitutes: z.array(z.strictObject({ for: id, person: id }), { error: expect('list') }).default([]),
  /** Sent regrets (anmält förhinder). */
  regrets: ids,
  /** Absent without notice (ej närvarande). */
  absent: ids,
});

export const guestSchema = z.strictObject({
  name: text,
  organisation: text,
  role: text.optional(),
  items: z.array(positiveInt, { error: expect('list') }).optional(),
  /** false: the guest is not named in what is published (the organisation and role are). */
  public: z.boolean({ error: expect('boolean') }).optional(),
});

export const correctionSchema = z.strictObject({
  date,
  by: id,
  what: text,
  /** A correction of something secret is itself secret: published with its date, who made it and the reason only. */
  confidential: confidentialSchema.optional(),
});

/** Where an imported draft came from: the file's name and its SHA-256, so a second import of it is recognised. */
export const sourceSchema = z.strictObject({
  file: text,
  sha256,
});

/** The front matter of a protocol: the structured truth of a meeting. */
export const protocolSchema = z.strictObject({
  network: id,
  number: positiveInt,
  date,
  time: timeRange,
  place: text,
  kind: z.enum(PROTOCOL_KINDS, { error: expect('kind') }),
  status: z.enum(PROTOCOL_STATUSES, { error: expect('status') }),
  chair: id.optional(),
  secretary: id,
  /** Who is to approve the protocol (justerare), besides the chair where the network's rules say so. */
  approvers: z.array(id, { error: expect('id-list') }).optional(),
  /** Set when the protocol is approved (status justerat), by kd approve. */
  approval: approvalSchema.optional(),
  attendance: attendanceSchema,
  guests: z.array(guestSchema, { error: expect('list') }).default([]),
  items: z.array(itemSchema, { error: expect('list') }).min(1, { error: expect('nonempty-list') }),
  theme: text.optional(),
  /** Set by kd import. */
  source: sourceSchema.optional(),
  corrections: z.array(correctionSchema, { error: expect('list') }).optional(),
});

export type Approval = z.infer<typeof approvalSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Attendance = z.infer<typeof attendanceSchema>;
export type PartialAttendance = z.infer<typeof partialSchema>;
export type Guest = z.infer<typeof guestSchema>;
export type ProtocolData = z.infer<typeof protocolSchema>;
