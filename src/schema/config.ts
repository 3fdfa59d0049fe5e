import * as z from 'zod';
import { expect, LANGS } from '../i18n/index.js';
import { id, siteUrl, text } from './common.js';

/** `kd.yml` at the archive root. */
export const configSchema = z.strictObject({
  organisation: text,
  locale: z.enum(LANGS, { error: expect('locale') }).default('sv'),
  /** May be empty in a new archive (kd init) until the first members are added. */
  municipalities: z.array(text, { error: expect('list') }),
  default_network: id.optional(),
  /**
   * Who besides a person can own an assignment: labels such as
   * `sekretariatet` or `styrgruppen`. An owner that is neither a person nor
   * one of these is a finding, so a misspelt id cannot leave an assignment
   * with nobody.
   */
  owners: z.array(id, { error: expect('list') }).optional(),
  /**
   * Where the archive's pages are published (https://…): the calendar links
   * each held meeting to its protocol's page there (README, Sidornas adresser).
   */
  site_url: siteUrl.optional(),
});

export type Config = z.infer<typeof configSchema>;
