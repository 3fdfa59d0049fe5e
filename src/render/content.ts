import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { MeetingContent } from '../query/report.js';
import { md } from './markdown.js';
import { isDraft, type Style, shownText } from './registers.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });

function list(items: ListItem[]): List {
  return { type: 'list', ordered: false, spread: false, children: items };
}

/**
 * What each meeting dealt with: every item with its title and what the
 * protocol says of it, and the decisions under it, marked when they are for
 * the municipalities to take home or their protocol is not approved. For
 * members (digest) a confidential item or decision shows "Sekretess: <reason>"
 * in place of its summary or text; in the internal half-year report the text
 * stays and the same line follows it, so nobody passes it on unawares.
 */
export function meetingContent(meetings: readonly MeetingContent[], s: Style, depth: 3 | 4 = 4): RootContent[] {
  const c = s.c;
  return meetings.flatMap((m): RootContent[] => [
    md.heading(
      depth,
      c.report.meetingHeading({
        id: m.id,
        date: s.date(m.date),
        ...(m.theme ? { theme: m.theme } : {}),
        ...(m.status !== 'justerat' ? { draft: c.registers.draftMark } : {}),
      }),
    ),
    list(
      m.items.map(
        (item): ListItem => ({
          type: 'listItem',
          spread: false,
          children: [
            md.paragraph(
              md.strong(`${item.no}. ${item.title}.`),
              ...(item.summary ? [text(` ${item.summary}`)] : []),
              ...(item.confidential !== undefined ? [text(` ${c.protocol.secret(item.confidential)}.`)] : []),
            ),
            ...(item.decisions.length > 0
              ? [
                  list(
                    item.decisions.map(
                      (d): ListItem => ({
                        type: 'listItem',
                        spread: false,
                        children: [
                          md.paragraph(
                            c.report.decisionLine({
                              kind: c.registers.kind[d.kind],
                              text:
                                d.withheld === undefined && d.confidential !== undefined
                                  ? `${d.text} (${c.protocol.secret(d.confidential)})`
                                  : shownText(d, s),
                              id: d.id,
                              marks: [
                                ...(d.takeHome ? [c.registers.columns.takeHome.toLocaleLowerCase(s.lang)] : []),
                                ...(isDraft(d) ? [c.registers.draftMark] : []),
                              ],
                            }),
                          ),
                        ],
                      }),
                    ),
                  ),
                ]
              : []),
          ],
        }),
      ),
    ),
  ]);
}
