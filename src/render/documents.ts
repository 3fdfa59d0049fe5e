import type { Root, RootContent } from 'mdast';
import type { Lang } from '../i18n/index.js';
import type { CalendarEntry } from '../query/calendar.js';
import type { Digest } from '../query/digest.js';
import type { IntroPackage } from '../query/intro.js';
import type { NetworkConfig } from '../schema/index.js';
import { meetingContent } from './content.js';
import type { CalendarFormat, DocFormat } from './formats.js';
import { renderIcs } from './ics.js';
import { md, renderMarkdown } from './markdown.js';
import { assignmentTable, decisionTable, periodName, rowsBlock, type Style, takeHomeColumn } from './registers.js';
import { renderHtmlDocument } from './report.js';
import { json, type Reporter } from './reporter.js';
import type { Table } from './table.js';

/** A network's mission and its rules (decides or agrees, substitutes, meetings a term), as the intro and the site show them. */
export function missionAndRules(config: NetworkConfig, s: Style): RootContent[] {
  const d = s.c.docs;
  const rules = [config.decides ? d.decidesYes : d.decidesNo, d.substitutes[config.substitutes]];
  if (config.meetings_per_term !== undefined) rules.push(d.perTerm(config.meetings_per_term));
  return [
    md.heading(2, d.mission),
    md.paragraph(config.mission),
    md.heading(2, d.rules),
    md.list(rules.map((r) => [r])),
    ...(config.rules ? [md.paragraph(config.rules)] : []),
  ];
}

/** The introduction package for someone joining a network, as one mdast tree. */
export function introTree(pkg: IntroPackage, s: Style): Root {
  const d = s.c.docs;
  const config = pkg.network.config!;
  const col = d.columns;
  const reg = s.c.registers;
  const children: RootContent[] = [md.heading(1, d.introTitle({ network: config.name }))];
  if (pkg.person) children.push(md.paragraph(d.introFor({ name: pkg.person.name })));
  children.push(md.paragraph(d.asOf({ date: s.date(pkg.asOf) })));

  children.push(...missionAndRules(config, s));

  children.push(md.heading(2, d.roster));
  children.push(
    md.table({
      columns: [
        { title: reg.columns.name },
        { title: pkg.roster.every((r) => r.municipality !== undefined) ? reg.columns.municipality : col.municipalityOrOrganisation },
        { title: col.title },
        { title: col.role },
        { title: col.from },
      ],
      rows: pkg.roster.map((r) => [
        r.name,
        r.municipality ?? r.organisation ?? '',
        r.title ?? '',
        `${d.roles[r.role]}${r.acting ? ` (${d.acting})` : ''}`,
        s.date(r.from),
      ]),
    }),
  );

  children.push(md.heading(2, d.upcoming));
  children.push(pkg.upcoming.length === 0 ? md.paragraph(d.noUpcoming) : md.table(meetingTable(pkg.upcoming, s)));

  children.push(md.heading(2, d.recent));
  children.push(...rowsBlock(pkg.recent, () => decisionTable(pkg.recent, s), s, reg.noDecisions));

  children.push(md.heading(2, d.open));
  children.push(...rowsBlock(pkg.open, () => assignmentTable(pkg.open, s), s, reg.noAssignments));

  if (pkg.person) {
    const p = pkg.person;
    children.push(md.heading(2, d.you));
    // Someone who is only a personal substitute sits in no network: say whose substitute she is instead of "–".
    if (p.networks.length > 0 || p.substituteFor.length === 0)
      children.push(
        md.paragraph(
          `${d.yourNetworks}: ${p.networks.map((n) => `${n.name} (${d.roles[n.role]}${n.acting ? `, ${d.acting}` : ''})`).join(', ') || '–'}.`,
        ),
      );
    for (const f of p.substituteFor)
      children.push(md.paragraph(d.yourPrincipal({ name: f.seat ? `${f.name} (${f.seat})` : f.name, network: f.networkName })));
    if (p.substitute !== undefined) children.push(md.paragraph(d.yourSubstitute({ name: s.person(p.substitute) })));
    children.push(md.heading(3, d.yourAssignments));
    children.push(...rowsBlock(p.assignments, () => assignmentTable(p.assignments, s), s, reg.noAssignments));
  }

  if (pkg.contacts.length > 0) {
    children.push(md.heading(2, d.contact));
    children.push(
      md.table({
        columns: [
          { title: reg.columns.name },
          { title: col.title },
          { title: col.organisation },
          { title: col.email },
          { title: col.phone },
        ],
        rows: pkg.contacts.map((c) => [c.name, c.title ?? '', c.organisation ?? '', c.email ?? '', c.phone ?? '']),
      }),
    );
  }
  return { type: 'root', children };
}

function meetingTable(meetings: { date: string; time?: string; place?: string; theme?: string; agenda?: string[] }[], s: Style): Table {
  const col = s.c.docs.columns;
  return {
    columns: [
      { title: s.c.registers.columns.date },
      { title: col.time },
      { title: col.place },
      { title: col.theme },
      { title: col.agenda },
    ],
    rows: meetings.map((m) => [s.date(m.date), m.time ?? '', m.place ?? '', m.theme ?? '', (m.agenda ?? []).join('; ')]),
  };
}

