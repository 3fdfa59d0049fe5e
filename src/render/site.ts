import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Archive, NetworkRecord, ProtocolRecord } from '../model/index.js';
import { toTakeHome } from '../query/act.js';
import { type AssignmentRow, assignmentRows } from '../query/assignments.js';
import { type AttendanceRegister, attendanceRegisters, type PersonRow } from '../query/attendance.js';
import { type DecisionRow, decisions } from '../query/decisions.js';
import { municipalityDigest } from '../query/digest.js';
import { introPackage } from '../query/intro.js';
import { groupBy } from '../query/lists.js';
import { halfOf, halfYear } from '../query/period.js';
import { protocolView } from '../query/protocol.js';
import { forMembers, reportForMembers } from '../query/public.js';
import { halfYearReport } from '../query/report.js';
import { digestPage, municipalityPage, networkPage, personPage, relativeHref, sitePage } from '../query/site.js';
import { byName, collator } from '../query/sort.js';
import { digestTree, missionAndRules } from './documents.js';
import { escapeText, hastOf, htmlOf } from './html.js';
import { md } from './markdown.js';
import { anchorOf, PROTOCOL_CSS, protocolTitle, protocolTree } from './protocol.js';
import { assignmentTable, decisionTable, longDate, periodName, type Style, shownText } from './registers.js';
import { CSS, documentTree, mainContent, reportTree } from './report.js';
import { accessibleTables } from './responsive.js';
import { type SearchDoc, searchFragment } from './search.js';
import { landing, linkify, linkTargets, OWN, type Targets, writeMain } from './site-links.js';
import type { Table } from './table.js';

/*
 * The archive as a static website (kd site): every page an mdast tree like
 * the other documents, written as HTML with the report's style, and joined
 * by relative links, so the folder works from file://, from a sub-path and
 * from any web server. Pages have stable addresses made of ids (see
 * query/site.ts). A public site (the default) is built only from what
 * members and the public may see: protocol views, decisions and reports
 * pass through query/public.ts first.
 */

export interface SiteOptions {
  public: boolean;
  /** The day the site is told as of: coming meetings and overdue assignments. */
  asOf: string;
  version: string;
  /** The protocol's item texts, read from its body. */
  content: (p: ProtocolRecord) => Promise<Map<number, RootContent[]>>;
  /**
   * Asked once for each file of the site, always in the same order: whether
   * this build makes it. Threads that share a build each take a different
   * part (see cli/commands/site-worker.ts); without it every file is made.
   */
  take?: () => boolean;
}

export interface SitePage {
  /** Relative to the site's root, with `/`. */
  path: string;
  title: string;
  tree: Root;
  /** Ids in the text that become links: "ledning 2/2019", "ledning 2/2019 §3:1", a person's or municipality's name in a table cell. */
  links?: boolean;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
/** A link to another page of the site, by its path from the root; made relative to the page it is on when written. */
const link = (path: string, label: string): PhrasingContent => ({ type: 'link', url: `${OWN}${path}`, children: [text(label)] });

/**
 * Every file of the site, one at a time, as its path and text (the shared
 * stylesheet, then the pages): a page is
 * built, written and let go before the next, so memory does not grow with
 * the archive. What links need to know of other pages (which exist, which
 * anchors they have) comes from the archive itself, not from the pages.
 */
export async function* sitePages(archive: Archive, s: Style, opts: SiteOptions): AsyncGenerator<[path: string, html: string]> {
  const targets = linkTargets(archive, opts.public);
  const shells: Shells = new Map();
  if (opts.take?.() ?? true) yield [STYLESHEET, `${CSS}${PROTOCOL_CSS}${SITE_CSS}`];
  for await (const page of pageTrees(archive, s, opts)) yield [page.path, await pageHtml(page, s, opts, archive, targets, shells)];
}

/** What the site's search indexes: each protocol's items and each decision, as the pages show them. */
export function searchDocs(
  archive: Archive,
  s: Style,
  opts: { public: boolean; itemText: (p: ProtocolRecord, no: number) => string },
): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const p of archive.protocols) {
    const context = `${s.networkName(p.data.network)} ${p.id}, ${longDate(s, p.data.date)}`;
    const page = sitePage(p.file);
    for (const item of p.data.items) {
      const secret = item.confidential !== undefined && opts.public;
      docs.push({
        url: `${page}#§${item.no}`,
        title: `${item.no}. ${item.title}`,
        context,
        text: secret ? s.c.protocol.secret(item.confidential!.reason) : opts.itemText(p, item.no),
        kind: 'item',
      });
    }
  }
  // A hit lands where a link does: on the decision, or on its item when the page withholds the item's decisions.
  const t = linkTargets(archive, opts.public);
  for (const d of decisionRows(archive, opts.public)) {
    const page = sitePage(d.protocol.file);
    docs.push({
      url: `${page}#${landing(t, page, anchorOf(d.id))}`,
      title: shownText(d, s),
      context: `${s.networkName(d.network)} ${d.protocol.id} §${d.item}, ${longDate(s, d.date)}`,
      text: d.itemTitle,
      kind: d.kind,
    });
  }
  return docs;
}

