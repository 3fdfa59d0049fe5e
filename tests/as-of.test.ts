import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, SAMPLE } from './helpers.js';

/**
 * The half-year summaries are presented at the June and December meetings,
 * before the half-year ends. As of that day, planned means planned up to it,
 * and the meetings after it are coming, not missed. In the sample's December,
 * KD-gruppen meets on the 13th, the competence network met on the 5th.
 */
const kd = async (...args: string[]) => {
  const out = await run([...args, '--archive', SAMPLE]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return out.stdout;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('--as-of: the report and the digest on the day they are presented', () => {
  it('the report as of 6 December 2019: eight meetings held of nine planned so far, KD-gruppen’s 13 December meeting coming', async () => {
    const md = await kd('report', '--half', '2019H2', '--as-of', '2019-12-06');
    expect(md).toContain('\nLäget den 6 december 2019: möten därefter räknas som kommande.\n');
    expect(md).toMatch(/\n\| Hållna möten +\| +8 \| +11 \| +−3 \|\n/);
    expect(md).toMatch(/\n\| Planerade möten enligt kalendern +\| +9 \| +11 \| +−2 \|\n/);
    expect(md).toContain('\n2 av 2 möten som planerats till och med 6 dec. 2019 hölls.\n');
    expect(md).toContain('\nKommande: 13 dec. 2019 (Kommunhuset, Sammanträdesrum Ivön, Bromölla).\n');
    // Nothing from after the day: KD-gruppen's December protocol is not in it.
    expect(md).not.toContain('kd-gruppen 8/2019');
    const json = JSON.parse(await kd('report', '--half', '2019H2', '--as-of', '2019-12-06', '--format', 'json')) as {
      asOf: string;
      overview: { meetingsHeld: number; meetingsPlanned: number };
      networks: { network: string; meetings: unknown[]; coming: { date: string }[] }[];
    };
    expect(json.asOf).toBe('2019-12-06');
    expect(json.overview).toMatchObject({ meetingsHeld: 8, meetingsPlanned: 9 });
    expect(json.networks.map((n) => [n.network, n.meetings.length, n.coming.map((m) => m.date)])).toEqual([
      ['kd-gruppen', 2, ['2019-12-13']],
      ['digital', 3, []],
      ['kompetens', 3, []],
    ]);
  });

  it('without --as-of, a report made on a day in the half-year is as of that day; after it, as of its end', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-12-13T09:00:00Z'));
    const presented = await kd('report', '--half', '2019H2');
    expect(presented).toContain('\nLäget den 13 december 2019: möten därefter räknas som kommande.\n');
    expect(presented).toContain('kd-gruppen 8/2019');
    vi.setSystemTime(new Date('2020-02-01T09:00:00Z'));
    const after = await kd('report', '--half', '2019H2');
    expect(after).not.toContain('Läget den');
    expect(after).toContain('\n3 av 3 planerade möten hölls.\n');
  });

  it('the digest as of 6 December 2019 says so, leaves out what came later and lists the meeting still to come', async () => {
    const md = await kd('digest', '--municipality', 'Hässleholm', '--half', '2019H2', '--as-of', '2019-12-06');
    expect(md.split('\n')[2]).toBe('Läget per 6 dec. 2019.');
    expect(md).not.toContain('kd-gruppen 8/2019');
    expect(md.slice(md.indexOf('## Kommande möten'))).toContain('13 dec. 2019');
  });

  it('a day outside the half-year is refused, naming the half-year’s first and last day', async () => {
    const out = await run(['report', '--half', '2019H2', '--as-of', '2020-01-01', '--archive', SAMPLE]);
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toBe('kd: --as-of 2020-01-01 ligger utanför halvåret, förväntade ett datum från 2019-07-01 till 2019-12-31.\n');
  });
});
