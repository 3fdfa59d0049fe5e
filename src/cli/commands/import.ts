import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { KdError } from '../../archive/errors.js';
import { exists, PEOPLE_FILE } from '../../archive/read.js';
import { decodeText } from '../../archive/text.js';
import { Transaction } from '../../archive/transaction.js';
import { FileExistsError } from '../../archive/write.js';
import { parseLegacy } from '../../import/legacy.js';
import { looksLikeName, matchMunicipality, PeopleIndex } from '../../import/names.js';
import { draftFrontMatter, resolveDraft, type ImportDraft, type NewPerson } from '../../import/resolve.js';
import { slug } from '../../schema/index.js';
import { catalogue, type Catalogue, type Lang } from '../../i18n/index.js';
import { membersOn, type Archive, type NetworkRecord } from '../../model/index.js';
import { renderMarkdown } from '../../render/markdown.js';
import type { Person } from '../../schema/index.js';
import { displayPath, type Io } from '../io.js';
import { openArchive } from '../load.js';
import { today } from '../meta.js';
import { pickNetwork } from '../network.js';
import { checkDateOption, checkTimeOption } from '../options.js';

export interface ImportCliOptions {
  network?: string;
  dryRun?: boolean;
  addPeople?: boolean;
  format?: 'text' | 'json';
  date?: string;
  time?: string;
  place?: string;
  roster?: string;
  archive?: string;
  lang?: Lang;
}

interface FileOutcome {
  source: string;
  draft?: ImportDraft;
  text?: string;
  written: boolean;
  /** Why nothing was written. */
  problem?: string;
  notices: string[];
}

/** Reads a legacy file as text: UTF-8, a Windows-1252 file converted (with a notice), or a Word document. */
export async function readLegacy(file: string, c: Catalogue): Promise<{ text: string; notices: string[] }> {
  const bytes = await readFile(file);
  if (file.toLowerCase().endsWith('.docx')) {
    const mammoth = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: bytes });
    return { text: result.value, notices: [] };
  }
  const decoded = decodeText(bytes);
  if (decoded.ok) return { text: decoded.text, notices: [] };
  const text = new TextDecoder('windows-1252').decode(bytes).replace(/\r\n?/g, '\n');
  return { text, notices: [c.import.converted] };
}

/** Adds people to people.yml, keeping its comments and layout, atomically. */
async function addPeople(root: string, people: { id: string; person: Person }[], tx: Transaction): Promise<void> {
  if (people.length === 0) return;
  const file = path.join(root, PEOPLE_FILE);
  const text = await readFile(file, 'utf8').catch(() => '');
  const doc: Document = parseDocument(text);
  for (const { id, person } of people) doc.set(id, doc.createNode(person, { flow: true }));
  await tx.replace(file, doc.toString({ lineWidth: 0 }));
}

