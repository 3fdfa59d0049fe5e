import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h, s as svg } from 'hastscript';
import type { Root, RootContent } from 'mdast';
import { previousHalf } from '../query/period.js';
import type { HalfYearReport, Overview } from '../query/report.js';
import { wrapText } from './chart-text.js';
import { meetingContent } from './content.js';
import type { ReportFormat } from './formats.js';
import { hastOf, htmlOf } from './html.js';
import { md, renderMarkdown } from './markdown.js';
import {
  assignmentJson,
  assignmentTable,
  attendanceMatrix,
  decisionJson,
  legendText,
  longDate,
  municipalityTable,
  periodName,
  personJson,
  rowsBlock,
  type Style,
} from './registers.js';
import { json, type Reporter } from './reporter.js';
import { responsive } from './responsive.js';
import { columns, type Table } from './table.js';

export interface Provenance {
  commit?: string;
  dirty: boolean;
  version: string;
  organisation?: string;
}

/**
 * The report as one mdast tree. Charts are mdast nodes that carry their
 * hast (`data.hName`/`hChildren`), so the HTML comes from the same tree;
 * for Markdown they are left out (their figures are in the tables).
 */
function holdsSecrets(report: HalfYearReport): boolean {
  return report.networks.some((n) =>
    n.meetings.some((m) => m.items.some((i) => i.confidential !== undefined || i.decisions.some((d) => d.confidential !== undefined))),
  );
}

export function reportTree(report: HalfYearReport, s: Style, prov: Provenance, charts: boolean): Root {
  const r = s.c.report;
  const children: RootContent[] = [];
  children.push(md.heading(1, reportTitle(report, s, prov)));
  children.push(md.paragraph(r.periodLine({ from: longDate(s, report.period.from), to: longDate(s, report.period.to) })));
  if (report.asOf !== undefined) children.push(md.paragraph(r.asOfLine({ date: longDate(s, report.asOf) })));
  children.push(md.paragraph(r.networksLine(report.networks.map((n) => n.name).join(', '))));
  // The report keeps confidential text (it is the network's own record); it says so where it has any, before it is passed on.
  if (holdsSecrets(report)) children.push(md.paragraph(md.strong(s.c.protocol.internal)));
  // What it is built from closes the report: the reader needs it last, if at all.
  const footer = md.paragraph(
    r.builtFrom({ ...(prov.commit ? { commit: prov.commit.slice(0, 12) } : {}), dirty: prov.dirty, version: prov.version }),
  );
  if (report.overview.meetingsHeld > 0) children.push(...summaryFirst(report, s));

  children.push(md.heading(2, r.overview));
  children.push(md.table(overviewTable(report, s)));
  for (const net of report.networks.filter((n) => n.term)) {
    children.push(md.paragraph(r.termLine({ network: net.name, term: net.term!.id, held: net.term!.held, planned: net.term!.planned })));
  }
  if (!report.previousOverview && report.period.half) {
    const prev = previousHalf(report.period.half);
    if (prev) children.push(md.paragraph(r.noComparison({ previous: periodName({ from: '', to: '', half: prev }, s) })));
  }
  if (report.overview.meetingsHeld === 0) {
    children.push(md.paragraph(r.noMeetings), footer);
    return { type: 'root', children };
  }

  children.push(md.heading(2, r.municipalities));
  children.push(md.paragraph(r.municipalitiesIntro));
  if (charts) children.push(chartNode(municipalityChart(report, s), r.municipalities));
  children.push(md.table(municipalityTable(report, s)));

  if (charts) {
    children.push(md.heading(2, r.meetingsChart));
    children.push(md.paragraph(r.meetingsChartIntro));
    children.push(chartNode(meetingsChart(report, s), r.meetingsChart));
  }

  const col = r.columns;
  for (const net of report.networks) {
    children.push({ ...md.heading(2, net.name), data: { hProperties: { className: ['network'] } } });
    if (net.meetings.length === 0) {
      children.push(md.paragraph(r.noMeetings));
      continue;
    }
    children.push(md.heading(3, r.meetings));
    if (net.planned !== undefined) {
      const counts = { held: net.meetings.length, planned: net.planned };
      children.push(md.paragraph(report.asOf !== undefined ? r.plannedSoFar({ ...counts, date: s.date(report.asOf) }) : r.planned(counts)));
    }
    children.push(
      md.table({
        columns: columns(col, ['number', 'date', 'place', 'theme', 'present'], ['present']),
        rows: net.meetings.map((m) => [
          m.id,
          m.status === 'justerat' ? s.date(m.date) : `${s.date(m.date)} (${s.c.registers.draftMark})`,
          m.place,
          m.theme ?? '',
          `${m.attended}/${m.roster}`,
        ]),
      }),
    );

    if (net.meetings.some((m) => m.status !== 'justerat')) children.push(md.paragraph(s.c.registers.draftLegend));
    if (net.coming.length > 0)
      children.push(
        md.paragraph(r.coming({ list: net.coming.map((m) => `${s.date(m.date)}${m.place ? ` (${m.place})` : ''}`).join(', ') })),
      );

    children.push(md.heading(3, r.content));
    children.push(...meetingContent(net.meetings, s));

    children.push(md.heading(3, r.attendance));
    children.push(md.table(attendanceMatrix(net.attendance, s)));
    const reg = s.c.registers;
    children.push(md.paragraph(legendText(s)));
    const inactive = net.attendance.people.filter((p) => p.inactive).map((p) => p.name);
    if (inactive.length > 0) children.push(md.paragraph(reg.inactive(inactive.join(', '))));

    children.push(md.heading(3, r.guests));
    children.push(
      net.guests.length === 0
        ? md.paragraph(r.noGuests)
        : md.table({
            columns: [{ title: col.name }, { title: col.organisation }, { title: col.role }, { title: col.meeting }],
            rows: net.guests.map((g) => [g.name, g.organisation, g.role ?? '', `${g.meeting}, ${s.date(g.date)}`]),
          }),
    );

    children.push(md.heading(3, r.assignments));
    children.push(md.paragraph(r.assignmentsIntro));
    children.push(...rowsBlock(net.assignments, () => assignmentTable(net.assignments, s), s, s.c.registers.noAssignments));
  }
  children.push(footer);
  return { type: 'root', children };
}

