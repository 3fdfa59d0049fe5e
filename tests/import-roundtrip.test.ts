import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the generator is plain JavaScript, outside the typed sources
import { generate } from '../bench/generate.js';
import { type Knowledge, knowledge } from '../src/import/entries.js';
import { itemsOf, type LegacyProtocol, parseLegacy } from '../src/import/legacy.js';
import { normaliseName } from '../src/import/names.js';
import { loadArchive } from '../src/model/index.js';
import type { Decision } from '../src/schema/index.js';
import { type Attendee, CHOICES, type Meeting, PLAIN, type Style, styleArb, type Written, withChoice, write } from './roundtrip/write.js';

/**
 * The legacy reader, proved general by a round trip: meetings of a generated
 * archive are written as plain minutes in notations chosen at random (see
 * roundtrip/write.ts), read back with parseLegacy, and compared with the data.
 * One test asserts every field; the other prints the reader's accuracy per
 * field and per notation over the same kind of sample, for whoever improves
 * the reader, and which notations fail on their own. `FUZZ_RUNS=1000 npx
 * vitest run tests/import-roundtrip.test.ts` runs more cases;
 * `ROUNDTRIP_DUMP=/tmp/dir` also writes each sampled text and its
 * differences there.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 42);
/** Meetings per notation in the one-notation-at-a-time sweep of the accuracy report. */
const ALONE = 4;