export async function importCommand(files: string[], opts: ImportCliOptions, io: Io): Promise<number> {
  const { root, archive, lang } = await openArchive({ cwd: io.cwd, env: io.env, archive: opts.archive, lang: opts.lang });
  const c = catalogue(lang);
  const net = pickNetwork(archive, opts.network);
  if (opts.date !== undefined) checkDateOption('--date', opts.date, lang);
  if (opts.time !== undefined) checkTimeOption('--time', opts.time, lang);
  if (opts.roster !== undefined) return importRoster(path.resolve(io.cwd, opts.roster), opts.roster, root, archive, net, opts, io, c);
  if (files.length === 0) throw new KdError('missing-argument', { name: 'FILE…' });

  const index = new PeopleIndex(archive.people);
  const added = new Map<string, NewPerson>();
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    let read: { text: string; notices: string[] };
    try {
      read = await readLegacy(abs, c);
    } catch {
      outcomes.push({ source: file, written: false, problem: c.import.unreadable, notices: [] });
      continue;
    }
    const legacy = parseLegacy(read.text);
    const draft = resolveDraft(file, legacy, archive, index, added, {
      network: net,
      addPeople: opts.addPeople === true,
      ...(opts.date ? { date: opts.date } : {}),
      ...(opts.time ? { time: opts.time } : {}),
      ...(opts.place ? { place: opts.place } : {}),
      words: { unknownOrganisation: c.import.unknownOrganisation, notUnderstoodHeading: c.import.notUnderstoodHeading, importedFrom: c.import.importedFrom },
    });
    const cannot = draft.summary.missing.filter((m) => m === 'date' || m === 'time' || m === 'place');
    if (cannot.length > 0) {
      outcomes.push({ source: file, draft, written: false, problem: c.import.needs(cannot.map((m) => `--${m}`).join(', ')), notices: read.notices });
      continue;
    }
    const text = `---\n${draftFrontMatter(draft.data)}\n---\n\n${renderMarkdown(draft.body)}`;
    outcomes.push({ source: file, draft, text, written: false, notices: read.notices });
  }

  if (!opts.dryRun) {
    // A draft whose file already exists is not written, and its new people are not added.
    for (const o of outcomes) {
      if (o.text && o.draft && (await exists(path.join(root, ...o.draft.file.split('/'))))) {
        o.problem = c.cli.errors['file-exists']({ file: displayPath(root, io.cwd)(o.draft.file) });
        o.text = undefined;
      }
    }
    // People first: a protocol must never name someone people.yml lacks.
    // Everything is one transaction: a failed write undoes the others.
    await Transaction.run(async (tx) => {
      if (opts.addPeople) await addPeople(root, outcomes.flatMap((o) => (o.text && o.draft ? o.draft.newPeople : [])), tx);
      for (const o of outcomes) {
        if (!o.text || !o.draft) continue;
        try {
          await tx.create(path.join(root, ...o.draft.file.split('/')), o.text);
          o.written = true;
        } catch (error) {
          if (!(error instanceof FileExistsError)) throw error;
          o.problem = c.cli.errors['file-exists']({ file: displayPath(root, io.cwd)(o.draft.file) });
        }
      }
    });
  }

  const show = displayPath(root, io.cwd);
  if (opts.format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        outcomes.map((o) => ({
          source: o.source,
          file: o.draft?.file || null,
          written: o.written,
          problem: o.problem ?? null,
          notices: o.notices,
          summary: o.draft?.summary ?? null,
          newPeople: (o.draft?.newPeople ?? []).map((p) => ({ id: p.id, ...p.person })),
          ...(opts.dryRun ? { text: o.text ?? null } : {}),
        })),
        null,
        2,
      )}\n`,
    );
  } else {
    for (const o of outcomes) {
      if (opts.dryRun && o.text) io.stdout.write(`${o.text}\n`);
      io.stdout.write(summaryText(o, c, show, opts));
    }
  }
  return outcomes.some((o) => o.problem !== undefined) ? 1 : 0;
}

function summaryText(o: FileOutcome, c: Catalogue, show: (f: string) => string, opts: ImportCliOptions): string {
  const t = c.import;
  const out: string[] = [];
  const target = o.draft?.file ? show(o.draft.file) : '–';
  out.push(o.written ? t.wrote({ source: o.source, file: target }) : opts.dryRun && !o.problem ? t.wouldWrite({ source: o.source, file: target }) : t.notWritten({ source: o.source }));
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
    if (s.notOnRoster.length > 0) out.push(`  ${t.notOnRoster(s.notOnRoster.join(', '))}`);
    if (s.unmentioned.length > 0) out.push(`  ${t.unmentioned(s.unmentioned.join(', '))}`);
    for (const m of s.missing.filter((x) => x === 'chair' || x === 'secretary')) out.push(`  ${t.missing[m as 'chair' | 'secretary']}`);
    if (s.notUnderstood.length > 0) {
      out.push(`  ${t.notUnderstood(s.notUnderstood.length)}`);
      for (const u of s.notUnderstood) out.push(`    ${u.line}: ${u.text}`);
    }
  }
  return `${out.join('\n')}\n\n`;
}

/** A member list, one "Name, [tf,] Municipality kommun|stad" a line, into people.yml and the network's roster. */
async function importRoster(abs: string, shown: string, root: string, archive: Archive, net: NetworkRecord, opts: ImportCliOptions, io: Io, c: Catalogue): Promise<number> {
  let text: string;
  try {
    text = (await readLegacy(abs, c)).text;
  } catch {
    throw new KdError('path-missing', { path: shown });
  }
  const from = opts.date ?? today();
  const lines = text.split('\n');
  const heading = lines.findIndex((l) => /^(deltagare|medlemmar|ledamöter|förteckning över medlemmar)\s*:?\s*$/i.test(l.trim()));
  const index = new PeopleIndex(archive.people);
  const current = new Set(membersOn(net.config!, from).map((m) => m.person));
  const newPeople: { id: string; person: Person }[] = [];
  const members: { person: string; from: string; acting?: true }[] = [];
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
    const municipality = matchMunicipality(m[3]!, archive.config?.municipalities ?? []);
    if (!municipality) unknownMunicipalities.push(m[3]!.trim());
    let id = index.find(name);
    if (!id) {
      id = slug(name);
      for (let n = 2; Object.hasOwn(archive.people ?? {}, id) || newPeople.some((p) => p.id === id); n++) id = `${slug(name)}-${n}`;
      newPeople.push({ id, person: { name, ...(municipality ? { municipality } : { organisation: m[3]!.trim() }) } });
      index.add(id, name);
    }
    if (!current.has(id) && !members.some((x) => x.person === id)) members.push({ person: id, from, ...(m[2] ? { acting: true as const } : {}) });
  }
  if (!opts.dryRun) {
    await Transaction.run(async (tx) => {
      await addPeople(root, newPeople, tx);
      if (members.length > 0) {
        const file = path.join(root, ...net.file.split('/'));
        const doc = parseDocument(await readFile(file, 'utf8'));
        for (const member of members) doc.addIn(['roster'], doc.createNode(member, { flow: true }));
        await tx.replace(file, doc.toString({ lineWidth: 0 }));
      }
    });
  }
  const t = c.import;
  const out = [
    t.roster({ members: members.length, acting: members.filter((x) => x.acting).length, people: newPeople.length, file: displayPath(root, io.cwd)(net.file) }),
    ...(unknownMunicipalities.length > 0 ? [`  ${t.unknownMunicipalities([...new Set(unknownMunicipalities)].join(', '))}`] : []),
    ...(heading > 0 ? [`  ${t.skippedBefore(heading)}`] : []),
    ...(notUnderstood.length > 0 ? [`  ${t.notUnderstood(notUnderstood.length)}`, ...notUnderstood.map((u) => `    ${u.line}: ${u.text}`)] : []),
  ];
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify({ members, newPeople, notUnderstood, unknownMunicipalities }, null, 2)}\n`);
  else io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
