import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as edit from '../../archive/edit.js';
import { withArchiveLock } from '../../archive/lock.js';
import { archivePath } from '../../archive/paths.js';
import { CONFIG_FILE, exists, findRoot, MAX_FILE_BYTES, PEOPLE_FILE } from '../../archive/read.js';
import { decodeText } from '../../archive/text.js';
import { Transaction } from '../../archive/transaction.js';
import { FileExistsError } from '../../archive/write.js';
import { KdError } from '../../core/errors.js';
import { type Catalogue, catalogue } from '../../i18n/index.js';
import { knowledge } from '../../import/entries.js';
import { parseLegacy } from '../../import/legacy.js';
import { looksLikeName, municipalityOf, PeopleIndex } from '../../import/names.js';
import { type ImportDraft, type NewPerson, resolveDraft } from '../../import/resolve.js';
import type { Archive, NetworkRecord } from '../../model/index.js';
import { addDays } from '../../query/period.js';
import { byName } from '../../query/sort.js';
import { SUMMARY_FORMATS } from '../../render/formats.js';
import { renderMarkdown } from '../../render/markdown.js';
import { columns, renderTextTable } from '../../render/table.js';
import { summaryReporters } from '../../render/views.js';
import type { Membership, Person } from '../../schema/index.js';
import { ID_RE, slug } from '../../schema/index.js';
import { argument, defineCommand, type Input, option } from '../command.js';
import { chalkFor, displayPath, type Io } from '../io.js';
import { openArchive } from '../load.js';
import { today } from '../meta.js';
import { date, dryRunOption, flag, formatOption, networkOption, placeOption, text, timeOption } from '../options.js';
import { pickNetwork } from '../resolve.js';

const importOptions = [
  networkOption,
  dryRunOption,
  option('--add-people', 'addPeople', flag),
  option('--roster <file>', 'roster', text),
  option('--date <date>', 'importDate', date.optional()),
  timeOption,
  placeOption,
  option('--absent-unmentioned', 'absentUnmentioned', flag),
  option('--complete', 'rosterComplete', flag),
  formatOption(SUMMARY_FORMATS, 'text'),
] as const;
type ImportCliOptions = Input<[], typeof importOptions>;

/** The kinds of file kd import reads. */
const READABLE = /\.(txt|md|docx|pdf)$/i;

interface FileOutcome {
  source: string;
  draft?: ImportDraft;
  text?: string;
  written: boolean;
  /** Why nothing was written. */
  problem?: string;
  /** The archive file an earlier import of the same bytes made: nothing to do. */
  already?: string;
  notices: string[];
}

interface LegacyText {
  text: string;
  notices: string[];
  /** Lines the reader already knows are noise (a PDF's running headers and page numbers). */
  noise: Set<number>;
  sha256: string;
}

/** Largest legacy file read: minutes are small; a larger file is not minutes. */
const MAX_LEGACY_BYTES = 20 * 1024 * 1024;

/** A legacy file that cannot be read, with the sentence that says why. */
class LegacyUnreadable extends Error {}