/**
 * The first page: per network, in a few lines, the meetings held of those
 * planned, its attendance, the decisions to take home and the overdue
 * assignments with their owner and due date. The details follow.
 */
function summaryFirst(report: HalfYearReport, s: Style): RootContent[] {
  const r = s.c.report;
  return [
    md.heading(2, r.summary),
    ...report.networks.flatMap((net): RootContent[] => {
      const overdue = net.assignments.filter((a) => a.status === 'overdue');
      const home = net.decisions.filter((d) => d.takeHome);
      const lines = [
        ...home.map((d) => [md.strong(r.summaryTakeHome), ` ${d.text} (${d.id})`]),
        ...overdue.map((a) => [
          md.strong(r.summaryOverdue),
          ` ${a.text} ${r.summaryOwner({ owner: s.person(a.owner), due: a.due !== undefined ? s.date(a.due) : '–' })} (${a.id})`,
        ]),
      ];
      return [
        md.paragraph(
          md.strong(`${net.name}.`),
          ` ${r.summaryLine({
            held: net.meetings.length,
            ...(net.planned !== undefined ? { planned: net.planned } : {}),
            cancelled: net.cancelled,
            rate: s.percent(net.attendance.rate) || '–',
          })}`,
          ...(lines.length === 0 ? [` ${r.summaryNothing}`] : []),
        ),
        ...(lines.length > 0 ? [md.list(lines)] : []),
      ];
    }),
  ];
}

