import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { DecisionLine, GuestLine, PersonLine, ProtocolView } from '../query/protocol.js';
import type { DocFormat } from './formats.js';
import { md, renderMarkdown } from './markdown.js';
import { longDate, type Style } from './registers.js';
import { renderHtmlDocument } from './report.js';
import type { Reporter } from './reporter.js';
import { accessibleTables } from './responsive.js';

/*
 * The protocol as one mdast tree: headings, paragraphs and lists, the same
 * kind of tree as the intro and the digest, so that Markdown and HTML (and
 * later PDF and Word) come from one structure. The view it is built from has
 * already left out what a public rendering must not show.
 */

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const lineBreak: PhrasingContent = { type: 'break' };

/** A paragraph that opens with its label in bold: "**Plats:** Stadshuset". */
function labelled(label: string, value: string): Paragraph {
  return md.paragraph(md.strong(`${label}:`), ` ${value}`);
}

/** A line a reader must not miss (draft, internal): bold, and boxed in HTML. */
function mark(value: string): Paragraph {
  return { ...md.paragraph(md.strong(value)), data: { hProperties: { className: ['mark'] } } };
}

function list(items: PhrasingContent[][], className?: string, ids?: readonly (string | undefined)[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    ...(className ? { data: { hProperties: { className: [className] } } } : {}),
    children: items.map(
      (children, i): ListItem => ({
        type: 'listItem',
        spread: false,
        ...(ids?.[i] !== undefined ? { data: { hProperties: { id: ids[i] } } } : {}),
        children: [md.paragraph(...children)],
      }),
    ),
  };
}

/** "§3" for item 3, "§3:1" for its first decision: the anchors a link to an item or a decision ends in (`…2019-04-05-2.html#§3:1`). */
export function anchorOf(decisionId: string): string {
  return decisionId.slice(decisionId.lastIndexOf(' ') + 1);
}

/** "punkterna 1–4", "punkt 3": an item range as the front matter writes it ("1-4", "1-2, 5"), in words. */
function itemsInWords(s: Style, range: string): string {
  const words = range.replace(/\s*-\s*/g, '–').replace(/\s*,\s*/g, ', ');
  return s.c.protocol.items({ list: words, many: /[–,]/.test(words) });
}

