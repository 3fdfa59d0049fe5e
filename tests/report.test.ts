import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { textWidth } from '../src/render/chart-text.js';
import { archiveWith, REPO, replace, run, SAMPLE } from './helpers.js';

const REG = path.join(REPO, 'tests', 'fixtures', 'registers');
const EXPECTED = path.join(REPO, 'tests', 'fixtures', 'expected');
const M2 = 'networks/grupp/protocols/2019/2019-02-12-2.md';

/** The report of a copy outside git, with kd's version masked. */
async function reportOf(root: string, args: string[]) {
  const out = await run(['report', ...args], { cwd: root });
  return { ...out, stdout: out.stdout.replace(/kd \d+\.\d+\.\d+/g, 'kd X.Y.Z') };
}

describe('kd report on a fixture worked by hand', () => {
  it('gives the overview: meetings held against planned, attendance, decisions and assignments', async () => {
    const out = await run(['report', '--half', '2019H1', '--format', 'json'], { cwd: await archiveWith(REG) });
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.period).toEqual({ from: '2019-01-01', to: '2019-06-30', half: '2019H1' });
    expect(report.builtFrom).toMatchObject({ commit: null, dirty: false });
    expect(report.overview).toEqual({
      meetingsHeld: 5,
      meetingsPlanned: 6,
      meetingsCancelled: 1,
      memberMeetings: 22,
      attended: 16,
      rate: 0.7273,
      decisions: 6,
      agreements: 0,
      takeHome: 0,
      guests: 0,
      assignmentsOpened: 3,
      assignmentsDone: 2,
      assignmentsOpen: 1,
      assignmentsOverdue: 0,
    });
    expect(report.previous).toBeNull();
    // One way of counting everywhere: the meetings' figures add up to the overview's (members from the municipalities, not the secretary).
    const meetings = (report.networks as { meetings: { attended: number; roster: number }[] }[]).flatMap((n) => n.meetings);
    expect(meetings.map((m) => `${m.attended}/${m.roster}`)).toEqual(['3/4', '2/4', '3/5', '4/5', '4/4']);
    expect(meetings.reduce((sum, m) => sum + m.attended, 0)).toBe(report.overview.attended);
    expect(meetings.reduce((sum, m) => sum + m.roster, 0)).toBe(report.overview.memberMeetings);
  });

  it('is the Markdown a secretary commits as reports/2019H1.md', async () => {
    const out = await reportOf(await archiveWith(REG), ['--half', '2019H1']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe((await readFile(path.join(EXPECTED, 'registers-2019H1.md'), 'utf8')).replace(/kd \d+\.\d+\.\d+/g, 'kd X.Y.Z'));
  });

  it('agrees exactly with kd attendance, kd decisions and kd assignments for the same period', async () => {
    const root = await archiveWith(SAMPLE);
    const report = JSON.parse((await run(['report', '--half', '2019H2', '--format', 'json'], { cwd: root })).stdout);
    const attendance = JSON.parse((await run(['attendance', '--half', '2019H2', '--format', 'json'], { cwd: root })).stdout);
    const decisions = JSON.parse((await run(['decisions', '--half', '2019H2', '--format', 'json'], { cwd: root })).stdout);
    const assignments = JSON.parse((await run(['assignments', '--as-of', '2019-12-31', '--format', 'json'], { cwd: root })).stdout);
    for (const net of report.networks) {
      const reg = attendance.find((r: { network: string }) => r.network === net.network);
      expect(net.attendance.rate).toBe(reg.rate);
      expect(net.attendance.people.map((p: { person: string; attended: number; rate: number }) => [p.person, p.attended, p.rate])).toEqual(
        reg.people.map((p: { person: string; attended: number; rate: number }) => [p.person, p.attended, p.rate]),
      );
      expect(net.decisions).toEqual(decisions.filter((d: { network: string }) => d.network === net.network));
      for (const a of net.assignments) expect(assignments.assignments).toContainEqual(a);
    }
    const byMunicipality = new Map<string, number[]>();
    for (const reg of attendance)
      for (const m of reg.municipalities) {
        const [meetings = 0, attended = 0] = byMunicipality.get(m.municipality) ?? [];
        byMunicipality.set(m.municipality, [meetings + m.meetings, attended + m.attended]);
      }
    expect(
      report.municipalities.map((m: { municipality: string; meetings: number; attended: number }) => [
        m.municipality,
        m.meetings,
        m.attended,
      ]),
    ).toEqual([...byMunicipality].map(([k, v]) => [k, ...v]).sort((a, b) => new Intl.Collator('sv').compare(String(a[0]), String(b[0]))));
    expect(report.overview.meetingsHeld).toBe(attendance.reduce((s: number, r: { meetings: unknown[] }) => s + r.meetings.length, 0));
    expect(report.overview.decisions + report.overview.agreements).toBe(decisions.length);
  });

  it('compares with the half-year before when it had meetings', async () => {
    const report = JSON.parse((await run(['report', '--half', '2019H2', '--format', 'json', '--archive', 'archive'])).stdout);
    expect(report.previous.period.half).toBe('2019H1');
    expect([report.previous.overview.meetingsHeld, report.overview.meetingsHeld]).toEqual([11, 9]);
    expect([report.overview.meetingsPlanned, report.overview.meetingsCancelled]).toEqual([10, 1]);
    expect([report.overview.assignmentsOpen, report.overview.assignmentsOverdue]).toEqual([3, 1]);
  });

  it('a period without meetings gives a short report that says so, exit 0', async () => {
    const out = await reportOf(await archiveWith(REG), ['--half', '2020H1']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Arkivet har inga protokoll från perioden.');
    expect(out.stdout).not.toContain('## Gruppen');
  });

  it('speaks English with --lang en', async () => {
    const out = await reportOf(await archiveWith(REG), ['--half', '2019H1', '--lang', 'en']);
    expect(out.stdout.split('\n')[0]).toBe('# Summary of the first half of 2019 – Förbundet');
    expect(out.stdout).toMatch(/\n\| Attendance \(members from the municipalities\) +\| +73% \|\n/);
  });

  it('--network limits the report to one network', async () => {
    const report = JSON.parse(
      (await run(['report', '--half', '2019H1', '--network', 'digital', '--format', 'json', '--archive', 'archive'])).stdout,
    );
    expect(report.networks.map((n: { network: string }) => n.network)).toEqual(['digital']);
    expect(report.overview.meetingsHeld).toBe(3);
  });

  it('says which commit it was built from when the archive is in git', async () => {
    const out = await run(['report', '--half', '2019H1', '--archive', 'archive']);
    expect(out.stdout).toMatch(/\nUnderlag: arkivet vid commit [0-9a-f]{12}( med ändringar som inte är incheckade)?, kd \d/);
  });
});

describe('bad input', () => {
  it.each(['2019H3', '19H1', '2019-H1'])('a malformed period %s exits 2 with the accepted form', async (half) => {
    expect(await run(['report', '--half', half, '--archive', 'archive'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `kd: Oväntat ”${half}” för --half, förväntade ett halvår på formen ÅÅÅÅH1 eller ÅÅÅÅH2, t.ex. 2019H1.\n`,
    });
  });

  it('no period at all exits 2 with one line saying how to give it, this half-year as the example', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-11-20T09:00:00Z'));
    try {
      expect(await run(['report', '--archive', 'archive'])).toEqual({
        code: 2,
        stdout: '',
        stderr: 'kd: Ange vilket halvår med --half, till exempel: kd report --half 2019H2 (H1 är januari–juni, H2 juli–december).\n',
      });
      expect((await run(['report', '--archive', 'archive', '--lang', 'en'])).stderr).toBe(
        'kd: Give the half-year with --half, for example: kd report --half 2019H2 (H1 is January–June, H2 July–December).\n',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('errors in a protocol of the period stop the report with the findings, exit 1', async () => {
    const root = await archiveWith(REG, { [M2]: replace('chair: adam-zetterberg', 'chair: bo-bjuvsson') });
    const out = await run(['report', '--half', '2019H1'], { cwd: root });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`${M2}:9:8  fel  [officer-absent] chair:`);
    expect(out.stderr).toMatch(/kd: Rapporten byggs inte: 1 fel i arkivet \(ovan\) rör perioden\./);
  });

  it('errors in a protocol of another period do not stop it', async () => {
    const root = await archiveWith(REG, { [M2]: replace('chair: adam-zetterberg', 'chair: bo-bjuvsson') });
    expect((await run(['report', '--half', '2019H2'], { cwd: root })).code).toBe(0);
  });
});

describe('--out', () => {
  it('writes the file, and refuses to overwrite it without --force', async () => {
    const root = await archiveWith(REG);
    expect(await run(['report', '--half', '2019H1', '--out', 'reports/2019H1.md'], { cwd: root })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const first = await readFile(path.join(root, 'reports/2019H1.md'), 'utf8');
    expect(first).toMatch(/^# Sammanställning av första halvåret 2019 – Förbundet\n/);
    await writeFile(path.join(root, 'reports/2019H1.md'), 'egna ändringar\n');
    expect(await run(['report', '--half', '2019H1', '--out', 'reports/2019H1.md'], { cwd: root })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kd: reports/2019H1.md finns redan; ange --force för att skriva över den.\n',
    });
    expect(await readFile(path.join(root, 'reports/2019H1.md'), 'utf8')).toBe('egna ändringar\n');
    expect((await run(['report', '--half', '2019H1', '--out', 'reports/2019H1.md', '--force'], { cwd: root })).code).toBe(0);
    expect(await readFile(path.join(root, 'reports/2019H1.md'), 'utf8')).toBe(first);
  });

  it('HTML is one self-contained page: no script, no external reference', async () => {
    const html = (await run(['report', '--half', '2019H1', '--format', 'html', '--archive', 'archive'])).stdout;
    expect(html).toMatch(/^<!doctype html><html lang="sv">/);
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\//i);
    expect(html.match(/<svg/g)).toHaveLength(2);
  });
});

describe('the meetings chart of the HTML report', () => {
  it('wraps a long network name onto lines that fit the chart: every word shown, nothing outside the viewBox', async () => {
    const name = 'Samverkansnätverket för digitalisering, e-förvaltning och gemensamma IT-tjänster i Skåne Nordost med omnejd';
    const root = await archiveWith(SAMPLE, {
      // No short name either, so the chart has only the long one to show.
      'networks/digital/network.yml': replace('name: Nätverket för digitalisering\nshort: Digitaliseringsnätverket\n', `name: ${name}\n`),
    });
    const html = (await run(['report', '--half', '2019H1', '--format', 'html'], { cwd: root })).stdout;
    const [, w, h, chart] = /<svg viewBox="0 0 (\d+) (\d+)"[^>]*class="chart-meetings">(.*?)<\/svg>/s.exec(html)!;
    const [width, height] = [Number(w), Number(h)];
    const [, y, body] = new RegExp(`<text x="0" y="([\\d.]+)"><title>${name}</title>(.*?)</text>`).exec(chart!)!;
    const lines = body!.split(/<tspan x="0" dy="18">|<\/tspan>/).filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ').split(' ')).toEqual(name.split(' '));
    // Each line fits the width, at the label font's size (15); the last baseline, and a descender under it, fit the height.
    for (const line of lines) expect(textWidth(line, 15), line).toBeLessThanOrEqual(width);
    expect(Number(y) + 18 * (lines.length - 1) + 4).toBeLessThanOrEqual(height);
    for (const m of chart!.matchAll(/<text x="([\d.]+)" y="([\d.]+)"/g)) expect(Number(m[2])).toBeLessThanOrEqual(height);
  });
});