/** "Sammanställning av andra halvåret 2019 – Skåne Nordost i samverkan". */
function reportTitle(report: HalfYearReport, s: Style, prov: Provenance): string {
  const title = s.c.report.title({ period: periodName(report.period, s) });
  return prov.organisation ? `${title} – ${prov.organisation}` : title;
}

function overviewTable(report: HalfYearReport, s: Style): Table {
  const r = s.c.report;
  const now = report.overview;
  const before = report.previousOverview;
  const count = (n: number | undefined) => (n === undefined ? '–' : String(n));
  const delta = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? '' : a - b === 0 ? '±0' : a - b > 0 ? `+${a - b}` : `−${b - a}`;
  const row = (label: string, pick: (o: Overview) => number | undefined): string[] => [
    label,
    count(pick(now)),
    ...(before ? [count(pick(before)), delta(pick(now), pick(before))] : []),
  ];
  const rateRow: string[] = [
    r.rows.attendance,
    s.percent(now.rate) || '–',
    ...(before
      ? [
          s.percent(before.rate) || '–',
          now.rate !== undefined && before.rate !== undefined ? r.points(Math.round((now.rate - before.rate) * 100)) : '',
        ]
      : []),
  ];
  return {
    columns: [
      { title: r.measure },
      { title: periodName(report.period, s, true), align: 'right' },
      ...(before
        ? [
            { title: periodName(report.previous!, s, true), align: 'right' as const },
            { title: r.change, align: 'right' as const },
          ]
        : []),
    ],
    rows: [
      row(r.rows.meetings, (o) => o.meetingsHeld),
      row(r.rows.planned, (o) => o.meetingsPlanned),
      row(r.rows.cancelled, (o) => o.meetingsCancelled),
      rateRow,
      row(r.rows.decisions, (o) => o.decisions),
      row(r.rows.agreements, (o) => o.agreements),
      row(r.rows.takeHome, (o) => o.takeHome),
      row(r.rows.guests, (o) => o.guests),
      row(r.rows.opened, (o) => o.assignmentsOpened),
      row(r.rows.done, (o) => o.assignmentsDone),
      row(r.rows.open, (o) => o.assignmentsOpen),
      row(r.rows.overdue, (o) => o.assignmentsOverdue),
    ],
  };
}

function chartNode(chart: Element, caption: string): RootContent {
  return {
    type: 'paragraph',
    children: [],
    data: { hName: 'figure', hProperties: { className: ['chart'] }, hChildren: [chart, h('figcaption', caption)] },
  } as RootContent;
}

/*
 * The charts are drawn for a phone first: 440 units wide, each label on its
 * own line above its bar or track, so the full width is the scale and no
 * label column takes it. On a 390 px screen the viewBox is scaled to about
 * 0.8 (labels 12 px, axis 10.5 px); on a wide screen the CSS caps it at
 * 30rem, scale 1.1. A chart in a sideways-scrolling box would have kept the
 * old layout but hidden half of every bar on a phone.
 */
const CHART_WIDTH = 440;

/** Horizontal bars: each municipality's attendance rate over all networks, its name and rate above its bar. */
function municipalityChart(report: HalfYearReport, s: Style): Element {
  const rows = report.municipalities;
  const width = CHART_WIDTH;
  const line = 18;
  const bar = 14;
  const gap = 10;
  const row = line + bar + gap;
  const scale = width - 2;
  const height = rows.length * row + 22;
  const children: ElementContent[] = [];
  for (const x of [0, 0.5, 1]) {
    const px = 1 + x * scale;
    children.push(svg('line', { x1: px, x2: px, y1: 0, y2: height - 20, class: 'grid' }));
    const anchor = x === 0 ? 'start' : x === 1 ? 'end' : 'middle';
    children.push(
      svg('text', { x: x === 0 ? 0 : x === 1 ? width : px, y: height - 5, 'text-anchor': anchor, class: 'axis' }, s.percent(x)),
    );
  }
  rows.forEach((m, i) => {
    const y = i * row;
    const rate = m.rate ?? 0;
    children.push(
      svg('g', { class: 'bar' }, [
        svg('title', s.c.report.municipalityChartLabel({ municipality: m.municipality, rate: s.percent(m.rate) })),
        svg('text', { x: 0, y: y + line - 4 }, m.municipality),
        svg('text', { x: width, y: y + line - 4, 'text-anchor': 'end', class: 'value' }, s.percent(m.rate)),
        svg('rect', { x: 1, y: y + line, width: Math.max(1, rate * scale), height: bar, rx: 3 }),
      ]),
    );
  });
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': s.c.report.municipalities, class: 'chart-municipalities' },
    children,
  );
}

