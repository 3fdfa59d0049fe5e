import type { RootContent } from 'mdast';
import type { Lang } from '../i18n/index.js';
import type { Archive } from '../model/index.js';
import { assignmentRows } from '../query/assignments.js';
import { attendanceRegisters } from '../query/attendance.js';
import { decisions } from '../query/decisions.js';
import { md, renderMarkdown } from './markdown.js';
import {
  assignmentJson,
  assignmentTable,
  attendanceCsv,
  attendanceJson,
  attendanceRegisterMarkdown,
  decisionJson,
  decisionTable,
  type FromProtocols,
  municipalityTable,
  rowsBlock,
  style,
} from './registers.js';
import { json } from './reporter.js';
import { renderCsv, type Table } from './table.js';

export const INDEX_DIR = 'index';

/** The date the assignment register is stated for when none is given: the latest meeting in the archive. */
export function defaultAsOf(archive: Archive): string {
  // biome-ignore lint/complexity/useMathMinMax: ISO dates, compared as strings
  return archive.protocols.reduce((latest, p) => (p.data.date > latest ? p.data.date : latest), '0000-01-01');
}

/**
 * Every register file of the archive, path → text. A pure function of the
 * protocols (no clock, no absolute paths), so `kd index --check` can compare
 * it with what is committed.
 */
export function indexFiles(archive: Archive, lang: Lang, asOf: string): Map<string, string> {
  const files = new Map<string, string>();
  const human = style(archive, lang);
  const iso = style(archive, lang, true);
  const r = human.c.registers;

  for (const reg of attendanceRegisters(archive)) {
    const dir = `${INDEX_DIR}/${reg.network}`;
    const name = human.networkName(reg.network);
    const generated = md.paragraph(md.strong(r.generated));
    /** A register's Markdown page: the network, that it is generated, the register's title and its table (or that there is none). */
    const page = (title: string, rows: FromProtocols, table: () => Table, empty: string, ...before: RootContent[]) =>
      renderMarkdown([md.heading(1, name), generated, md.heading(2, title), ...before, ...rowsBlock(rows, table, human, empty)]);
    // Who came to each meeting, a year at a time (see attendanceRegisterMarkdown).
    const years = [...new Set(reg.meetings.map((m) => m.date.slice(0, 4)))].map(
      (year) => attendanceRegisters(archive, { network: reg.network, period: { from: `${year}-01-01`, to: `${year}-12-31` } })[0]!,
    );
    files.set(`${dir}/attendance.md`, renderMarkdown([md.heading(1, name), generated, ...attendanceRegisterMarkdown(reg, years, human)]));
    files.set(`${dir}/attendance.json`, json(attendanceJson([reg])[0]));
    files.set(`${dir}/attendance.csv`, renderCsv(attendanceCsv(reg, iso)));
    files.set(`${dir}/municipalities.csv`, renderCsv(municipalityTable(reg, iso)));

    const rows = decisions(archive, { network: reg.network });
    files.set(
      `${dir}/decisions.md`,
      page(r.decisionsTitle, rows, () => decisionTable(rows, human), r.noDecisions),
    );
    files.set(`${dir}/decisions.json`, json(decisionJson(rows)));
    files.set(`${dir}/decisions.csv`, renderCsv(decisionTable(rows, iso)));

    const tasks = assignmentRows(archive, { network: reg.network, asOf });
    files.set(
      `${dir}/assignments.md`,
      page(r.assignmentsTitle, tasks, () => assignmentTable(tasks, human), r.noAssignments, md.paragraph(r.asOf(human.date(asOf)))),
    );
    files.set(`${dir}/assignments.json`, json({ asOf, assignments: assignmentJson(tasks) }));
    files.set(`${dir}/assignments.csv`, renderCsv(assignmentTable(tasks, iso)));
  }
  return files;
}
