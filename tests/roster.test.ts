import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { archiveWith, findings, REPO, replace, run } from './helpers.js';

/**
 * tests/fixtures/terms: Grupp 44 over three terms (2014-2015, 2016-2017 from
 * 1 February, 2018-2019), members joining and leaving between terms, an
 * acting member, a personal substitute who attends once, and three meetings
 * in the last term. Figures worked out by hand.
 */
const TERMS = path.join(REPO, 'tests', 'fixtures', 'terms');
const NET = 'networks/grupp44/network.yml';

async function json(args: string[], cwd = TERMS) {
  const out = await run([...args, '--format', 'json'], { cwd });
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout);
}

describe('kd roster', () => {
  it('on a date inside a term: who sits, since when, for how many terms', async () => {
    const r = await json(['roster', '--on', '2016-06-01']);
    expect(r.term.id).toBe('2016-2017');
    expect(r.seats.map((s: Record<string, unknown>) => [s.person, s.joined, s.termsServed, s.acting])).toEqual([
      ['a-ahl', '2014-11-01', 2, false],
      ['b-berg', '2014-11-01', 2, false],
      ['d-dahl', '2016-02-01', 1, false],
      ['e-ek', '2016-02-01', 1, true],
      ['siv', '2014-11-01', 2, false],
    ]);
  });

  it('on a date between terms: no term, and the members of that day', async () => {
    const r = await json(['roster', '--on', '2016-01-15']);
    expect(r.term).toBeNull();
    expect(r.seats.map((s: { person: string }) => s.person)).toEqual(['a-ahl', 'b-berg', 'siv']);
  });

  it('over a term: attendance, and how often the substitute came for the member', async () => {
    const r = await json(['roster', '--term', '2018-2019']);
    expect([r.meetingsHeld, r.meetingsPlanned, r.meetingsInCalendar]).toEqual([3, 3, 0]);
    expect(
      r.seats.map((s: Record<string, unknown>) => [
        s.person,
        s.termsServed,
        s.attended,
        s.meetings,
        s.substituteAttended,
        s.substitute ?? null,
      ]),
    ).toEqual([
      ['a-ahl', 3, 2, 3, 1, 's-sub'],
      ['b-berg', 3, 1, 3, 0, null],
      ['d-dahl', 2, 3, 3, 0, null],
      ['f-fors', 1, 3, 3, 0, null],
      ['g-gran', 1, 3, 3, 0, null],
      ['siv', 3, 3, 3, 0, null],
    ]);
  });

  it('an unknown term exits 2 naming the known ones', async () => {
    expect(await run(['roster', '--term', '2020'], { cwd: TERMS })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kd: Okänd mandatperiod ”2020”, förväntade en av: 2014-2015, 2016-2017, 2018-2019.\n',
    });
  });
});