/** The size of a chart's label text, in the chart's units (the CSS below sets it). */
const LABEL_SIZE = 15;

/** A timeline of the half-year: one track a network, its name above it (wrapped onto more lines when long), one dot a meeting. */
function meetingsChart(report: HalfYearReport, s: Style): Element {
  const width = CHART_WIDTH;
  const line = 18;
  const track = 22;
  const inset = 8;
  const rows = report.networks.map((net) => {
    const label = wrapText(net.short, width, LABEL_SIZE);
    return { net, label, height: label.length * line + track + 6 };
  });
  const height = rows.reduce((sum, r) => sum + r.height, 0) + 22;
  const from = Date.parse(`${report.period.from}T00:00:00Z`);
  const to = Date.parse(`${report.period.to}T00:00:00Z`) + 86_400_000;
  const x = (iso: string) => inset + ((Date.parse(`${iso}T00:00:00Z`) - from) / (to - from)) * (width - 2 * inset);
  const months = new Intl.DateTimeFormat(s.lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short', timeZone: 'UTC' });
  const children: ElementContent[] = [];
  for (let d = new Date(from); d.getTime() < to; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    children.push(svg('line', { x1: x(iso), x2: x(iso), y1: 0, y2: height - 20, class: 'grid' }));
    children.push(svg('text', { x: x(iso) + 3, y: height - 5, class: 'axis' }, months.format(d)));
  }
  let top = 0;
  for (const { net, label, height: rowHeight } of rows) {
    const y = top + label.length * line + track / 2;
    // One text, one line a tspan: the title (the full name) covers the whole label. The baseline
    // sits low enough that the font's ascent stays inside the chart.
    children.push(
      svg('text', { x: 0, y: top + line - 4 }, [
        svg('title', net.name),
        ...label.map((part, k) => (k === 0 ? part : svg('tspan', { x: 0, dy: line }, part))),
      ]),
    );
    children.push(svg('line', { x1: inset, x2: width - inset, y1: y, y2: y, class: 'track' }));
    for (const m of net.meetings) {
      children.push(
        svg('circle', { cx: x(m.date), cy: y, r: 7, class: 'meeting' }, [svg('title', `${net.name} ${m.id}, ${s.date(m.date)}`)]),
      );
    }
    top += rowHeight;
  }
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': s.c.report.meetingsChart, class: 'chart-meetings' },
    children,
  );
}