/** Reads a legacy file as text: UTF-8, a Windows-1252 file converted (with a notice), a Word document, or a PDF's text layer. */
export async function readLegacy(file: string, c: Catalogue): Promise<LegacyText> {
  // Minutes are small, and what kd import writes must pass kd check: text longer than a protocol may be is not minutes.
  const TEXT_MAX = MAX_FILE_BYTES;
  const mib = (n: number) => `${n / (1024 * 1024)} MiB`;
  const bounded = (read: LegacyText): LegacyText => {
    if (read.text.length > TEXT_MAX) throw new LegacyUnreadable(c.import.textTooLong(TEXT_MAX));
    return read;
  };

  if ((await stat(file)).size > MAX_LEGACY_BYTES) throw new LegacyUnreadable(c.import.tooLarge);
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lower = file.toLowerCase();
  if (lower.endsWith('.docx')) {
    const { checkZip, DocxError, DOCX_MAX_EXPANDED, DOCX_MAX_XML } = await import('../../import/docx.js');
    try {
      checkZip(bytes);
    } catch (error) {
      if (!(error instanceof DocxError)) throw error;
      throw new LegacyUnreadable(
        error.kind === 'too-large' ? c.import.docxTooLarge({ max: mib(DOCX_MAX_EXPANDED), xml: mib(DOCX_MAX_XML) }) : c.import.unreadable,
      );
    }
    const mammoth = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: bytes });
    return bounded({ text: result.value, notices: [], noise: new Set(), sha256 });
  }
  if (lower.endsWith('.pdf')) {
    const { readPdf, PdfNoTextError } = await import('../../import/pdf.js');
    let read: LegacyText;
    try {
      const pdf = await readPdf(new Uint8Array(bytes));
      // The removed lines go back in at their places, marked as noise, so every line number is the PDF text's own.
      const kept = pdf.text.split('\n');
      const removed = new Map(pdf.noise.map((n) => [n.line, n.text]));
      const all: string[] = [];
      for (let n = 1, k = 0; k < kept.length || removed.has(n); n++) all.push(removed.get(n) ?? kept[k++]!);
      read = { text: all.join('\n'), notices: [], noise: new Set(removed.keys()), sha256 };
    } catch (error) {
      throw new LegacyUnreadable(error instanceof PdfNoTextError ? c.import.pdfNoText : c.import.pdfUnreadable);
    }
    return bounded(read);
  }
  const decoded = decodeText(bytes);
  if (decoded.ok) return bounded({ text: decoded.text, notices: [], noise: new Set(), sha256 });
  const text = new TextDecoder('windows-1252').decode(bytes).replace(/\r\n?/g, '\n');
  return bounded({ text, notices: [c.import.converted], noise: new Set(), sha256 });
}

