import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { archiveWith, REPO, replace, run, SAMPLE } from './helpers.js';

/**
 * tests/fixtures/registers: five meetings of one network in 2019, with a
 * member who joins in March (Ärla), one who leaves in April and is
 * represented by her personal substitute once (Zara), partial attendance
 * by time and by item, remote attendance, regrets and absence. Every
 * figure below was worked out by hand from those five protocols.
 */
const REG = path.join(REPO, 'tests', 'fixtures', 'registers');
const M = (date: string, n: number) => `networks/grupp/protocols/2019/${date}-${n}.md`;

async function json(args: string[], cwd = REG) {
  const out = await run([...args, '--format', 'json'], { cwd });
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout);
}

describe('the attendance register', () => {
  it('counts each person over the meetings held while on the roster', async () => {
    const [reg] = await json(['attendance']);
    const people = reg.people.map((p: Record<string, unknown>) => [
      p.person,
      p.meetings,
      p.attended,
      p.partial,
      p.remote,
      p.represented,
      p.regrets,
      p.absent,
      p.rate,
      p.inactive,
    ]);
    expect(people).toEqual([
      // person          meetings attended partial remote represented regrets absent rate   inactive
      ['bo-bjuvsson', 5, 2, 0, 0, 0, 2, 1, 0.4, true],
      ['siri-sekr', 5, 5, 0, 0, 0, 0, 0, 1, false],
      ['adam-zetterberg', 5, 5, 0, 0, 0, 0, 0, 1, false],
      ['ake-aberg', 5, 5, 1, 1, 0, 0, 0, 1, false],
      ['arla-arlig', 3, 3, 1, 0, 0, 0, 0, 1, false],
      ['zara-ohman', 4, 1, 0, 0, 1, 1, 1, 0.25, true],
    ]);
  });

  it('shows partial with its time or items, and who represented whom; only the meetings held while a member', async () => {
    const [reg] = await json(['attendance']);
    const ids = reg.meetings.map((m: { id: string }) => m.id);
    const row = (id: string) => reg.people.find((p: { person: string }) => p.person === id).attendance;
    expect(row('ake-aberg')[1]).toEqual({ meeting: ids[1], presence: 'partial', detail: '–10:30' });
    // Not a member at the first two meetings: no entry for them, rather than a null for every meeting of the history.
    expect(row('arla-arlig')).toEqual([
      { meeting: ids[2], presence: 'present' },
      { meeting: ids[3], presence: 'partial', detail: 'p. 1' },
      { meeting: ids[4], presence: 'present' },
    ]);
    expect(row('zara-ohman')[0]).toEqual({ meeting: ids[0], presence: 'represented', substitute: 'sune-sub' });
    expect(row('zara-ohman').map((a: { meeting: string }) => a.meeting)).not.toContain(ids[4]);
  });

  it('counts a municipality over the meetings where it had a member; a substitute represents but does not attend', async () => {
    const [reg] = await json(['attendance']);
    expect(reg.municipalities).toEqual([
      { municipality: 'Bjuv', meetings: 5, attended: 2, represented: 2, rate: 0.4, representationRate: 0.4 },
      { municipality: 'Ystad', meetings: 5, attended: 5, represented: 5, rate: 1, representationRate: 1 },
      { municipality: 'Åstorp', meetings: 5, attended: 5, represented: 5, rate: 1, representationRate: 1 },
      { municipality: 'Ängelholm', meetings: 3, attended: 3, represented: 3, rate: 1, representationRate: 1 },
      { municipality: 'Örkelljunga', meetings: 4, attended: 1, represented: 2, rate: 0.25, representationRate: 0.5 },
    ]);
    // Members of municipalities only: 5 + 5 + 5 + 4 + 3 member-meetings, 2 + 5 + 5 + 1 + 3 attended.
    expect([reg.memberMeetings, reg.attended, reg.rate]).toEqual([22, 16, 0.7273]);
  });

  it('sorts people by family name and municipalities with Swedish collation: Å, Ä, Ö after Z', async () => {
    const out = await run(['attendance'], { cwd: REG });
    const names = out.stdout
      .split('\n')
      .slice(3, 9)
      .map((l) => l.split(/\s{2,}/)[0]);
    expect(names).toEqual(['Bo Bjuvsson', 'Siri Sekr', 'Adam Zetterberg', 'Åke Åberg', 'Ärla Ärlig', 'Zara Öhman']);
    const municipalities = out.stdout
      .split('\n')
      .slice(13, 18)
      .map((l) => l.split(/\s{2,}/)[0]);
    expect(municipalities).toEqual(['Bjuv', 'Ystad', 'Åstorp', 'Ängelholm', 'Örkelljunga']);
  });

  it('filters by person, municipality and period', async () => {
    const [byPerson] = await json(['attendance', '--person', 'zara-ohman']);
    expect(byPerson.people.map((p: { person: string }) => p.person)).toEqual(['zara-ohman']);
    const [byMunicipality] = await json(['attendance', '--municipality', 'Bjuv']);
    expect(byMunicipality.municipalities.map((m: { municipality: string }) => m.municipality)).toEqual(['Bjuv']);
    const [march] = await json(['attendance', '--from', '2019-03-01', '--to', '2019-04-30']);
    expect(march.meetings.map((m: { id: string }) => m.id)).toEqual(['3/2019', '4/2019']);
    expect(march.people.find((p: { person: string }) => p.person === 'bo-bjuvsson')).toMatchObject({
      meetings: 2,
      attended: 0,
      inactive: false,
    });
  });
});

