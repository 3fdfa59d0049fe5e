import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveWith, type Change, type Found, findings, NO_GIT, replace, run, SAMPLE } from './helpers.js';

const KD = (n: string) => `networks/kd-gruppen/protocols/2019/${n}.md`;
const KOMP = (n: string) => `networks/kompetens/protocols/2019/${n}.md`;
const DIG = (n: string) => `networks/digital/protocols/2019/${n}.md`;

const f = (rule: string, file: string, line: number, column: number, key?: string): Found => ({
  rule,
  file,
  line,
  column,
  severity: 'error',
  ...(key !== undefined ? { key } : {}),
});

describe('the sample archive', () => {
  it('checks clean: no findings, exit 0', async () => {
    const cli = await run(['check', '--archive', 'archive']);
    expect(cli).toEqual({ code: 0, stdout: 'Inga anmärkningar i 28 filer.\n', stderr: '' });
  });

  it('has three networks with at least six meetings each in 2019, the latest of each a draft', async () => {
    const out = await run(['check', '--archive', 'archive', '--format', 'json']);
    expect(JSON.parse(out.stdout).summary.filesChecked).toBe(28);
    const { loadArchive } = await import('../src/model/index.js');
    const archive = await loadArchive(SAMPLE);
    for (const net of archive.networks.values()) {
      expect(net.protocols.length).toBeGreaterThanOrEqual(6);
      const statuses = net.protocols.map((p) => p.data.status);
      expect(statuses.at(-1)).toBe('utkast');
      expect(statuses.slice(0, -1).every((s) => s === 'justerat')).toBe(true);
    }
    expect([...archive.networks.values()].map((n) => [n.id, n.config?.decides, n.config?.substitutes])).toEqual([
      ['digital', false, 'none'],
      ['kd-gruppen', true, 'personal'],
      ['kompetens', true, 'any'],
    ]);
  });
});

const breakages: { name: string; changes: Record<string, Change>; expected: Found[] }[] = [
  {
    name: 'a member dropped from the present list',
    changes: { [KD('2019-01-18-1')]: replace('    - helena-roos\n', '') },
    expected: [f('roster-unaccounted', KD('2019-01-18-1'), 11, 1, 'attendance')],
  },
  {
    name: 'a substitute who is not the member’s personal substitute',
    changes: { [KD('2019-02-15-2')]: replace('person: sofie-ahlgren', 'person: elin-sandberg') },
    expected: [f('substitute', KD('2019-02-15-2'), 23, 37, 'attendance.substitutes[0].person')],
  },
  {
    name: 'a substitute in the network that has none',
    changes: { [DIG('2019-03-28-2')]: replace('  absent: [maja-fors]', '  substitutes: [{ for: maja-fors, person: elin-sandberg }]') },
    expected: [f('substitute', DIG('2019-03-28-2'), 24, 17, 'attendance.substitutes[0]')],
  },
  {
    name: 'a protocol deleted from the middle of the year',
    changes: { [KOMP('2019-06-05-3')]: null },
    expected: [f('number-gap', KOMP('2019-09-05-4'), 3, 9, 'number')],
  },
  {
    name: 'a follow-up of a decision that does not exist',
    changes: { [KOMP('2019-09-05-4')]: replace('kompetens 2/2019 §3:1', 'kompetens 2/2019 §4:1') },
    expected: [f('follows-up', KOMP('2019-09-05-4'), 27, 18, 'items[0].follows_up[0]')],
  },
  {
    name: 'a roster term left open: the member is missing from every later meeting',
    changes: {
      'networks/kd-gruppen/network.yml': replace('lars-wiklund, from: 2018-01-01, to: 2019-05-31', 'lars-wiklund, from: 2018-01-01'),
    },
    // 7/2019 has a theme, so its attendance key is one line further down.
    expected: [
      f('roster-unaccounted', KD('2019-06-14-5'), 11, 1, 'attendance'),
      f('roster-unaccounted', KD('2019-09-13-6'), 11, 1, 'attendance'),
      f('roster-unaccounted', KD('2019-10-18-7'), 12, 1, 'attendance'),
      f('roster-unaccounted', KD('2019-12-13-8'), 11, 1, 'attendance'),
    ],
  },
  {
    name: 'an unknown key in people.yml',
    changes: { 'people.yml': replace('  title: Kommundirektör\n', '  title: Kommundirektör\n  telefon: 044-123456\n') },
    expected: [f('schema', 'people.yml', 6, 3, 'anna-hallberg.telefon')],
  },
  {
    name: 'a tab in network.yml',
    changes: { 'networks/kd-gruppen/network.yml': replace('roster:\n  - { person: anna-hallberg', 'roster:\n\t- { person: anna-hallberg') },
    expected: [f('yaml-syntax', 'networks/kd-gruppen/network.yml', 21, 1)],
  },
  {
    name: 'a section heading without its dot',
    changes: { [DIG('2019-03-28-2')]: replace('## 2. Kravbild för e-arkiv', '## 2 Kravbild för e-arkiv') },
    expected: [f('section-missing', DIG('2019-03-28-2'), 33, 5, 'items[1]')],
  },
  {
    name: 'executable front matter, which hides nothing else',
    changes: {
      [DIG('2019-05-23-3')]: '---js\n{ network: "digital" }\n---\n',
      [KD('2019-01-18-1')]: replace('until: "11:15"', 'until: "12:45"'),
    },
    expected: [f('front-matter', DIG('2019-05-23-3'), 1, 1), f('time-range', KD('2019-01-18-1'), 23, 39, 'attendance.partial[0].until')],
  },
];

describe('a broken copy of the sample archive', () => {
  it.each(breakages)('$name', async ({ changes, expected }) => {
    const root = await archiveWith(SAMPLE, changes);
    expect(await findings(root)).toEqual(expected);
    const cli = await run(['check'], { cwd: root });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toBe(NO_GIT);
  });

  it('check leaves every file as it was', async () => {
    const root = await archiveWith(SAMPLE, { [KD('2019-01-18-1')]: replace('    - helena-roos\n', '') });
    const file = path.join(root, KD('2019-01-18-1'));
    const before = await readFile(file);
    await run(['check'], { cwd: root });
    expect(await readFile(file)).toEqual(before);
  });
});