/** The words of an item's text, without its markup: what search indexes of it. */
export function plain(nodes: readonly RootContent[]): string {
  const out: string[] = [];
  const walk = (n: { type: string; value?: unknown; children?: unknown }) => {
    if (typeof n.value === 'string' && n.type !== 'html') out.push(n.value);
    if (Array.isArray(n.children)) for (const c of n.children) walk(c);
  };
  for (const n of nodes) walk(n);
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

function decisionRows(archive: Archive, pub: boolean): DecisionRow[] {
  const rows = decisions(archive);
  return pub ? rows.map(forMembers) : rows;
}

function assignmentsOn(archive: Archive, pub: boolean, asOf: string): AssignmentRow[] {
  const rows = assignmentRows(archive, { asOf });
  return pub ? rows.map(forMembers) : rows;
}

const networksOf = (archive: Archive): NetworkRecord[] =>
  [...archive.networks.values()].filter((n) => n.config).sort((a, b) => collator.compare(a.config!.name, b.config!.name));

/** The halves of the year in which some network met, newest first. */
function halves(archive: Archive): string[] {
  return [...new Set(archive.protocols.map((p) => halfOf(p.data.date)))].sort().reverse();
}

async function* pageTrees(archive: Archive, s: Style, opts: SiteOptions): AsyncGenerator<SitePage> {
  const c = s.c.site;
  const nets = networksOf(archive);
  const all = decisionRows(archive, opts.public);
  const tasks = assignmentsOn(archive, opts.public, opts.asOf);
  const municipalities = [...(archive.config?.municipalities ?? [])].sort(collator.compare);
  const reports = halves(archive);
  // Each municipality's digest of the latest half with meetings: what its director takes home now.
  const digestHalf = reports.find((half) => halfYear(half)!.from <= opts.asOf);
  // Every page is asked for in the same order; only those this build takes are made.
  const take = opts.take ?? (() => true);

  // The start page: where to go, what is coming, what was decided last, what is late.
  if (take()) {
    const children: RootContent[] = [md.heading(1, archive.config?.organisation ?? c.archive)];
    children.push(md.paragraph(c.asOf({ date: longDate(s, opts.asOf) })));
    children.push(md.heading(2, c.networks));
    children.push(
      md.list(
        nets.map((n) => {
          const last = n.protocols.at(-1);
          return [
            link(networkPage(n.id), n.config!.name),
            ...(last ? [text(` – ${c.lastMeeting({ date: longDate(s, last.data.date) })}`)] : []),
          ];
        }),
      ),
    );
    const coming = nets
      .flatMap((n) => (n.calendar?.meetings ?? []).filter((m) => !m.cancelled && m.date > opts.asOf).map((m) => ({ m, n })))
      .sort((a, b) => (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : 0))
      .slice(0, 8);
    children.push(
      ...listed(
        c.upcoming,
        coming.map(({ m, n }) => [
          text(`${longDate(s, m.date)}: `),
          link(networkPage(n.id), n.config!.name),
          text(m.place ? `, ${m.place}` : ''),
        ]),
        c.noUpcoming,
      ),
    );
    children.push(md.heading(2, c.latestDecisions));
    const latest = all
      .filter((d) => d.date <= opts.asOf)
      .slice(-10)
      .reverse();
    // A list, not the register's table: the start page is read on a phone first.
    children.push(
      latest.length === 0
        ? md.paragraph(c.noDecisions)
        : md.list(
            latest.map((d) => [
              link(`${sitePage(d.protocol.file)}#${anchorOf(d.id)}`, d.id),
              text(`: ${shownText(d, s)} (${longDate(s, d.date)})`),
            ]),
          ),
    );
    children.push(md.paragraph(link('decisions/index.html', c.allDecisions)));
    children.push(md.heading(2, c.overdue));
    const late = tasks.filter((a) => a.status === 'overdue');
    children.push(late.length === 0 ? md.paragraph(c.noOverdue) : md.table(assignmentTable(late, s)));
    children.push(md.paragraph(link('assignments/index.html', c.allAssignments)));
    children.push(md.heading(2, c.municipalities));
    children.push(md.list(municipalities.map((m) => [link(municipalityPage(m), m)])));
    if (reports.length > 0) {
      children.push(md.heading(2, c.reports));
      children.push(md.list(reports.map((half) => [link(`reports/${half}.html`, periodName(halfYear(half)!, s))])));
    }
    yield { path: 'index.html', title: archive.config?.organisation ?? c.archive, tree: root(children), links: true };
  }

  // Each network: its mission and rules, who sits in it today, its calendar, its protocols by year.
  for (const net of nets) {
    if (!take()) continue;
    const config = net.config!;
    const pkg = introPackage(archive, net, opts.asOf);
    const d = s.c.docs;
    const children: RootContent[] = [md.heading(1, config.name)];
    children.push(...missionAndRules(config, s));
    children.push(md.heading(2, c.members));
    children.push(
      pkg.roster.length === 0
        ? md.paragraph(c.noMembers)
        : md.table({
            columns: [{ title: s.c.registers.columns.name }, { title: c.municipalityOrOrganisation }, { title: d.columns.role }],
            rows: [...pkg.roster]
              .sort(byName((r) => r.name))
              .map((r) => [r.name, r.municipality ?? r.organisation ?? '', `${d.roles[r.role]}${r.acting ? ` (${d.acting})` : ''}`]),
          }),
    );
    children.push(md.heading(2, d.upcoming));
    children.push(
      pkg.upcoming.length === 0
        ? md.paragraph(d.noUpcoming)
        : md.list(
            pkg.upcoming.map((m) => [
              text(`${longDate(s, m.date)}${m.time ? `, ${m.time.replace('-', '–')}` : ''}${m.place ? `, ${m.place}` : ''}`),
            ]),
          ),
    );
    children.push(md.heading(2, c.protocols));
    const years = [...new Set(net.protocols.map((p) => p.data.date.slice(0, 4)))].sort().reverse();
    if (years.length === 0) children.push(md.paragraph(c.noProtocols));
    for (const year of years) {
      children.push(md.heading(3, year));
      children.push(
        md.list(
          net.protocols
            .filter((p) => p.data.date.startsWith(year))
            .reverse()
            .map((p) => [
              link(sitePage(p.file), `${p.id} – ${longDate(s, p.data.date)}`),
              ...(p.data.status !== 'justerat' ? [text(` (${s.c.registers.draftMark})`)] : []),
            ]),
        ),
      );
    }
    children.push(md.paragraph(link(`decisions/${net.id}.html`, c.networkDecisions({ network: config.name }))));
    yield { path: networkPage(net.id), title: config.name, tree: root(children), links: true };
  }

  // Each protocol, as kd render gives it, with an anchor per item and per decision.
  for (const p of archive.protocols) {
    if (!take()) continue;
    const view = protocolView(archive, p, await opts.content(p), { public: opts.public });
    yield { path: sitePage(p.file), title: protocolTitle(view, s), tree: protocolTree(view, s), links: true };
  }

  // Each person: networks, attendance history, assignments.
  const registers = attendanceRegisters(archive);
  // Rows by person and by municipality, and assignments by owner, gathered once: a page each must not scan them all.
  const attendanceOf = groupBy(
    registers.flatMap((reg) => reg.people.filter((r) => r.meetings > 0).map((r) => ({ reg, r }))),
    ({ r }) => r.person,
  );
  const representing = groupBy(
    registers.flatMap((reg) => reg.people.filter((r) => r.meetings > 0 && r.municipality !== undefined).map((r) => ({ reg, r }))),
    ({ r }) => r.municipality!,
  );
  const owned = groupBy(tasks, (a) => a.owner);
  for (const [id, person] of Object.entries(archive.people ?? {})) {
    if (!take()) continue;
    const children: RootContent[] = [md.heading(1, person.name)];
    const where = [person.title, person.municipality ?? person.organisation].filter(Boolean).join(', ');
    if (where) children.push(md.paragraph(where));
    const memberships = nets.flatMap((n) => (n.config!.roster ?? []).filter((m) => m.person === id).map((m) => ({ n, m })));
    children.push(
      ...listed(
        c.networks,
        memberships.map(({ n, m }) => [
          link(networkPage(n.id), n.config!.name),
          text(` – ${s.c.docs.roles[m.role]}, ${c.span({ from: longDate(s, m.from), ...(m.to ? { to: longDate(s, m.to) } : {}) })}`),
        ]),
        c.noNetworks,
      ),
    );
    children.push(md.heading(2, c.attendance));
    const rows = attendanceOf.get(id) ?? [];
    children.push(rows.length === 0 ? md.paragraph(c.noAttendance) : md.table(attendanceTable(rows, s, false)));
    children.push(md.heading(2, c.assignments));
    const own = owned.get(id) ?? [];
    children.push(own.length === 0 ? md.paragraph(s.c.registers.noAssignments) : md.table(assignmentTable(own, s)));
    yield { path: personPage(id), title: person.name, tree: root(children), links: true };
  }

  // Each municipality: its representatives, their attendance, the decisions for it to take home.
  // The last twelve months: what a director takes home now; the registers hold the rest.
  const since = `${Number(opts.asOf.slice(0, 4)) - 1}${opts.asOf.slice(4)}`;
  const lastYear = all.filter((d) => d.date > since && d.date <= opts.asOf);
  for (const m of municipalities) {
    if (!take()) continue;
    const children: RootContent[] = [md.heading(1, m)];
    children.push(md.heading(2, c.representatives));
    const rows = representing.get(m) ?? [];
    children.push(rows.length === 0 ? md.paragraph(c.noRepresentatives) : md.table(attendanceTable(rows, s, true)));
    children.push(md.heading(2, c.takeHome));
    const home = lastYear.filter((d) => toTakeHome(d, m)).reverse();
    children.push(home.length === 0 ? md.paragraph(s.c.registers.noDecisions) : md.table(decisionTable(home, s)));
    if (digestHalf !== undefined) {
      children.push(md.heading(2, c.digests));
      children.push(md.paragraph(link(digestPage(digestHalf, m), periodName(halfYear(digestHalf)!, s))));
    }
    yield { path: municipalityPage(m), title: m, tree: root(children), links: true };
  }

  // The registers: every decision, each network's, and the assignments by status.
  // Every decision by year, the latest year on the register's first page: one page stays readable at any size of archive.
  const years = [...new Set(all.map((d) => d.date.slice(0, 4)))].sort().reverse();
  const yearLinks = (current?: string) =>
    md.paragraph(
      ...years.flatMap((y, i) => [...(i > 0 ? [text(' · ')] : []), y === current ? md.strong(y) : link(`decisions/${y}.html`, y)]),
    );
  const byYear = groupBy(all, (d) => d.date.slice(0, 4));
  for (const [i, y] of years.entries()) {
    const rows = [...byYear.get(y)!].reverse();
    if (take()) {
      const page = registerPage(`decisions/${y}.html`, `${c.decisionsTitle} ${y}`, rows, s, decisionTable, s.c.registers.noDecisions);
      page.tree.children.splice(1, 0, yearLinks(y));
      yield page;
    }
    if (i === 0 && take()) {
      const first = registerPage('decisions/index.html', c.decisionsTitle, rows, s, decisionTable, s.c.registers.noDecisions);
      first.tree.children.splice(
        1,
        0,
        yearLinks(),
        md.paragraph(c.networksDecisions),
        md.list(nets.map((n) => [link(`decisions/${n.id}.html`, n.config!.name)])),
      );
      yield first;
    }
  }
  if (years.length === 0 && take())
    yield registerPage('decisions/index.html', c.decisionsTitle, [], s, decisionTable, s.c.registers.noDecisions);
  const byNetwork = groupBy(all, (d) => d.network);
  for (const net of nets)
    if (take())
      yield registerPage(
        `decisions/${net.id}.html`,
        c.networkDecisions({ network: net.config!.name }),
        [...(byNetwork.get(net.id) ?? [])].reverse(),
        s,
        decisionTable,
        s.c.registers.noDecisions,
      );
  const byStatus = {
    index: tasks.filter((a) => a.status !== 'done'),
    overdue: tasks.filter((a) => a.status === 'overdue'),
    done: tasks.filter((a) => a.status === 'done'),
  };
  for (const [name, rows] of Object.entries(byStatus) as [keyof typeof byStatus, AssignmentRow[]][]) {
    if (!take()) continue;
    const page = registerPage(`assignments/${name}.html`, c.assignmentsTitle[name], rows, s, assignmentTable, s.c.registers.noAssignments);
    // The filters are pages: links between them work without JavaScript.
    page.tree.children.splice(
      1,
      0,
      md.paragraph(
        ...(['index', 'overdue', 'done'] as const).flatMap((k, i) => [
          ...(i > 0 ? [text(' · ')] : []),
          k === name ? md.strong(c.assignmentsTitle[k]) : link(`assignments/${k}.html`, c.assignmentsTitle[k]),
        ]),
      ),
    );
    yield page;
  }

  // The half-year reports and each municipality's digest, as kd report and kd digest give them.
  for (const half of reports) {
    const period = halfYear(half)!;
    const digests = half === digestHalf;
    if (take()) {
      const report = halfYearReport(archive, period, opts.asOf < period.to ? { asOf: opts.asOf } : {});
      const shown = opts.public ? reportForMembers(report) : report;
      const tree = reportTree(shown, s, { version: opts.version, dirty: false }, true);
      yield { path: `reports/${half}.html`, title: periodName(period, s), tree, links: true };
    }
    for (const m of digests ? municipalities : []) {
      if (!take()) continue;
      const digest = municipalityDigest(archive, m, period, earlier(opts.asOf, period.to));
      if (digest.networks.length === 0) continue;
      yield {
        path: digestPage(half, m),
        title: `${m} – ${periodName(period, s)}`,
        tree: digestTree(digest, s),
        links: true,
      };
    }
  }

  // Search: a form that works as a GET form, the results by the script.
  if (take())
    yield {
      path: 'search.html',
      title: c.search,
      tree: root([md.heading(1, c.search)]),
    };
}

function registerPage<T>(path: string, title: string, rows: T[], s: Style, table: (rows: T[], s: Style) => Table, none: string): SitePage {
  return {
    path,
    title,
    tree: root([md.heading(1, title), rows.length === 0 ? md.paragraph(none) : md.table(table(rows, s))]),
    links: true,
  };
}

const root = (children: RootContent[]): Root => ({ type: 'root', children });

/** A section: its heading, then its list, or the sentence that there is nothing in it. */
const listed = (title: string, items: PhrasingContent[][], none: string): RootContent[] => [
  md.heading(2, title),
  items.length === 0 ? md.paragraph(none) : md.list(items),
];

/** Attendance in each network, a row a network (and, with `named`, a person): meetings as a member, attended, the share. */
function attendanceTable(rows: readonly { reg: AttendanceRegister; r: PersonRow }[], s: Style, named: boolean): Table {
  const cols = s.c.registers.columns;
  return {
    columns: [
      { title: s.c.site.network },
      ...(named ? [{ title: cols.name }] : []),
      { title: cols.meetings, align: 'right' },
      { title: cols.attended, align: 'right' },
      { title: cols.rate, align: 'right' },
    ],
    rows: rows.map(({ reg, r }) => [
      s.networkName(reg.network),
      ...(named ? [r.name] : []),
      String(r.meetings),
      String(r.attended),
      s.percent(r.rate),
    ]),
  };
}

/** The earlier of two ISO dates. */
const earlier = (a: string, b: string): string => (a <= b ? a : b);

async function pageHtml(page: SitePage, s: Style, opts: SiteOptions, archive: Archive, t: Targets, shells: Shells): Promise<string> {
  const searchForm: ElementContent[] = page.path === 'search.html' ? searchFragment({ ...s.c.site.searchLabels, lang: s.lang }) : [];
  const prepare = (nodes: ElementContent[]) => [...linkify(accessibleTables(nodes), page.path, t, page.links === true), ...searchForm];
  const written =
    searchForm.length === 0 ? writeMain(hastOf(page.tree).children as ElementContent[], page.path, t, page.links === true) : undefined;
  // Pages in the same folder share their chrome (the navigation marks the page it is on): it is written once for them.
  const nav = NAV.some(([to]) => to === page.path);
  const key = nav ? page.path : page.path.slice(0, page.path.lastIndexOf('/') + 1);
  let shell = shells.get(key);
  if (shell === undefined) {
    const doc = htmlOf(
      documentTree(
        TITLE,
        s.lang,
        opts.version,
        { stylesheet: relativeHref(page.path, STYLESHEET), chrome: chrome(page.path, s, opts, archive) },
        [{ type: 'text', value: MAIN }],
      ),
    );
    const [before, between, after] = doc.split(/\u0000[TM]\u0000/) as [string, string, string];
    shell = { before, between, after };
    shells.set(key, shell);
  }
  const main = written ?? htmlOf({ type: 'root', children: mainContent(page.tree, prepare) });
  return `${shell.before}${escapeText(page.title)}${shell.between}${main}${shell.after}\n`;
}

/** Where a page's title and main content go in its chrome, written once per folder; no text kd writes holds the character. */
const TITLE = '\u0000T\u0000';
const MAIN = '\u0000M\u0000';

type Shells = Map<string, { before: string; between: string; after: string }>;

/** The site's navigation: the start page, the registers and search. */
const NAV = [['index.html'], ['decisions/index.html'], ['assignments/index.html'], ['search.html']] as const;

/** The skip link and navigation above a page's content, and the footer below it. */
function chrome(path: string, s: Style, opts: SiteOptions, archive: Archive): { header: ElementContent[]; footer: ElementContent[] } {
  const c = s.c.site;
  const rel = (to: string) => relativeHref(path, to);
  const labels = [c.home, c.decisionsTitle, c.assignmentsTitle.index, c.search];
  const header: ElementContent[] = [
    h('a', { class: 'skip', href: '#main' }, c.skip),
    h('header', { class: 'site' }, [
      h('nav', { 'aria-label': c.navigation }, [
        h(
          'ul',
          NAV.map(([to], i) => h('li', [h('a', { href: rel(to), ...(to === path ? { 'aria-current': 'page' } : {}) }, labels[i]!)])),
        ),
      ]),
    ]),
  ];
  const footer: ElementContent[] = [
    h('footer', { class: 'site' }, [
      h('p', [
        opts.public ? c.publicSite : c.internalSite,
        ' ',
        c.builtBy({ version: opts.version, date: longDate(s, opts.asOf), organisation: archive.config?.organisation ?? '' }),
      ]),
    ]),
  ];
  return { header, footer };
}

/** Every page's style, in one file: a page is its content, and a change of style rewrites one file. */
const STYLESHEET = 'kd.css';

const SITE_CSS = `
.skip { position: absolute; left: -999px; top: 0; padding: .5rem 1rem; background: var(--accent); color: #fff; z-index: 10; }
.skip:focus { left: .5rem; top: .5rem; }
header.site { border-bottom: 1px solid var(--line); background: var(--soft); }
header.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; max-width: 60rem; margin: 0 auto; padding: .75rem 2rem; }
header.site a { color: var(--accent); font-weight: 600; }
header.site a[aria-current="page"] { color: var(--ink); text-decoration: none; }
footer.site { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, main:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
main:focus { outline: none; }
form[role="search"] { margin: 1rem 0; }
form[role="search"] input { font: inherit; padding: .35rem .5rem; border: 1px solid var(--muted); border-radius: 4px; max-width: 100%; }
form[role="search"] button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; }
#kd-results ol { padding-left: 1.25rem; }
#kd-results li { margin: 0 0 .75rem; }
.kd-search-kind { margin-left: .4rem; font-size: .8rem; color: var(--muted); }
.kd-search-context { display: block; color: var(--muted); font-size: .9rem; }
@media screen and (max-width: 40rem) {
  header.site ul, footer.site { padding-left: 1rem; padding-right: 1rem; }
}
@media print {
  header.site, .skip, form[role="search"], #kd-results { display: none; }
}
`;