/** The style of every kd HTML document. */
export const CSS = `
:root { color-scheme: light; --ink: #1d2a33; --muted: #5b6b76; --line: #d5dde3; --accent: #1f5f8b; --soft: #eef3f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; }
h1, h2, h3 { overflow-wrap: break-word; break-after: avoid; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .75rem; color: var(--accent); }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
p { margin: .4rem 0 .8rem; }
h1 + p, h1 + p + p, h1 + p + p + p { color: var(--muted); margin: .15rem 0; }
.nw { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .85rem; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; overflow-wrap: break-word; }
th { background: var(--soft); font-weight: 600; overflow-wrap: normal; }
th:not([align]) { text-align: left; }
tr { break-inside: avoid; }
td.tok { white-space: nowrap; width: 1%; }
td[align="right"] { white-space: nowrap; }
.scroll { overflow-x: auto; margin: .5rem 0 1rem; }
.scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.scroll > table { margin: 0; }
.scroll td, .scroll th { overflow-wrap: normal; }
.scroll td:first-child { position: sticky; left: 0; background: #fff; }
.scroll th:first-child { position: sticky; left: 0; }
/* A register as wide as its ids, dates and longest words need: past the text column into the right margin (main is 60rem with 2rem padding) while there is room, then scrolling in its own box. Where it fits, exactly the column. */
.fit { width: min-content; min-width: 100%; max-width: min(50vw + 26.5rem, 100vw - 4rem); overflow-x: auto; margin: .5rem 0 1rem; }
.fit:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.fit > table { margin: 0; }
figure { margin: 1rem 0 1.5rem; break-inside: avoid; }
figcaption { color: var(--muted); font-size: .8rem; margin-top: .25rem; }
svg { display: block; width: 100%; max-width: 30rem; height: auto; font: 15px system-ui, sans-serif; }
svg .axis { font-size: 13px; }
svg .bar rect { fill: var(--accent); }
svg .value, svg .axis { fill: var(--muted); }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .track { stroke: var(--line); stroke-width: 2; }
svg .meeting { fill: var(--accent); stroke: #fff; stroke-width: 2; }
@media screen and (max-width: 40rem) {
  main { padding: 1.25rem 1rem 3rem; }
  h1 { font-size: 1.45rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; }
  table { font-size: .8rem; }
  th, td { padding: .3rem .35rem; }
  table.stack, table.stack tbody, table.stack tr { display: block; width: auto; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .6rem; padding: .3rem .6rem; }
  table.stack td { display: block; width: auto; border: 0; padding: .15rem 0 .15rem 8.25rem; text-align: left; white-space: normal; }
  table.stack td::before { content: attr(data-label); box-sizing: border-box; display: inline-block; width: 8.25rem; margin-left: -8.25rem; padding-right: .75rem; vertical-align: top; font-weight: 600; color: var(--muted); overflow-wrap: break-word; }
  table.stack td:empty { display: none; }
}
/* A decision for the municipalities to take home: its row stands out on screen and on paper (the mark in its first cell says it in words). */
tr.take-home td { background: var(--soft); }
tr.take-home td:first-child { box-shadow: inset 3px 0 0 var(--accent); }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 1.75rem; }
  .scroll { overflow: visible; }
  .fit { width: auto; max-width: none; overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: .2rem .3rem; }
  /* Swedish compounds ("Kompetensförsörjningsplanen") would push an eight-column register off A4; a text cell breaks a word only where it must. */
  table.stack td:not(.tok) { overflow-wrap: anywhere; min-width: 4.5em; }
  p, li, figure { break-inside: avoid; }
}
`;

export function renderReportMarkdown(report: HalfYearReport, s: Style, prov: Provenance): string {
  return renderMarkdown(reportTree(report, s, prov, false).children);
}

/** One self-contained page: inline CSS and SVG, no scripts, no external requests. */
export async function renderReportHtml(report: HalfYearReport, s: Style, prov: Provenance): Promise<string> {
  const title = reportTitle(report, s, prov);
  return renderHtmlDocument(reportTree(report, s, prov, true), title, s.lang, prov.version);
}

/** Link schemes a protocol's text may use; a path or an anchor has none. */
const SAFE_SCHEME = /^(?:https?|mailto|tel):/i;

/** A link target with a scheme that may run script (`javascript:`, `data:`): the link loses it. */
export function unsafeHref(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href.trim()) && !SAFE_SCHEME.test(href.trim());
}

/**
 * A protocol's text comes from a pull request: a link that would run script
 * (`javascript:`, `data:`) loses its target and stays as text, and an image
 * from elsewhere (which would tell its server who reads the page) is shown
 * as its description with a link to it. Paths and anchors stay as written.
 */