describe('decisions and assignments', () => {
  it('lists every decision with its stable id, date, item, owner and due date', async () => {
    const rows = await json(['decisions']);
    expect(rows.map((d: Record<string, unknown>) => [d.id, d.date, d.itemTitle, d.owner, d.due])).toEqual([
      ['grupp 1/2019 §1:1', '2019-01-15', 'Plan', null, null],
      ['grupp 1/2019 §2:1', '2019-01-15', 'Uppdrag', 'ake-aberg', '2019-02-28'],
      ['grupp 2/2019 §1:1', '2019-02-12', 'Underlag', 'bo-bjuvsson', '2019-03-31'],
      ['grupp 3/2019 §1:1', '2019-03-12', 'Information', null, null],
      ['grupp 4/2019 §1:1', '2019-04-09', 'Budget', 'sekretariatet', '2019-12-31'],
      ['grupp 5/2019 §1:1', '2019-05-14', 'Lokaler', null, null],
    ]);
    expect((await json(['decisions', '--grep', 'KVARNEN'])).map((d: { id: string }) => d.id)).toEqual([
      'grupp 2/2019 §1:1',
      'grupp 5/2019 §1:1',
    ]);
    expect((await json(['decisions', '--owner', 'sekretariatet'])).map((d: { id: string }) => d.id)).toEqual(['grupp 4/2019 §1:1']);
  });

  it('gives each assignment its status on the as-of date', async () => {
    const at = async (date: string) =>
      (await json(['assignments', '--as-of', date])).assignments.map((a: Record<string, unknown>) => [a.id, a.status, a.doneIn]);
    expect(await at('2019-04-15')).toEqual([
      ['grupp 1/2019 §2:1', 'done', 'grupp 2/2019 §1'],
      ['grupp 2/2019 §1:1', 'overdue', null],
      ['grupp 4/2019 §1:1', 'open', null],
    ]);
    expect(await at('2019-05-31')).toEqual([
      ['grupp 1/2019 §2:1', 'done', 'grupp 2/2019 §1'],
      ['grupp 2/2019 §1:1', 'done', 'grupp 5/2019 §1'],
      ['grupp 4/2019 §1:1', 'open', null],
    ]);
    // Not yet decided on the as-of date: not listed.
    expect(await at('2019-01-31')).toEqual([['grupp 1/2019 §2:1', 'open', null]]);
  });

  it('filters by status: --open includes the overdue, --overdue only those, --done the closed', async () => {
    const ids = async (flag: string) =>
      (await json(['assignments', flag, '--as-of', '2019-04-15'])).assignments.map((a: { id: string }) => a.id);
    expect(await ids('--open')).toEqual(['grupp 2/2019 §1:1', 'grupp 4/2019 §1:1']);
    expect(await ids('--overdue')).toEqual(['grupp 2/2019 §1:1']);
    expect(await ids('--done')).toEqual(['grupp 1/2019 §2:1']);
  });
});

