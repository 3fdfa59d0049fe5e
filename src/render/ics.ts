import type { CalendarEntry } from '../query/calendar.js';
import { slug, withoutUnsafe } from '../schema/index.js';

/**
 * iCalendar (RFC 5545) for the planned meetings: stable UIDs, local times
 * in Europe/Stockholm with its VTIMEZONE, escaped text, lines folded at 75
 * octets, CRLF line ends. Deterministic: the same calendar gives the same
 * bytes, so the file can be committed and diffed.
 */
export function renderIcs(
  entries: CalendarEntry[],
  opts: {
    organisation: string;
    version: string;
    lang: string;
    words: { theme: string; agenda: string; protocol: string; inArchive: string };
  },
): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//kd//kd ${opts.version}//${opts.lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(opts.organisation)}`,
    'X-WR-TIMEZONE:Europe/Stockholm',
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Stockholm',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const domain = slug(opts.organisation) || 'kd';
  for (const e of entries) {
    const day = e.date.replace(/-/g, '');
    const description = [
      e.theme ? `${opts.words.theme}: ${e.theme}` : '',
      e.agenda?.length ? `${opts.words.agenda}:\n${e.agenda.map((a) => `- ${a}`).join('\n')}` : '',
      // Its page when the site's address is known; else only where it is in the archive, which is no link.
      e.url
        ? `${opts.words.protocol} ${e.protocolId}: ${e.url}`
        : e.protocol
          ? `${opts.words.protocol} ${e.protocolId}, ${opts.words.inArchive} ${e.protocol}`
          : '',
    ].filter(Boolean);
    lines.push('BEGIN:VEVENT', `UID:${e.network}-${day}@${domain}.kd`, `DTSTAMP:${day}T000000Z`);
    if (e.time) {
      const [from, until] = e.time.split('-') as [string, string];
      lines.push(
        `DTSTART;TZID=Europe/Stockholm:${day}T${from.replace(':', '')}00`,
        `DTEND;TZID=Europe/Stockholm:${day}T${until.replace(':', '')}00`,
      );
    } else {
      const next = new Date(`${e.date}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      lines.push(`DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`);
    }
    lines.push(`SUMMARY:${text(e.networkName)}`);
    if (e.place) lines.push(`LOCATION:${text(e.place)}`);
    if (description.length > 0) lines.push(`DESCRIPTION:${text(description.join('\n\n'))}`);
    // A URI value, not TEXT: not backslash-escaped. It was checked as an http(s) address and built by URL, so it holds no line break or control character.
    if (e.url) lines.push(`URL;VALUE=URI:${e.url}`);
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  // No control character, lone CR, noncharacter or bidirectional control in any content line, whatever its property.
  return `${lines.map((line) => fold(withoutUnsafe(line))).join('\r\n')}\r\n`;
}

/**
 * TEXT values: backslash, semicolon, comma and line breaks (CRLF, LF or a
 * lone CR) escaped, a tab as a space; other control characters are dropped
 * when the content line is written.
 */
function text(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/\t/g, ' ');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}