describe('kd roster rotate', () => {
  it('proposes the longest-serving seats, ties broken by lower attendance, and the candidates who waited longest', async () => {
    const p = await json(['roster', 'rotate', '--term', '2020-2021', '--share', '2/5']);
    expect(p.next).toEqual({ id: '2020-2021', from: '2020-01-01', to: '2021-12-31', meetings: 3 });
    expect([p.seats, p.replace]).toEqual([5, 2]);
    // Ahl and Berg have sat equally long; Berg attended less, so Berg goes first.
    expect(p.leaving.map((l: { person: string }) => l.person)).toEqual(['b-berg', 'a-ahl']);
    // Hanna Holm never had a seat; Åstorp last sat until 2017; Klippan holds a seat, Båstad is leaving.
    expect(p.incoming).toEqual([
      { candidate: 'h-holm', kind: 'person' },
      { candidate: 'Åstorp', kind: 'municipality', lastSeat: '2017-12-31' },
    ]);
  });

  it('with equal tenure and attendance the name decides', async () => {
    const root = await archiveWith(TERMS, {
      'networks/grupp44/protocols/2019/2019-03-01-1.md': replace(
        '  substitutes: [{ for: a-ahl, person: s-sub }]\n  regrets: [b-berg]',
        '  regrets: [a-ahl, b-berg]',
      ),
      'networks/grupp44/protocols/2018/2018-09-01-2.md': replace(
        '  present: [a-ahl, d-dahl, f-fors, g-gran, siv]\n  regrets: [b-berg]',
        '  present: [b-berg, d-dahl, f-fors, g-gran, siv]\n  regrets: [a-ahl]',
      ),
    });
    const p = await json(['roster', 'rotate', '--term', '2020-2021', '--share', '1/5'], root);
    expect(p.leaving.map((l: { person: string }) => l.person)).toEqual(['a-ahl']);
  });

  it('--write adds the term and the new member, ends the leaving terms, keeps comments, and kd check accepts it', async () => {
    const root = await archiveWith(TERMS);
    const out = await run(['roster', 'rotate', '--term', '2020-2021', '--share', '2/5', '--write'], { cwd: root });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Skrev mandatperiod 2020-2021 till ${NET}.`);
    expect(out.stdout).toContain('Välj en person från Åstorp och lägg till personen i medlemslistan (roster).');
    const yml = await readFile(path.join(root, NET), 'utf8');
    expect(yml.startsWith('# Grupp 44: en tredjedel av platserna byts varje mandatperiod.\n')).toBe(true);
    expect(yml).toContain('  - { id: 2020-2021, from: 2020-01-01, to: 2021-12-31, meetings: 3 }');
    expect(yml).toContain('  - { person: a-ahl, from: 2014-11-01, to: 2019-12-31, role: chair, substitute: s-sub }');
    expect(yml).toContain('  - { person: h-holm, from: 2020-01-01 }');
    expect(await findings(root)).toEqual([]);
    // Never over an existing term.
    expect(await run(['roster', 'rotate', '--term', '2020-2021', '--write'], { cwd: root })).toMatchObject({
      code: 1,
      stderr: 'kd: Mandatperioden ”2020-2021” finns redan i network.yml och skrivs aldrig över.\n',
    });
  });
});

describe('kd roster rotate without --term', () => {
  it.each([
    ['2026-11-29T09:00:00Z', '2027-2030'],
    ['2027-01-10T09:00:00Z', '2031-2034'],
  ])('on %s: exit 2, and the next municipal term as the example (%s)', async (now, term) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(now));
    try {
      expect(await run(['roster', 'rotate'], { cwd: TERMS })).toEqual({
        code: 2,
        stdout: '',
        stderr: `kd: Uppgifter saknas: --term. Till exempel: kd roster rotate --term ${term}\n`,
      });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('terms in kd check', () => {
  it('an overlapping term and a roster date outside every term, with positions', async () => {
    const root = await archiveWith(TERMS, {
      [NET]: (s) =>
        replace(
          '{ id: 2016-2017, from: 2016-02-01',
          '{ id: 2016-2017, from: 2015-12-01',
        )(replace('{ person: g-gran, from: 2018-01-01 }', '{ person: g-gran, from: 2013-05-01 }')(s)),
    });
    expect((await findings(root)).map((f) => [f.rule, f.file, f.line, f.column, f.key])).toEqual([
      ['term-overlap', NET, 8, 28, 'terms[1].from'],
      ['roster-outside-terms', NET, 20, 29, 'roster[7].from'],
    ]);
  });
});

describe('kd roster turn', () => {
  it('names the regular representative and the reserve for a recorded year and the next', async () => {
    expect(await json(['roster', 'turn', '--year', '2019'])).toEqual([
      { year: 2019, regular: 'Svalöv', reserve: 'Bjuv' },
      { year: 2020, regular: 'Bjuv', reserve: 'Klippan' },
    ]);
    expect((await run(['roster', 'turn', '--year', '2021'], { cwd: TERMS })).stdout).toBe(
      '2021: ordinarie Klippan, reserv Svalöv.\n2022: ordinarie Svalöv, reserv Bjuv.\n',
    );
  });
});

describe('on the sample archive', () => {
  it('kd roster and kd roster rotate answer for the directors’ group, and --write is accepted by kd check', async () => {
    const root = await archiveWith(path.join(REPO, 'archive'));
    expect((await run(['roster', '--network', 'kd-gruppen', '--on', '2019-12-31'], { cwd: root })).code).toBe(0);
    const out = await run(['roster', 'rotate', '--network', 'kd-gruppen', '--term', '2023-2026', '--write'], { cwd: root });
    expect(out.stdout).toContain('3 av 10 platser byts efter period 2019-2022');
    expect(out.stdout).toContain('  - Sofie Ahlgren (aldrig haft plats)');
    expect((await findings(root)).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('meetings per term in the half-year report', () => {
  it('shows the term the period ends in, with meetings held against planned', async () => {
    const out = await run(['report', '--half', '2019H1'], { cwd: await archiveWith(TERMS) });
    expect(out.stdout).toContain('Grupp 44, mandatperiod 2018-2019: hittills har 3 av 3 planerade möten hållits.');
  });
});