describe('CSV for Swedish Excel', () => {
  it('round-trips through a CSV parser: BOM, semicolons, quotes and line breaks intact, formulas defused', async () => {
    const out = await run(['decisions', '--format', 'csv'], { cwd: REG });
    expect(out.stdout.startsWith('\uFEFFId;Datum;Typ;Punkt;Text;Ansvarig;Senast;Protokoll\r\n')).toBe(true);
    const rows: string[][] = parse(out.stdout, { delimiter: ';', bom: true, relax_column_count: false });
    expect(rows[0]).toEqual(['Id', 'Datum', 'Typ', 'Punkt', 'Text', 'Ansvarig', 'Senast', 'Protokoll']);
    expect(rows[3]).toEqual([
      'grupp 2/2019 §1:1',
      '2019-02-12',
      'beslut',
      'Underlag',
      'att Bo utreder lokalerna; särskilt "Kvarnen"\noch skolan.',
      'Bo Bjuvsson',
      '2019-03-31',
      'justerat',
    ]);
    expect(rows[5]![4]).toBe("'=SUMMA(A1:A3) är ingen formel här.");
  });

  it('writes rates with a decimal comma', async () => {
    const out = await run(['attendance', '--format', 'csv'], { cwd: REG });
    const rows: string[][] = parse(out.stdout, { delimiter: ';', bom: true });
    expect(rows.find((r) => r[1] === 'zara-ohman')).toEqual([
      'grupp',
      'zara-ohman',
      'Zara Öhman',
      'Örkelljunga',
      '4',
      '1',
      '0',
      '0',
      '1',
      '1',
      '1',
      '0,2500',
      'ja',
    ]);
  });
});