function safeUrls(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    if (node.tagName === 'a') {
      if (unsafeHref(String(node.properties.href ?? ''))) {
        const { href: _href, ...rest } = node.properties;
        node.properties = rest;
      }
    }
    if (node.tagName === 'img') {
      const src = String(node.properties.src ?? '').trim();
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
        const alt = String(node.properties.alt ?? '') || src;
        return SAFE_SCHEME.test(src) ? h('a', { href: src }, alt) : h('span', alt);
      }
    }
    node.children = safeUrls(node.children as ElementContent[]) as typeof node.children;
    return node;
  });
}

/** How a kd document becomes a page: its style, what is done to its content, and a site's chrome around it. */
export interface DocumentOptions {
  css?: string;
  /** A page of a site: the style comes from this shared stylesheet (a relative address) instead of the page. */
  stylesheet?: string;
  prepare?: (nodes: ElementContent[]) => ElementContent[];
  /** A site's page: its skip link and navigation before the content, its footer after. */
  chrome?: { header: ElementContent[]; footer: ElementContent[] };
}

/** Any kd document tree as a self-contained, printable HTML page (the report's style). */
export async function renderHtmlDocument(
  tree: Root,
  title: string,
  lang: string,
  version: string,
  more: DocumentOptions = {},
): Promise<string> {
  return `${htmlOf(documentTree(title, lang, version, more, mainContent(tree, more.prepare)))}\n`;
}

/** The content of a document's main element: its tree as HTML elements, links made safe, then prepared and laid out for any screen. */
export function mainContent(tree: Root, prepare?: (nodes: ElementContent[]) => ElementContent[]): ElementContent[] {
  const nodes = hastOf(tree).children as ElementContent[];
  return responsive(prepare ? prepare(safeUrls(nodes)) : safeUrls(nodes));
}

/** The whole page around the main content: head, style, and a site's chrome. */
export function documentTree(title: string, lang: string, version: string, more: DocumentOptions, main: ElementContent[]): HastRoot {
  const chrome = more.chrome;
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: `kd ${version}` }),
          h('title', title),
          more.stylesheet !== undefined
            ? h('link', { rel: 'stylesheet', href: more.stylesheet })
            : h('style', more.css ? CSS + more.css : CSS),
        ]),
        h('body', chrome ? [...chrome.header, h('main', { id: 'main', tabIndex: -1 }, main), ...chrome.footer] : [h('main', main)]),
      ]),
    ],
  };
}

export function reportJson(report: HalfYearReport, prov: Provenance): unknown {
  const round = (r: number | undefined) => (r === undefined ? null : Math.round(r * 10000) / 10000);
  const overview = (o: Overview) => ({ ...o, rate: round(o.rate), meetingsPlanned: o.meetingsPlanned ?? null });
  return {
    period: report.period,
    asOf: report.asOf ?? null,
    builtFrom: { commit: prov.commit ?? null, dirty: prov.dirty, kd: prov.version },
    overview: overview(report.overview),
    previous: report.previousOverview ? { period: report.previous, overview: overview(report.previousOverview) } : null,
    municipalities: report.municipalities.map((m) => ({ ...m, rate: round(m.rate), representationRate: round(m.representationRate) })),
    networks: report.networks.map((n) => ({
      network: n.network,
      name: n.name,
      planned: n.planned ?? null,
      meetings: n.meetings,
      coming: n.coming,
      attendance: {
        rate: round(n.attendance.rate),
        people: n.attendance.people.map(personJson),
      },
      guests: n.guests,
      decisions: decisionJson(n.decisions),
      assignments: assignmentJson(n.assignments),
    })),
  };
}

/** The half-year report with what it is written in and from. */
export interface ReportResult {
  report: HalfYearReport;
  style: Style;
  prov: Provenance;
}

export const reportReporters: Record<ReportFormat, Reporter<ReportResult>> = {
  md: (r) => renderReportMarkdown(r.report, r.style, r.prov),
  html: (r) => renderReportHtml(r.report, r.style, r.prov),
  json: (r) => json(reportJson(r.report, r.prov)),
};