/** The files named, with each folder's readable files in name order (not recursive). */
async function expand(args: string[], cwd: string): Promise<{ files: string[]; skipped: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw new KdError('path-missing', { path: arg });
    if (!info.isDirectory()) {
      files.push(arg);
      continue;
    }
    const names = (await readdir(abs, { withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => d.name)
      .sort(new Intl.Collator('sv', { numeric: true }).compare);
    for (const name of names) (READABLE.test(name) ? files : skipped).push(path.join(arg, name));
  }
  return { files, skipped };
}

/** Adds people to people.yml, keeping its comments and layout, atomically. */
async function addPeople(root: string, people: { id: string; person: Person }[], tx: Transaction): Promise<void> {
  if (people.length === 0) return;
  const file = await archivePath(root, PEOPLE_FILE);
  const text = await readFile(file, 'utf8').catch(() => '');
  await tx.replace(file, edit.addPeople(text, people));
}

/** Declares assignment owners that are not people (`sekretariatet`) in kd.yml, keeping its comments and layout. */
async function addOwners(root: string, labels: string[], tx: Transaction): Promise<void> {
  const ids = [...new Set(labels)].filter((l) => ID_RE.test(l));
  if (ids.length === 0) return;
  const file = await archivePath(root, CONFIG_FILE);
  await tx.replace(file, edit.addOwners(await readFile(file, 'utf8'), ids));
}

export const importCommand = defineCommand('import', 'import', {
  arguments: [argument('[files...]', 'options.importFiles')],
  options: importOptions,
  async run({ files, ...opts }, io) {
    if (opts.dryRun) return importFiles(files, opts, io);
    // The archive is read, numbered and written under its lock: two imports at once never take the same number or id.
    const root = await findRoot({ cwd: io.cwd, archive: opts.archive, env: io.env });
    return withArchiveLock({ root, lang: opts.lang, io }, () => importFiles(files, opts, io));
  },
});

async function importFiles(files: string[], opts: ImportCliOptions, io: Io): Promise<number> {
  const { root, archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
  const c = catalogue(lang);
  const net = pickNetwork(archive, opts.network);
  // Adding to a people.yml or network.yml that does not validate would rewrite it from what kd could read, and lose the rest.
  const broken = (file: string) => archive.files.some((f) => f.path === file && f.findings.some((x) => x.severity === 'error'));
  if ((opts.addPeople || opts.roster !== undefined) && broken(PEOPLE_FILE)) throw new KdError('people-invalid', { file: PEOPLE_FILE });
  if (opts.roster !== undefined && broken(net.file)) throw new KdError('people-invalid', { file: net.file });
  if (opts.roster !== undefined) return importRoster(path.resolve(io.cwd, opts.roster), opts.roster, root, archive, net, opts, io, c);
  if (files.length === 0) throw new KdError('missing-argument', { name: 'FILE…' });
  const { files: inputs, skipped } = await expand(files, io.cwd);

  const index = new PeopleIndex(archive.people);
  const added = new Map<string, NewPerson>();
  const outcomes: FileOutcome[] = [];
  // A file imported before carries its hash in the draft: a second run recognises it instead of failing or duplicating.
  const imported = new Map(archive.protocols.flatMap((p) => (p.data.source ? [[p.data.source.sha256, p.file] as const] : [])));
  const progress = io.stderr.isTTY === true && inputs.length > 1;
  const numbers = new Map<string, number>();
  for (const [n, file] of inputs.entries()) {
    if (progress) io.stderr.write(`\r${c.import.progress({ n: n + 1, total: inputs.length, file })}\x1b[K`);
    const abs = path.resolve(io.cwd, file);
    let read: LegacyText;
    try {
      read = await readLegacy(abs, c);
    } catch (error) {
      outcomes.push({
        source: file,
        written: false,
        problem: error instanceof LegacyUnreadable ? error.message : c.import.unreadable,
        notices: [],
      });
      continue;
    }
    const earlier = imported.get(read.sha256);
    if (earlier) {
      outcomes.push({ source: file, written: false, already: earlier, notices: [] });
      continue;
    }
    const legacy = parseLegacy(
      read.text,
      knowledge(archive.config?.municipalities ?? [], (name) => index.find(name) !== undefined),
      read.noise,
    );
    const draft = resolveDraft(file, legacy, archive, index, added, {
      network: net,
      addPeople: opts.addPeople === true,
      absentUnmentioned: opts.absentUnmentioned === true,
      numbers,
      ...(opts.date ? { date: opts.date } : {}),
      ...(opts.time ? { time: opts.time } : {}),
      ...(opts.place ? { place: opts.place } : {}),
      words: {
        unknownOrganisation: c.import.unknownOrganisation,
        notUnderstoodHeading: c.import.notUnderstoodHeading,
        importedFrom: c.import.importedFrom,
      },
    });
    // Only the date is needed to write a draft (it names the file); a missing time or place becomes a TODO.
    const cannot = draft.summary.missing.filter((m) => m === 'date');
    if (cannot.length > 0) {
      outcomes.push({
        source: file,
        draft,
        written: false,
        problem: c.import.needs(cannot.map((m) => `--${m}`).join(', ')),
        notices: read.notices,
      });
      continue;
    }
    draft.data.source = { file: path.basename(file), sha256: read.sha256 };
    const text = edit.protocolText(draft.data, renderMarkdown(draft.body));
    outcomes.push({ source: file, draft, text, written: false, notices: read.notices });
    imported.set(read.sha256, draft.file);
  }
  if (progress) io.stderr.write('\r\x1b[K');

  if (!opts.dryRun) {
    // A draft whose file already exists is not written, and its new people are not added.
    for (const o of outcomes) {
      if (o.text && o.draft && (await exists(await archivePath(root, o.draft.file)))) {
        o.problem = c.cli.errors['file-exists']({ file: displayPath(root, io.cwd)(o.draft.file) });
        o.text = undefined;
      }
    }
    // People first: a protocol must never name someone people.yml lacks.
    // Everything is one transaction: a failed write undoes the others.
    await Transaction.run(
      async (tx) => {
        if (opts.addPeople) {
          await addPeople(
            root,
            outcomes.flatMap((o) => (o.text && o.draft ? o.draft.newPeople : [])),
            tx,
          );
          await addOwners(
            root,
            outcomes.flatMap((o) => (o.text && o.draft ? o.draft.summary.unknownOwners : [])),
            tx,
          );
        }
        for (const o of outcomes) {
          if (!o.text || !o.draft) continue;
          try {
            await tx.create(await archivePath(root, o.draft.file), o.text);
            o.written = true;
          } catch (error) {
            if (!(error instanceof FileExistsError)) throw error;
            o.problem = c.cli.errors['file-exists']({ file: displayPath(root, io.cwd)(o.draft.file) });
          }
        }
      },
      { root, lang, io },
    );
  }

  const show = displayPath(root, io.cwd);
  const summary = () => {
    let out = '';
    for (const o of outcomes) {
      if (opts.dryRun && o.text) out += `${o.text}\n`;
      out += summaryText(o, c, show, opts);
    }
    if (skipped.length > 0) out += `${c.import.skipped(skipped.join(', '))}\n\n`;
    if (outcomes.length > 1) out += batchTable(outcomes, c, show, chalkFor(io.stdout, io.env, opts.color));
    return out;
  };
  const data = () =>
    outcomes.map((o) => ({
      source: o.source,
      file: o.draft?.file || null,
      written: o.written,
      problem: o.problem ?? null,
      already: o.already ?? null,
      notices: o.notices,
      summary: o.draft?.summary ?? null,
      newPeople: (o.draft?.newPeople ?? []).map((p) => ({ id: p.id, ...p.person })),
      ...(opts.dryRun ? { text: o.text ?? null } : {}),
    }));
  io.stdout.write(await summaryReporters[opts.format]({ json: data, text: summary }));
  return outcomes.some((o) => o.problem !== undefined) ? 1 : 0;
}

function summaryText(o: FileOutcome, c: Catalogue, show: (f: string) => string, opts: ImportCliOptions): string {
  const t = c.import;
  const out: string[] = [];
  const target = o.draft?.file ? show(o.draft.file) : '–';
  if (o.already) return `${t.already({ source: o.source, file: show(o.already) })}\n\n`;
  out.push(
    o.written
      ? t.wrote({ source: o.source, file: target })
      : opts.dryRun && !o.problem
        ? t.wouldWrite({ source: o.source, file: target })
        : t.notWritten({ source: o.source }),
  );
  for (const n of o.notices) out.push(`  ${n}`);
  if (o.problem) out.push(`  ${o.problem}`);
  const s = o.draft?.summary;
  if (s) {
    out.push(`  ${t.counts(s)}`);
    const names = [...new Map(s.unknownNames.map((u) => [u.name, u])).values()];
    if (names.length > 0) {
      out.push(`  ${opts.addPeople && o.written ? t.added(names.length) : t.unknown(names.length)}`);
      for (const u of names) out.push(`    ${u.line}: ${u.name}${u.id ? ` (${u.id})` : ''}`);
    }
    const declared = opts.addPeople && o.written ? s.unknownOwners.filter((l) => ID_RE.test(l)) : [];
    const undeclared = s.unknownOwners.filter((l) => !declared.includes(l));
    if (declared.length > 0) out.push(`  ${t.ownersAdded(declared.join(', '))}`);
    if (undeclared.length > 0) out.push(`  ${t.ownersUnknown(undeclared.join(', '))}`);
    if (s.notOnRoster.length > 0) out.push(`  ${t.notOnRoster(s.notOnRoster.join(', '))}`);
    if (s.unmentioned.length > 0) out.push(`  ${t.unmentioned(s.unmentioned.join(', '))}`);
    for (const m of s.missing) if (m === 'chair' || m === 'secretary') out.push(`  ${t.missing[m]}`);
    if (s.review.length > 0) {
      out.push(`  ${t.review(s.review.length)}`);
      for (const u of s.review) out.push(`    ${u.line}: ${u.text}`);
    }
    if (s.noise.length > 0) {
      out.push(`  ${t.noise(s.noise.length)}`);
      for (const u of s.noise) out.push(`    ${u.line}: ${u.text}`);
    }
    if (s.notUnderstood.length > 0) {
      out.push(`  ${t.notUnderstood(s.notUnderstood.length)}`);
      for (const u of s.notUnderstood) out.push(`    ${u.line}: ${u.text}`);
    }
    const todo = [
      ...s.missing.map((m) => t.todo[m]),
      ...(s.unmentioned.length > 0 ? [t.todo.unmentioned] : []),
      ...(s.review.length > 0 ? [t.todo.review] : []),
      ...(s.notUnderstood.length > 0 ? [t.todo.notUnderstood] : []),
    ];
    if (o.written || opts.dryRun) out.push(`  ${t.todoHeading}`, ...(todo.length > 0 ? todo : [t.todo.none]).map((x) => `    - ${x}`));
  }
  return `${out.join('\n')}\n\n`;
}

/** One row a file: what a batch brought in, and how much is left for the secretary. */
function batchTable(outcomes: FileOutcome[], c: Catalogue, show: (f: string) => string, chalk: ReturnType<typeof chalkFor>): string {
  const t = c.import.table;
  const rows = outcomes.map((o) => {
    const s = o.draft?.summary;
    const status = o.already ? t.already : o.problem ? t.notWritten : o.written ? t.written : t.dryRun;
    return [
      o.source,
      (o.draft?.data.date as string | undefined) ?? '–',
      s ? String(s.present + s.partial + s.remote) : '–',
      s ? String(s.regrets + s.absent) : '–',
      s ? String(s.guests) : '–',
      s ? String(s.items) : '–',
      s ? String(s.decisions) : '–',
      s ? String(s.notUnderstood.length + s.review.length) : '–',
      o.already ? show(o.already) : status,
    ];
  });
  return renderTextTable(
    {
      columns: columns(
        t,
        ['file', 'date', 'present', 'absent', 'guests', 'items', 'decisions', 'review', 'status'],
        ['present', 'absent', 'guests', 'items', 'decisions', 'review'],
      ),
      rows,
    },
    chalk,
  );
}

/** A membership a roster import ends, keeps in spite of the list, or leaves going on: who, and for which municipality or organisation. */
interface SeatHolder {
  person: string;
  name: string;
  /** The municipality, else the organisation, the person sits for. */
  seat: string;
}

/** How a seat is compared: a municipality by its name in kd.yml, an organisation without regard to case or spacing. */
const seatKey = (seat: string) => seat.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/**
 * A member list, one "Name, [tf,] Municipality kommun|stad" a line, into
 * people.yml and the network's roster, as of `--date`.
 *
 * A list is the members as of its date, one seat per municipality (or
 * organisation) as it names them. So a current member whose seat the list
 * gives to someone else leaves: the membership gets `to:` the day before.
 * A current member the list does not name, and whose seat nobody in it
 * takes, is only reported: a list can be partial, or a line in it not
 * understood, and ending a membership on such evidence would be wrong;
 * `--complete` says the list is the whole roster, and those end too. A role
 * (chair, vice chair, secretary) is the network's, not a municipality's
 * seat: it never ends here, and is reported when the list names another
 * person for the municipality.
 */
async function importRoster(
  abs: string,
  shown: string,
  root: string,
  archive: Archive,
  net: NetworkRecord,
  opts: ImportCliOptions,
  io: Io,
  c: Catalogue,
): Promise<number> {
  let text: string;
  try {
    text = (await readLegacy(abs, c)).text;
  } catch {
    throw new KdError('path-missing', { path: shown });
  }
  const from = opts.date ?? today();
  const endsOn = addDays(from, -1);
  const lines = text.split('\n');
  const heading = lines.findIndex((l) => /^(deltagare|medlemmar|ledamöter|förteckning över medlemmar)\s*:?\s*$/i.test(l.trim()));
  const index = new PeopleIndex(archive.people);
  const roster = net.config!.roster;
  const inForce = roster.flatMap((m, i) => (m.from <= from && (m.to === undefined || from <= m.to) ? [{ m, i }] : []));
  const current = new Set(inForce.map(({ m }) => m.person));
  const newPeople: { id: string; person: Person }[] = [];
  const members: { person: string; from: string; acting?: true }[] = [];
  /** Everyone the list names, with the seat it gives them. */
  const listed: { person: string; seat: string }[] = [];
  const notUnderstood: { line: number; text: string }[] = [];
  const unknownMunicipalities: string[] = [];
  for (let i = heading + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = /^(.+?),\s*(tf\.?,\s*)?(.+?)\.?$/i.exec(line);
    if (!m || !looksLikeName(m[1]!)) {
      notUnderstood.push({ line: i + 1, text: line });
      continue;
    }
    const name = m[1]!.trim();
    const municipality = municipalityOf(m[3]!, archive.config?.municipalities ?? []);
    if (!municipality) unknownMunicipalities.push(m[3]!.trim());
    let id = index.find(name);
    if (!id) {
      id = slug(name);
      for (let n = 2; Object.hasOwn(archive.people ?? {}, id) || newPeople.some((p) => p.id === id); n++) id = `${slug(name)}-${n}`;
      newPeople.push({ id, person: { name, ...(municipality ? { municipality } : { organisation: m[3]!.trim() }) } });
      index.add(id, name);
    }
    listed.push({ person: id, seat: seatKey(municipality ?? m[3]!) });
    if (!current.has(id) && !members.some((x) => x.person === id))
      members.push({ person: id, from, ...(m[2] ? { acting: true as const } : {}) });
  }

  // What the list says of each membership in force on its date whose person it does not name.
  const nameOf = (id: string) => archive.people?.[id]?.name ?? newPeople.find((p) => p.id === id)?.person.name ?? id;
  const named = new Set(listed.map((l) => l.person));
  const ended: (SeatHolder & { index: number; to: string; replacedBy: string[] })[] = [];
  const kept: (SeatHolder & { role: Membership['role']; replacedBy: string[] })[] = [];
  const sameDay: (SeatHolder & { from: string })[] = [];
  const unlisted: SeatHolder[] = [];
  for (const { m, i } of inForce) {
    if (named.has(m.person)) continue;
    const p = archive.people?.[m.person];
    const seat = p?.municipality ?? p?.organisation ?? '';
    const holder = { person: m.person, name: nameOf(m.person), seat };
    const replacedBy = seat === '' ? [] : [...new Set(listed.filter((l) => l.seat === seatKey(seat)).map((l) => l.person))];
    if (m.role !== 'member') {
      if (replacedBy.length > 0) kept.push({ ...holder, role: m.role, replacedBy });
    } else if (replacedBy.length === 0 && !opts.complete) unlisted.push(holder);
    else if (m.from > endsOn) sameDay.push({ ...holder, from: m.from });
    else ended.push({ ...holder, index: i, to: endsOn, replacedBy });
  }
  for (const list of [ended, kept, sameDay, unlisted]) list.sort(byName((x) => x.name));

  if (!opts.dryRun) {
    await Transaction.run(
      async (tx) => {
        await addPeople(root, newPeople, tx);
        if (members.length > 0 || ended.length > 0) {
          const file = await archivePath(root, net.file);
          const change = { ending: ended.map((e) => e.index), endsOn, joining: members };
          await tx.replace(file, edit.changeRoster(await readFile(file, 'utf8'), change));
        }
      },
      { root, lang: opts.lang ?? archive.config?.locale, io },
    );
  }
  const t = c.import;
  const roles = c.docs.roles;
  const names = (ids: string[]) => ids.map(nameOf).join(', ');
  const out = [
    t.roster({
      members: members.length,
      acting: members.filter((x) => x.acting).length,
      people: newPeople.length,
      file: displayPath(root, io.cwd)(net.file),
      dryRun: opts.dryRun === true,
    }),
    ...(ended.length > 0
      ? [
          `  ${t.rosterEnded({ n: ended.length, to: endsOn, dryRun: opts.dryRun === true })}`,
          ...ended.map((e) => `    ${t.rosterEndedLine({ name: e.name, seat: e.seat, by: names(e.replacedBy) })}`),
        ]
      : []),
    ...sameDay.map((e) => `  ${t.rosterSameDay(e)}`),
    ...(kept.length > 0
      ? [
          `  ${t.rosterKept}`,
          ...kept.map((k) => `    ${t.rosterKeptLine({ name: k.name, seat: k.seat, role: roles[k.role], by: names(k.replacedBy) })}`),
        ]
      : []),
    ...(unlisted.length > 0
      ? [
          `  ${t.rosterUnlisted(unlisted.length)}`,
          ...unlisted.map((u) => `    ${u.name} (${u.seat})`),
          `  ${t.rosterComplete({ from, to: endsOn })}`,
        ]
      : []),
    ...(unknownMunicipalities.length > 0 ? [`  ${t.unknownMunicipalities([...new Set(unknownMunicipalities)].join(', '))}`] : []),
    ...(heading > 0 ? [`  ${t.skippedBefore(heading)}`] : []),
    ...(notUnderstood.length > 0
      ? [`  ${t.notUnderstood(notUnderstood.length)}`, ...notUnderstood.map((u) => `    ${u.line}: ${u.text}`)]
      : []),
  ];
  io.stdout.write(
    await summaryReporters[opts.format]({
      json: () => ({
        written: opts.dryRun !== true,
        members,
        newPeople,
        ended: ended.map(({ index: _, ...e }) => e),
        kept,
        sameDay,
        unlisted,
        notUnderstood,
        unknownMunicipalities,
      }),
      text: () => `${out.join('\n')}\n`,
    }),
  );
  return 0;
}