function personLine(s: Style, p: PersonLine): string {
  const c = s.c.protocol;
  const parts = [p.name, ...(p.where !== undefined ? [p.where] : []), ...(p.role ? [c.roles[p.role]] : [])];
  const notes: string[] = [];
  const n = p.note;
  if (n?.kind === 'partial') {
    if (n.from !== undefined) notes.push(c.from(c.clock(n.from)));
    if (n.until !== undefined) notes.push(c.until(c.clock(n.until)));
    if (n.items !== undefined) notes.push(itemsInWords(s, n.items));
  } else if (n?.kind === 'remote') notes.push(c.remote);
  else if (n?.kind === 'substitute') notes.push(c.substituteFor(n.for));
  return `${parts.join(', ')}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

function guestLine(s: Style, g: GuestLine, internal: boolean): string {
  const c = s.c.protocol;
  const parts = [...(g.name !== undefined ? [g.name] : []), g.organisation, ...(g.role !== undefined ? [g.role] : [])];
  const notes = [
    ...(g.items !== undefined && g.items.length > 0 ? [c.items({ list: c.list(g.items.map(String)), many: g.items.length > 1 })] : []),
    ...(g.unnamed && internal ? [c.unnamed] : []),
  ];
  return `${parts.join(', ')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function decisionLine(s: Style, d: DecisionLine): PhrasingContent[] {
  const c = s.c.protocol;
  if (d.text === undefined) return [text(c.secret(d.confidential ?? ''))];
  const out: PhrasingContent[] = [text(d.text)];
  if (d.owner !== undefined)
    out.push(lineBreak, text(c.assignment({ id: d.id, owner: d.owner, ...(d.due !== undefined ? { due: longDate(s, d.due) } : {}) })));
  if (d.confidential !== undefined) out.push(lineBreak, text(c.secret(d.confidential)));
  return out;
}

export function protocolTree(v: ProtocolView, s: Style): Root {
  const c = s.c.protocol;
  const children: RootContent[] = [md.heading(1, protocolTitle(v, s))];
  const [start, end] = v.time.split('-') as [string, string];
  children.push(
    labelled(c.date, longDate(s, v.date)),
    labelled(c.time, c.span({ from: c.clock(start), to: c.clock(end) })),
    labelled(c.place, v.place),
  );
  if (v.theme !== undefined) children.push(labelled(c.theme, v.theme));
  if (v.status !== 'justerat') children.push(mark(c.draft));
  if (v.withheld) children.push(v.public ? md.paragraph(c.publicVersion) : mark(c.internal));

  children.push(md.heading(2, c.participants), md.heading(3, c.present));
  children.push(v.present.length > 0 ? list(v.present.map((p) => [text(personLine(s, p))])) : md.paragraph(c.nobody));
  if (v.regrets.length > 0) children.push(md.heading(3, c.regrets), list(v.regrets.map((p) => [text(personLine(s, p))])));
  if (v.absent.length > 0) children.push(md.heading(3, c.absent), list(v.absent.map((p) => [text(personLine(s, p))])));
  if (v.guests.length > 0) children.push(md.heading(3, c.guests), list(v.guests.map((g) => [text(guestLine(s, g, !v.public))])));

  const anchors = new Set<string>();
  const claim = (anchor: string): string | undefined => {
    if (anchors.has(anchor)) return undefined;
    anchors.add(anchor);
    return anchor;
  };
  for (const item of v.items) {
    children.push({ ...md.heading(2, `${item.no}. ${item.title}`), data: { hProperties: { id: `§${item.no}` } } });
    if (item.confidential !== undefined) children.push({ ...md.paragraph(md.strong(c.secret(item.confidential))) });
    children.push(...item.content);
    if (item.followsUp.length > 0) children.push(md.paragraph(c.followsUp(c.list(item.followsUp))));
    for (const [title, lines] of [
      [c.decisions, item.decisions],
      [c.agreements, item.agreements],
    ] as const) {
      if (lines.length === 0) continue;
      children.push(
        md.heading(3, title),
        list(
          lines.map((d) => decisionLine(s, d)),
          'att',
          // A decision and an agreement under one item share a number; the first keeps the anchor, ids stay unique.
          lines.map((d) => claim(anchorOf(d.id))),
        ),
      );
    }
  }

  if (v.corrections.length > 0)
    children.push(
      md.heading(2, c.corrections),
      list(
        v.corrections.map((x) => {
          const line = (what: string) => text(c.correction({ date: longDate(s, x.date), by: x.by, what }));
          if (x.what === undefined) return [line(c.secret(x.confidential ?? ''))];
          return x.confidential !== undefined ? [line(x.what), lineBreak, text(c.secret(x.confidential))] : [line(x.what)];
        }),
      ),
    );

  children.push(md.heading(2, c.approval), labelled(c.keeper, v.secretary));
  if (v.approvers.length > 0) children.push(labelled(c.approvers, c.list(v.approvers)));
  if (v.approval) {
    const a = v.approval;
    children.push(md.paragraph(c.approved({ date: longDate(s, a.date), by: c.list(a.by), method: c.methods[a.method] })));
    if (a.ref !== undefined) children.push(md.paragraph(c.ref(a.ref)));
  } else children.push(v.status === 'justerat' ? md.paragraph(c.approvedNoRecord) : mark(c.draft));
  return { type: 'root', children };
}

export function protocolTitle(v: ProtocolView, s: Style): string {
  return s.c.protocol.title({ network: v.networkName, kind: v.kind, id: v.id });
}

/** What a protocol's page adds to the report's style: the attendance lists, the marks, the captions. */
export const PROTOCOL_CSS = `
ul.att { list-style: none; padding-left: 0; }
ul.att li { margin: .35rem 0; }
p.mark { display: inline-block; border: 2px solid var(--accent); border-radius: 4px; padding: .3rem .7rem; margin: .8rem 0; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
@media print {
  p.mark { border-color: #000; }
  h2 { border-bottom-color: #000; }
}
`;

/** A protocol with what it is written in and by which kd. */
export interface ProtocolResult {
  view: ProtocolView;
  style: Style;
  version: string;
}

export const protocolReporters: Record<DocFormat, Reporter<ProtocolResult>> = {
  md: (r) => renderMarkdown(protocolTree(r.view, r.style).children),
  html: (r) =>
    renderHtmlDocument(protocolTree(r.view, r.style), protocolTitle(r.view, r.style), r.style.lang, r.version, {
      css: PROTOCOL_CSS,
      prepare: accessibleTables,
    }),
};