let dir: string;
let meetings: Meeting[] = [];
let excluded = 0;
let k: Knowledge;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kd-roundtrip-'));
  const root = path.join(dir, 'archive');
  generate({ out: root, protocols: 80, seed: 11 });
  const archive = await loadArchive(root);
  const people = archive.people ?? {};
  const ref = (id: string) => {
    const p = people[id];
    if (!p) throw new Error(`unknown person ${id}`);
    return {
      name: p.name,
      ...(p.municipality ? { municipality: p.municipality } : {}),
      ...(p.organisation ? { organisation: p.organisation } : {}),
    };
  };
  const knownNames = new Set(Object.values(people).map((p) => normaliseName(p.name)));
  k = knowledge(archive.config?.municipalities ?? [], (name) => knownNames.has(normaliseName(name)));
  for (const record of archive.protocols) {
    const d = record.data;
    const att = d.attendance;
    const officer = (id: string): Partial<Attendee> => ({
      ...(id === d.chair ? { chair: true } : {}),
      ...(id === d.secretary ? { secretary: true } : {}),
    });
    const attendees: Attendee[] = [
      ...att.present.map((id) => ({ ...ref(id), category: 'present' as const, ...officer(id) })),
      ...att.partial.map((x) => {
        const [from, to] = String(x.items ?? '')
          .split('-')
          .map(Number);
        return {
          ...ref(x.person),
          category: 'partial' as const,
          ...(x.until ? { until: x.until } : {}),
          ...(x.items ? { items: { from: from!, to: to ?? from! } } : {}),
          ...officer(x.person),
        };
      }),
      ...att.remote.map((id) => ({ ...ref(id), category: 'remote' as const })),
      ...att.substitutes.map((x) => ({ ...ref(x.person), category: 'substitute' as const, substituteFor: ref(x.for) })),
      ...att.regrets.map((id) => ({ ...ref(id), category: 'regrets' as const })),
      ...att.absent.map((id) => ({ ...ref(id), category: 'absent' as const })),
    ];
    const guests = d.guests.map((g) => ({ name: g.name, organisation: g.organisation, ...(g.role ? { role: g.role } : {}) }));
    // Two people of one name at one meeting cannot be told apart in text: such meetings are left out.
    const names = [
      ...attendees.flatMap((a) => [a.name, ...(a.substituteFor ? [a.substituteFor.name] : [])]),
      ...guests.map((g) => g.name),
    ].map(normaliseName);
    if (new Set(names).size !== names.length) {
      excluded++;
      continue;
    }
    const body = (await readFile(path.join(root, record.file), 'utf8')).split(/^---$/m).slice(2).join('---');
    const sections = body.split(/^## \d+\. .*$/m).slice(1);
    const decision = (x: Decision) =>
      typeof x === 'string'
        ? { text: x }
        : { text: x.text, ...(x.owner ? { owner: ref(x.owner).name } : {}), ...(x.due ? { due: x.due } : {}) };
    meetings.push({
      file: record.file,
      network: archive.networks.get(record.folder)?.config?.name ?? record.folder,
      organisation: archive.config?.organisation ?? 'Förbundet',
      number: d.number,
      date: d.date,
      time: d.time,
      place: d.place,
      kind: d.kind,
      attendees,
      guests,
      items: d.items.map((it, i) => ({
        no: it.no,
        title: it.title,
        // The generator's prose is random words: a paragraph that happens to open as a decision ("Beslut att …") or a clause is left out.
        prose: (sections[i] ?? '')
          .split(/\n{2,}/)
          .map((x) => x.trim())
          .filter((x) => x !== '' && !x.startsWith('#') && !/^(?:beslut|att|och|samt)\b/i.test(x)),
        decisions: (it.decisions ?? it.agreements ?? []).map(decision),
      })),
    });
  }
  meetings = meetings.slice(0, 40);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// Comparison

/** Fields the property asserts; the others are measured and printed only. */
const HARD = [
  'date',
  'time',
  'place',
  'present-like',
  'regrets',
  'absent',
  'guests',
  'no extra names',
  'item count',
  'item title',
  'decisions per item',
  'owner',
  'due',
] as const;
const SOFT = ['partial note', 'substitute for', 'chair', 'secretary', 'noise removed', 'decision text', 'no duplicates'] as const;
type Field = (typeof HARD)[number] | (typeof SOFT)[number];

interface Check {
  field: Field;
  ok: boolean;
  detail: string;
}

const norm = (s: string) => normaliseName(s);
const groupOf = (a: Attendee) => (a.category === 'regrets' ? 'regrets' : a.category === 'absent' ? 'absent' : 'present-like');

function compare(m: Meeting, w: Written, p: LegacyProtocol, s: Style): Check[] {
  const checks: Check[] = [];
  const check = (field: Field, ok: boolean, detail: string) => checks.push({ field, ok, detail });
  const show = (x: unknown) => JSON.stringify(x);

  check('date', p.date === m.date, `date: expected ${m.date}, read ${show(p.date)}`);
  check('time', p.time === m.time, `time: expected ${m.time}, read ${show(p.time)}${p.timeStart ? ` (start ${p.timeStart})` : ''}`);
  check('place', p.place === m.place, `place: expected ${show(m.place)}, read ${show(p.place)}`);

  // Names, by group: each person in the right one and in no other.
  const read = {
    'present-like': [...p.present.map((x) => x.name), ...p.remote.map((x) => x.name), ...p.substitutes.map((x) => x.name)],
    regrets: p.regrets.map((x) => x.name),
    absent: p.absent.map((x) => x.name),
    guests: p.guests.map((x) => x.name),
  };
  const sets = Object.fromEntries(Object.entries(read).map(([g, names]) => [g, new Set(names.map(norm))])) as Record<
    keyof typeof read,
    Set<string>
  >;
  const where = (name: string) => (Object.keys(sets) as (keyof typeof read)[]).filter((g) => sets[g].has(norm(name)));
  const expected = new Map<string, keyof typeof read>();
  const written = new Map<string, string>();
  for (const [name, group] of [
    ...m.attendees.map((a) => [a.name, groupOf(a)] as const),
    ...m.guests.map((g) => [g.name, 'guests'] as const),
  ]) {
    expected.set(norm(name), group);
    written.set(norm(name), name);
  }
  for (const [key, group] of expected) {
    const name = written.get(key)!;
    const found = where(name);
    check(
      group,
      found.length === 1 && found[0] === group,
      `${name}: expected in ${group}, read in ${found.length > 0 ? found.join(' and ') : 'no list'}`,
    );
  }
  const extras = (Object.keys(read) as (keyof typeof read)[]).flatMap((g) =>
    read[g].filter((n) => expected.get(norm(n)) !== g).map((n) => `${show(n)} in ${g}`),
  );
  check('no extra names', extras.length === 0, `names read that the data does not have there: ${extras.join(', ')}`);
  for (const [g, names] of Object.entries(read)) {
    const dup = names.filter((n, i) => names.findIndex((x) => norm(x) === norm(n)) !== i);
    check('no duplicates', dup.length === 0, `${g} lists ${dup.join(', ')} more than once`);
  }

  // Partial attendance, substitutes, chair and secretary.
  const entryOf = (name: string) => [...p.present, ...p.remote].find((x) => norm(x.name) === norm(name));
  for (const a of m.attendees.filter((x) => x.category === 'partial')) {
    const e = entryOf(a.name);
    const ok = a.until
      ? e?.partial?.until === a.until
      : e?.partial !== undefined && itemsOf(e.partial, p.items) === `${a.items!.from}-${a.items!.to}`;
    check(
      'partial note',
      ok,
      `${a.name}: expected ${a.until ? `until ${a.until}` : `items ${a.items!.from}-${a.items!.to}`}, read ${show(e?.partial)}`,
    );
  }
  for (const a of m.attendees.filter((x) => x.category === 'substitute')) {
    const sub = p.substitutes.find((x) => norm(x.name) === norm(a.name));
    check(
      'substitute for',
      sub !== undefined && norm(sub.for) === norm(a.substituteFor!.name),
      `${a.name}: expected for ${a.substituteFor!.name}, read ${show(sub?.for)}`,
    );
  }
  if (s.officers !== 'none') {
    const chair = m.attendees.find((a) => a.chair);
    const secretary = m.attendees.find((a) => a.secretary);
    if (chair)
      check(
        'chair',
        p.chair !== undefined && norm(p.chair.name) === norm(chair.name),
        `chair: expected ${chair.name}, read ${show(p.chair?.name)}`,
      );
    if (secretary)
      check(
        'secretary',
        p.secretary !== undefined && norm(p.secretary.name) === norm(secretary.name),
        `secretary: expected ${secretary.name}, read ${show(p.secretary?.name)}`,
      );
  }
  const noise = p.noise.map((x) => x.text);
  for (const line of w.noise) {
    const at = noise.indexOf(line);
    check('noise removed', at >= 0, `noise line ${show(line)} was not taken out`);
    if (at >= 0) noise.splice(at, 1);
  }

  // Items, decisions, assignments.
  check(
    'item count',
    p.items.length === m.items.length,
    `items: expected ${m.items.length}, read ${p.items.length}: ${show(p.items.map((x) => x.title))}`,
  );
  m.items.forEach((it, i) => {
    const got = p.items[i];
    check('item title', got?.title === it.title, `item ${i + 1}: expected title ${show(it.title)}, read ${show(got?.title)}`);
    check(
      'decisions per item',
      got?.decisions.length === it.decisions.length,
      `item ${i + 1}: expected ${it.decisions.length} decisions, read ${got?.decisions.length ?? 0}: ${show(got?.decisions.map((d) => d.text))}`,
    );
    for (const d of it.decisions) {
      if (d.owner) {
        const found = got?.decisions.find((x) => x.owner !== undefined && norm(x.owner) === norm(d.owner!));
        check(
          'owner',
          found !== undefined,
          `item ${i + 1}: expected an assignment to ${d.owner}, read owners ${show(got?.decisions.map((x) => x.owner))}`,
        );
        if (d.due) check('due', found?.due === d.due, `item ${i + 1}: expected due ${d.due} for ${d.owner}, read ${show(found?.due)}`);
      } else {
        const found = got?.decisions.some((x) => x.text.replace(/\s+/g, ' ') === d.text);
        check(
          'decision text',
          found === true,
          `item ${i + 1}: expected decision ${show(d.text)}, read ${show(got?.decisions.map((x) => x.text))}`,
        );
      }
    }
  });
  return checks;
}

function roundTrip(index: number, style: Style) {
  const meeting = meetings[index % meetings.length]!;
  const written = write(meeting, style);
  const parsed = parseLegacy(written.text, k);
  return { meeting, written, parsed, checks: compare(meeting, written, parsed, style) };
}

const caseArb = fc.tuple(fc.nat(1000), styleArb);
const isHard = (c: Check) => (HARD as readonly string[]).includes(c.field);

describe('legacy minutes round trip', () => {
  it('has meetings to write', () => {
    expect(meetings.length).toBeGreaterThanOrEqual(20);
  });

  it(`reads back what was written, in any notation (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(caseArb, ([index, style]) => {
        const { meeting, written, checks } = roundTrip(index, style);
        const failed = checks.filter((c) => isHard(c) && !c.ok);
        if (failed.length > 0) {
          throw new Error(
            [
              `${failed.length} field(s) differ for ${meeting.file}:`,
              ...failed.map((c) => `  [${c.field}] ${c.detail}`),
              '--- text ---',
              written.text,
              '--- end ---',
            ].join('\n'),
          );
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('prints the accuracy per field and per notation', () => {
    const samples = fc.sample(caseArb, { seed: SEED, numRuns: RUNS });
    const byField = new Map<Field, { ok: number; all: number }>();
    // Per notation (style key = value): runs, and runs with a failed hard field.
    const byStyle = new Map<string, { runs: number; failed: number; fields: Map<Field, number> }>();
    let cleanRuns = 0;
    const dump = process.env.ROUNDTRIP_DUMP;
    if (dump) mkdirSync(dump, { recursive: true });
    for (const [run, [index, style]] of samples.entries()) {
      const { checks, written, meeting } = roundTrip(index, style);
      // ROUNDTRIP_DUMP=dir writes each case's text and its differences, to read them one by one.
      if (dump) {
        const diff = checks.filter((c) => !c.ok).map((c) => `${isHard(c) ? '' : '~'}[${c.field}] ${c.detail}`);
        writeFileSync(path.join(dump, `${String(run).padStart(4, '0')}.txt`), written.text);
        writeFileSync(
          path.join(dump, `${String(run).padStart(4, '0')}.diff`),
          `${meeting.file}\n${JSON.stringify(style)}\n${diff.join('\n')}\n`,
        );
      }
      for (const c of checks) {
        const f = byField.get(c.field) ?? { ok: 0, all: 0 };
        f.all++;
        if (c.ok) f.ok++;
        byField.set(c.field, f);
      }
      const failed = checks.filter((c) => isHard(c) && !c.ok);
      if (failed.length === 0) cleanRuns++;
      for (const [key, value] of Object.entries(style)) {
        const values = key === 'breaks' ? ['any'] : Array.isArray(value) ? [...new Set(value as string[])] : [String(value)];
        for (const v of values) {
          const id = `${key}=${v}`;
          const st = byStyle.get(id) ?? { runs: 0, failed: 0, fields: new Map() };
          st.runs++;
          if (failed.length > 0) st.failed++;
          for (const c of new Set(failed.map((x) => x.field))) st.fields.set(c, (st.fields.get(c) ?? 0) + 1);
          byStyle.set(id, st);
        }
      }
    }
    const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
    const lines = [
      `legacy round trip: ${samples.length} runs over ${meetings.length} meetings (${excluded} left out for a name shared by two people), seed ${SEED}`,
      `runs with every asserted field right: ${cleanRuns}/${samples.length} (${pct(cleanRuns, samples.length).trim()})`,
      'accuracy per field (asserted fields first):',
      ...[...HARD, ...SOFT].map((f) => {
        const x = byField.get(f) ?? { ok: 0, all: 0 };
        return `  ${(HARD as readonly string[]).includes(f) ? ' ' : '~'} ${f.padEnd(20)} ${pct(x.ok, x.all)}  (${x.ok}/${x.all})`;
      }),
      ...(samples.length < 300
        ? ['(notations most often in a failed run: printed from FUZZ_RUNS=300 on, fewer runs are too few to tell them apart)']
        : [
            `notations most often in a failed run (of ${samples.length - cleanRuns}; notations come together, so read this with the sweep below):`,
          ]),
      ...[...byStyle]
        .filter(() => samples.length >= 300)
        .filter(([, st]) => st.failed > 0 && st.runs >= 5 && st.failed / st.runs > (1.5 * (samples.length - cleanRuns)) / samples.length)
        .sort((a, b) => b[1].failed / b[1].runs - a[1].failed / a[1].runs)
        .slice(0, 12)
        .map(
          ([id, st]) =>
            `  ${id.padEnd(44)} ${pct(st.failed, st.runs)} of ${String(st.runs).padStart(3)}  ${[...st.fields].map(([f, n]) => `${f}×${n}`).join(', ')}`,
        ),
    ];
    // Each notation on its own, everything else plain, over a few meetings: what fails without help from the others.
    const alone: string[] = [];
    const plainFails = meetings.slice(0, ALONE).filter((_, i) => roundTrip(i, PLAIN).checks.some((c) => isHard(c) && !c.ok)).length;
    for (const [key, values] of Object.entries(CHOICES) as [keyof typeof CHOICES, readonly unknown[]][]) {
      for (const value of values) {
        const fields = new Map<Field, number>();
        let failed = 0;
        for (let i = 0; i < Math.min(ALONE, meetings.length); i++) {
          const bad = roundTrip(i, withChoice(key, value)).checks.filter((c) => isHard(c) && !c.ok);
          if (bad.length > 0) failed++;
          for (const f of new Set(bad.map((c) => c.field))) fields.set(f, (fields.get(f) ?? 0) + 1);
        }
        if (failed > 0)
          alone.push(
            `  ${`${key}=${String(value)}`.padEnd(44)} ${failed}/${ALONE}  ${[...fields].map(([f, n]) => `${f}×${n}`).join(', ')}`,
          );
      }
    }
    lines.push(
      `each notation alone, the rest plain (${ALONE} meetings each; plain itself fails ${plainFails}):`,
      ...(alone.length > 0 ? alone : ['  none fails']),
    );
    console.log(lines.join('\n'));
    expect(samples.length).toBe(RUNS);
  });
});
