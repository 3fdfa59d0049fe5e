import * as z from 'zod';
import { expect } from '../i18n/index.js';
import { date, text, timeRange } from './common.js';

/** `networks/<id>/calendar.yml`: the planned meetings (årshjul). */
export const calendarSchema = z.strictObject({
  meetings: z.array(
    z.strictObject({
      date,
      time: timeRange.optional(),
      place: text.optional(),
      theme: text.optional(),
      agenda: z.array(text, { error: expect('list') }).optional(),
      cancelled: z.boolean({ error: expect('boolean') }).optional(),
    }),
    { error: expect('list') },
  ),
});

export type Calendar = z.infer<typeof calendarSchema>;
export type PlannedMeeting = Calendar['meetings'][number];