describe('kd index', () => {
  it('writes the registers, and --check then passes', async () => {
    const root = await archiveWith(REG);
    expect(await run(['index'], { cwd: root })).toEqual({ code: 0, stdout: 'Skrev 10 register i index.\n', stderr: '' });
    expect(await run(['index', '--check'], { cwd: root })).toEqual({
      code: 0,
      stdout: 'Alla 10 register stämmer med protokollen.\n',
      stderr: '',
    });
    expect(await run(['index'], { cwd: root })).toEqual({ code: 0, stdout: 'Registren i index var redan aktuella.\n', stderr: '' });
    const md = await readFile(path.join(root, 'index/grupp/assignments.md'), 'utf8');
    expect(md).toContain('Status per 14 maj 2019.');
  });

  it('--check names the stale registers and exits 1 after a protocol changes', async () => {
    const root = await archiveWith(REG);
    await run(['index'], { cwd: root });
    const changed = await archiveWith(root, { [M('2019-02-12', 2)]: replace('regrets: [bo-bjuvsson]', 'remote: [bo-bjuvsson]') });
    const out = await run(['index', '--check'], { cwd: changed });
    expect(out).toEqual({
      code: 1,
      stdout:
        'Inaktuella register:\n  index/grupp/attendance.md\n  index/grupp/attendance.json\n  index/grupp/attendance.csv\n  index/grupp/municipalities.csv\n',
      stderr:
        'kd: 4 register stämmer inte med protokollen. Kör kd index och checka in resultatet; med pre-commit-kroken på (git config core.hooksPath .githooks) sker det av sig självt.\n',
    });
  });

  it('the attendance register: the whole history in figures, then a table a year, the latest first, each with its members only', async () => {
    const next = 'networks/grupp/protocols/2020/2020-01-14-1.md';
    const root = await archiveWith(REG, {
      [next]: (await readFile(path.join(REG, M('2019-05-14', 5)), 'utf8'))
        .replace('number: 5', 'number: 1')
        .replace('date: 2019-05-14', 'date: 2020-01-14')
        .replace('    follows_up: ["grupp 2/2019 §1:1"]\n', ''),
    });
    expect((await run(['index'], { cwd: root })).code).toBe(0);
    const md = await readFile(path.join(root, 'index/grupp/attendance.md'), 'utf8');
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(['# Gruppen', '## Närvaro: Gruppen', '### Närvaro per kommun', '### Möten 2020', '### Möten 2019']);
    expect(md).toContain('6 möten, 15 jan. 2019 – 14 jan. 2020. Varje års möten står under året, det senaste först.');
    // The figures have no column a meeting; Zara Öhman left the group in April 2019: in the 2019 table, not in 2020's.
    const table = (heading: string) => md.slice(md.indexOf(heading)).split('\n\n')[2]!.split('\n');
    expect(table('## Närvaro: Gruppen')[0]).toBe('| Namn            | Kommun      | Närvaro | Andel | Inaktiv |');
    expect(table('### Möten 2020')[0]).toMatch(/^\| Namn +\| Kommun +\| 1\/2020 \| Närvaro \| Andel \|$/);
    expect(table('### Möten 2020').some((row) => row.includes('Zara Öhman'))).toBe(false);
    expect(table('### Möten 2019').some((row) => row.includes('Zara Öhman'))).toBe(true);
    // The CSV has a row a person and meeting held while a member: 6 members at each of the six meetings, 5 of them at
    // 1/2019 and 2/2019 (Arla Arlig joined in March), 5 at 5/2019 and 1/2020 (Zara Öhman left in April).
    const csv = parse(await readFile(path.join(root, 'index/grupp/attendance.csv'), 'utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(csv[0]).toEqual(['Person-id', 'Namn', 'Kommun', 'Protokoll', 'Datum', 'Deltagande', 'Del av mötet', 'Ersättare']);
    expect(
      csv
        .slice(1)
        .filter((r) => r[3] === '1/2020')
        .map((r) => r[0])
        .sort(),
    ).toEqual(['adam-zetterberg', 'ake-aberg', 'arla-arlig', 'bo-bjuvsson', 'siri-sekr'].sort());
    expect(csv.slice(1).find((r) => r[0] === 'zara-ohman' && r[3] === '1/2019')).toEqual([
      'zara-ohman',
      'Zara Öhman',
      'Örkelljunga',
      '1/2019',
      '2019-01-15',
      'ersatt (en ersättare deltog)',
      '',
      'sune-sub',
    ]);
  });

  it('again with nothing changed: the registers are found current by their stamp, not made again; a register edited by hand, a changed protocol or --check makes them', async () => {
    const { lastIndexStamp } = await import('../src/cli/commands/index-registers.js');
    const root = await archiveWith(REG);
    const env = { KD_CACHE: 'on', KD_CACHE_DIR: await mkdtemp(path.join(os.tmpdir(), 'kd-stamp-')) };
    const indexed = () => run(['index'], { cwd: root, env });
    expect(await indexed()).toMatchObject({ code: 0, stdout: 'Skrev 10 register i index.\n' });
    expect(lastIndexStamp()).toBe('made');
    expect(await indexed()).toMatchObject({ code: 0, stdout: 'Registren i index var redan aktuella.\n' });
    expect(lastIndexStamp()).toBe('used');
    // Edited by hand: written again, the edit undone.
    const register = path.join(root, 'index/grupp/decisions.md');
    const written = await readFile(register, 'utf8');
    await writeFile(register, written.replace('Gruppen', 'Gruppen (ändrad)'));
    expect(await indexed()).toMatchObject({ code: 0, stdout: 'Skrev 1 register i index.\n' });
    expect(lastIndexStamp()).toBe('made');
    expect(await readFile(register, 'utf8')).toBe(written);
    // A protocol changed: the registers it touches are made again.
    await writeFile(
      path.join(root, M('2019-02-12', 2)),
      replace('regrets: [bo-bjuvsson]', 'remote: [bo-bjuvsson]')(await readFile(path.join(root, M('2019-02-12', 2)), 'utf8')),
    );
    expect(await indexed()).toMatchObject({ code: 0, stdout: 'Skrev 4 register i index.\n' });
    expect(lastIndexStamp()).toBe('made');
    expect((await run(['index', '--check'], { cwd: root, env })).code).toBe(0);
    expect(lastIndexStamp()).toBe('none');
    // Another language is another set of inputs.
    expect(await run(['index', '--lang', 'en'], { cwd: root, env })).toMatchObject({ code: 0, stdout: 'Wrote 7 registers in index.\n' });
    expect(lastIndexStamp()).toBe('made');
  });

  it('keeps decision ids and rows stable when an unrelated protocol changes', async () => {
    const root = await archiveWith(REG);
    await run(['index'], { cwd: root });
    const before = JSON.parse(await readFile(path.join(root, 'index/grupp/decisions.json'), 'utf8'));
    const changed = await archiveWith(root, {
      [M('2019-03-12', 3)]: (s) =>
        replace('      - att notera informationen.\n', '      - att notera informationen.\n      - att bjuda in regionen.\n')(s),
    });
    await run(['index'], { cwd: changed });
    const after = JSON.parse(await readFile(path.join(changed, 'index/grupp/decisions.json'), 'utf8'));
    expect(after.filter((d: { id: string }) => !d.id.startsWith('grupp 3/'))).toEqual(
      before.filter((d: { id: string }) => !d.id.startsWith('grupp 3/')),
    );
    expect(after.map((d: { id: string }) => d.id)).toContain('grupp 3/2019 §1:2');
  });
});

describe('on the sample archive', () => {
  it('kd index writes the registers and --check then exits 0', async () => {
    const root = await archiveWith(SAMPLE);
    expect((await run(['index'], { cwd: root })).code).toBe(0);
    expect((await run(['index', '--check'], { cwd: root })).code).toBe(0);
  });

  it('the committed registers are current', async () => {
    expect((await run(['index', '--check', '--archive', 'archive'])).code).toBe(0);
  });

  const queries = [['attendance'], ['decisions'], ['assignments', '--as-of', '2019-12-31']];
  const formats = ['text', 'json', 'csv', 'md'];
  it.each(queries.flatMap((q) => formats.map((f) => [q, f] as const)))('kd %j answers in %s', async (query, format) => {
    const out = await run([...query, '--archive', 'archive', '--format', format]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.length).toBeGreaterThan(100);
    if (format === 'json') expect(() => JSON.parse(out.stdout)).not.toThrow();
    if (format === 'csv') expect(parse(out.stdout, { delimiter: ';', bom: true }).length).toBeGreaterThan(5);
  });

  it('--half 2019H1 keeps the first half-year', async () => {
    const regs = await json(['attendance', '--half', '2019H1', '--network', 'kd-gruppen'], REPO.concat('/archive'));
    expect(regs[0].meetings.map((m: { date: string }) => m.date)).toEqual([
      '2019-01-18',
      '2019-02-15',
      '2019-03-22',
      '2019-05-10',
      '2019-06-14',
    ]);
  });

  it.each([
    [
      ['attendance', '--half', '2019H3'],
      'kd: Oväntat ”2019H3” för --half, förväntade ett halvår på formen ÅÅÅÅH1 eller ÅÅÅÅH2, t.ex. 2019H1.\n',
    ],
    [['attendance', '--half', '2019H1', '--from', '2019-01-01'], 'kd: Flaggorna --half, --from/--to kan inte användas tillsammans.\n'],
    [['assignments', '--open', '--done'], 'kd: Flaggorna --open, --done kan inte användas tillsammans.\n'],
    [
      ['assignments', '--as-of', '2019-13-01'],
      'kd: Oväntat ”2019-13-01” för --as-of, förväntade en dag som finns i kalendern (februari har 28 dagar, 29 under skottår; april, juni, september och november har 30).\n',
    ],
    [
      ['decisions', '--network', 'okänt'],
      'kd: Okänt nätverk ”okänt”, förväntade id eller namn på ett av arkivets nätverk: digital, kd-gruppen, kompetens.\n',
    ],
    [['attendance', '--format', 'xlsx'], 'kd: Oväntat värde ”xlsx” för --format, förväntade text, json, csv, md.\n'],
  ])('kd %j exits 2 with one sentence', async (args, stderr) => {
    expect(await run([...args, '--archive', 'archive'])).toEqual({ code: 2, stdout: '', stderr });
  });
});