/** A municipality's take-home digest of the half-year, as one mdast tree. */
export function digestTree(digest: Digest, s: Style): Root {
  const d = s.c.docs;
  const reg = s.c.registers;
  const children: RootContent[] = [
    md.heading(1, d.digestTitle({ municipality: digest.municipality, period: periodName(digest.period, s) })),
    ...(digest.asOf !== undefined ? [md.paragraph(d.asOf({ date: s.date(digest.asOf) }))] : []),
  ];

  children.push(md.heading(2, d.representatives));
  if (digest.networks.length === 0) children.push(md.paragraph(d.notRepresented));
  else {
    children.push(md.paragraph(d.representedIntro));
    children.push(
      md.table({
        columns: [
          { title: d.columns.network },
          { title: reg.columns.name },
          { title: reg.columns.attended, align: 'right' },
          { title: reg.columns.rate, align: 'right' },
          { title: reg.columns.substituted, align: 'right' },
          { title: reg.columns.regrets, align: 'right' },
          { title: reg.columns.absent, align: 'right' },
        ],
        rows: digest.networks.flatMap((n) =>
          n.representatives.map((p) => [
            n.name,
            p.name,
            `${p.attended}/${p.meetings}`,
            s.percent(p.rate),
            String(p.represented),
            String(p.regrets),
            String(p.absent),
          ]),
        ),
      }),
    );
  }

  if (digest.networks.length > 0) {
    children.push(md.heading(2, d.content));
    for (const n of digest.networks) children.push(md.heading(3, n.name), ...meetingContent(n.content, s));
  }

  children.push(md.heading(2, d.toAct));
  children.push(md.paragraph(d.toActIntro));
  children.push(
    ...rowsBlock(
      digest.decisions,
      () =>
        takeHomeColumn(
          digest.decisions,
          decisionTable(digest.decisions, s),
          s,
          digest.decisions.map((x) => x.action),
        ),
      s,
      reg.noDecisions,
    ),
  );

  children.push(md.heading(2, d.ourAssignments));
  children.push(...rowsBlock(digest.assignments, () => assignmentTable(digest.assignments, s), s, reg.noAssignments));

  children.push(md.heading(2, d.comingMeetings));
  children.push(
    digest.upcoming.length === 0
      ? md.paragraph(d.noComing)
      : md.table({
          columns: [{ title: d.columns.network }, ...meetingTable([], s).columns],
          rows: digest.upcoming.map((m, i) => [m.networkName, ...meetingTable([digest.upcoming[i]!], s).rows[0]!]),
        }),
  );
  return { type: 'root', children };
}

/** The meeting plan as Markdown: one table, each held meeting linked to its protocol. */
export function calendarTree(entries: CalendarEntry[], s: Style, link: (file: string) => string): Root {
  const d = s.c.docs;
  const reg = s.c.registers;
  const rows = entries.map((e) => [
    s.date(e.date),
    e.time ?? '',
    e.networkName,
    e.place ?? '',
    e.theme ?? '',
    e.cancelled ? d.cancelled : '',
  ]);
  const table = md.table({
    columns: [
      { title: reg.columns.date },
      { title: d.columns.time },
      { title: d.columns.network },
      { title: d.columns.place },
      { title: d.columns.theme },
      { title: d.columns.protocol },
    ],
    rows,
  });
  // The protocol column holds links, which a plain Table cannot: put them in as link nodes.
  entries.forEach((e, i) => {
    if (!e.protocol) return;
    const cell = table.children[i + 1]!.children[5]!;
    cell.children = [{ type: 'link', url: link(e.protocol), children: [{ type: 'text', value: e.protocolId! }] }];
  });
  return { type: 'root', children: [md.heading(1, d.calendarTitle), table] };
}

/** A document for people (intro, digest): its tree and what its HTML page is titled and stamped with. */
export interface DocResult {
  tree: Root;
  title: string;
  lang: Lang;
  version: string;
}

export const docReporters: Record<DocFormat, Reporter<DocResult>> = {
  md: (d) => renderMarkdown(d.tree.children),
  html: (d) => renderHtmlDocument(d.tree, d.title, d.lang, d.version),
};

export interface CalendarContext {
  style: Style;
  /** Turns an archive-relative file into the link the Markdown shows. */
  link: (file: string) => string;
  organisation: string;
  version: string;
}

export const calendarReporters: Record<CalendarFormat, Reporter<CalendarEntry[], CalendarContext>> = {
  ics: (entries, ctx) =>
    renderIcs(entries, { organisation: ctx.organisation, version: ctx.version, lang: ctx.style.lang, words: ctx.style.c.docs.ics }),
  md: (entries, ctx) => renderMarkdown(calendarTree(entries, ctx.style, ctx.link).children),
  json: (entries) => json(entries),
};
