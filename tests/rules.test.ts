import { describe, expect, it } from 'vitest';
import { archiveWith, type Change, type Found, findings, MINI, replace } from './helpers.js';

/**
 * Every rule of `kd check`, each with its not-ok example on the small
 * fixture archive in tests/fixtures/mini (whose files read clean: that is
 * every rule's ok example). Positions are 1-based line:column in the file.
 */
const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';
const NET = 'networks/grupp/network.yml';

interface Case {
  name: string;
  changes: Record<string, Change>;
  expected: Found[];
}

const f = (rule: string, file: string, line: number, column: number, extra: Partial<Found> = {}): Found => ({
  rule,
  file,
  line,
  column,
  severity: 'error',
  ...extra,
});

const cases: Case[] = [
  {
    name: 'unknown-person: an id not in people.yml (and so the secretary is not present)',
    changes: { [P2]: replace('present: [anna-ahl, siv-sekr]', 'present: [anna-ahl, siv-sekrr]') },
    expected: [
      f('officer-absent', P2, 10, 12, { key: 'secretary' }),
      f('roster-unaccounted', P2, 11, 1, { key: 'attendance' }),
      f('unknown-person', P2, 12, 23, { key: 'attendance.present[1]' }),
    ],
  },
  {
    name: 'network-mismatch: the protocol names another network than its folder',
    changes: { [P2]: replace('network: grupp', 'network: annat') },
    expected: [f('network-mismatch', P2, 2, 10, { key: 'network' })],
  },
  {
    name: 'unknown-municipality: a person of a municipality not in kd.yml',
    changes: { 'people.yml': replace('municipality: Bjuv', 'municipality: Bjuvv') },
    expected: [f('unknown-municipality', 'people.yml', 3, 17, { key: 'anna-ahl.municipality' })],
  },
  {
    name: 'officer-absent: the chair is not among those attending',
    changes: { [P2]: replace('chair: anna-ahl', 'chair: cilla-cox') },
    expected: [f('officer-absent', P2, 9, 8, { key: 'chair' })],
  },
  {
    name: 'chair-missing: a protocol (not notes) without a chair',
    changes: { [P2]: replace('chair: anna-ahl\n', '') },
    expected: [f('chair-missing', P2, 2, 1)],
  },
  {
    name: 'roster-unaccounted: a member on the date is not in the attendance',
    changes: { [P2]: replace('  partial:\n    - { person: bo-berg, until: "11:00" }\n', '') },
    expected: [f('roster-unaccounted', P2, 11, 1, { key: 'attendance' })],
  },
  {
    name: 'attendance-duplicate: one person in two categories',
    changes: { [P2]: replace('present: [anna-ahl, siv-sekr]', 'present: [anna-ahl, siv-sekr, bo-berg]') },
    expected: [f('attendance-duplicate', P2, 14, 17, { key: 'attendance.partial[0].person' })],
  },
  {
    name: 'not-on-roster: regrets from someone who is not a member (a warning)',
    changes: { [P2]: replace('  substitutes: [{ for: cilla-cox, person: dan-dahl }]', '  regrets: [dan-dahl]') },
    expected: [
      f('roster-unaccounted', P2, 11, 1, { key: 'attendance' }),
      f('not-on-roster', P2, 15, 13, { key: 'attendance.regrets[0]', severity: 'warning' }),
    ],
  },
  {
    name: 'substitute: not the personal substitute',
    changes: {
      'people.yml': (s) => `${s}eva-ek:\n  name: Eva Ek\n  municipality: Bjuv\n`,
      [P2]: replace('person: dan-dahl', 'person: eva-ek'),
    },
    expected: [f('substitute', P2, 15, 43, { key: 'attendance.substitutes[0].person' })],
  },
  {
    name: 'substitute: the network has no substitutes',
    changes: { [NET]: replace('substitutes: personal', 'substitutes: none') },
    expected: [f('substitute', P2, 15, 17, { key: 'attendance.substitutes[0]' })],
  },
  {
    name: 'file-name: the date in the file name is not the date of the meeting',
    changes: { [P2]: replace('date: 2019-02-14', 'date: 2019-02-15') },
    expected: [f('file-name', P2, 4, 7, { key: 'date' })],
  },
  {
    name: 'item-numbering: items not numbered 1..n (and so sections do not match)',
    changes: { [P2]: replace('  - no: 2', '  - no: 3') },
    expected: [
      f('section-missing', P2, 24, 5, { key: 'items[1]' }),
      f('item-numbering', P2, 24, 9, { key: 'items[1].no' }),
      f('section-extra', P2, 32, 1),
    ],
  },
  {
    name: 'section-missing: an item without its ## N. section',
    changes: { [P2]: replace('## 2. Regionens strategi\n\n', '') },
    expected: [f('section-missing', P2, 24, 5, { key: 'items[1]' })],
  },
  {
    name: 'section-extra: a section without an item',
    changes: { [P2]: (s) => `${s}\n## 3. Övrigt\n` },
    expected: [f('section-extra', P2, 36, 1)],
  },
  {
    name: 'section-title: the heading differs from the item title (a warning)',
    changes: { [P2]: replace('## 2. Regionens strategi', '## 2. Regional strategi') },
    expected: [f('section-title', P2, 32, 1, { key: 'items[1].title', severity: 'warning' })],
  },
  {
    name: 'decision-kind: decisions in a network that only makes agreements',
    changes: { [NET]: replace('decides: true', 'decides: false') },
    expected: [f('decision-kind', P1, 16, 5, { key: 'items[0].decisions' }), f('decision-kind', P2, 22, 5, { key: 'items[0].decisions' })],
  },
  {
    name: 'time-range: partial attendance until after the meeting ended',
    changes: { [P2]: replace('until: "11:00"', 'until: "13:00"') },
    expected: [f('time-range', P2, 14, 33, { key: 'attendance.partial[0].until' })],
  },
  {
    name: 'time-range: from after until',
    changes: { [P2]: replace('until: "11:00"', 'from: "11:00", until: "10:00"') },
    expected: [f('time-range', P2, 14, 48, { key: 'attendance.partial[0].until' })],
  },
  {
    name: 'item-range: partial items and guest items outside the item list',
    changes: {
      [P2]: (s) => replace('until: "11:00"', 'items: "2-3"')(replace('items: [2]', 'items: [3]')(s)),
    },
    expected: [
      f('item-range', P2, 14, 33, { key: 'attendance.partial[0].items' }),
      f('item-range', P2, 17, 55, { key: 'guests[0].items[0]' }),
    ],
  },
  {
    name: 'due-date: a due date before the meeting',
    changes: { [P1]: replace('due: 2019-02-14', 'due: 2019-01-09') },
    expected: [f('due-date', P1, 19, 14, { key: 'items[0].decisions[0].due' })],
  },
  {
    name: 'follows-up: a decision that does not exist',
    changes: { [P2]: replace('§1:1', '§1:3') },
    expected: [f('follows-up', P2, 21, 18, { key: 'items[0].follows_up[0]' })],
  },
  {
    name: 'follows-up: a decision that is not an assignment',
    changes: { [P2]: replace('§1:1', '§1:2') },
    expected: [f('follows-up', P2, 21, 18, { key: 'items[0].follows_up[0]' })],
  },
  {
    name: 'follows-up: a decision from a later meeting',
    changes: { [P1]: replace('    title: Budget\n', '    title: Budget\n    follows_up: ["grupp 2/2019 §1:1"]\n') },
    expected: [f('follows-up', P1, 16, 18, { key: 'items[0].follows_up[0]' })],
  },
  {
    name: 'roster-term: a term that ends before it starts',
    changes: { [NET]: replace('to: 2019-06-30', 'to: 2017-06-30') },
    expected: [f('roster-term', NET, 7, 46, { key: 'roster[1].to' })],
  },
  {
    name: 'roster-overlap: two terms of one person at once',
    changes: { [NET]: (s) => `${s}  - { person: anna-ahl, from: 2018-06-01 }\n` },
    expected: [f('roster-overlap', NET, 10, 31, { key: 'roster[4].from' })],
  },
  {
    name: 'calendar-duplicate: one date planned twice',
    changes: {
      'networks/grupp/calendar.yml': 'meetings:\n  - date: 2019-01-10\n  - date: 2019-01-10\n',
    },
    expected: [f('calendar-duplicate', 'networks/grupp/calendar.yml', 3, 11, { key: 'meetings[1].date' })],
  },
  {
    name: 'unknown-network: kd.yml names a default network that has no folder',
    changes: { 'kd.yml': (s) => `${s}default_network: styrgruppen\n` },
    expected: [f('unknown-network', 'kd.yml', 5, 18, { key: 'default_network' })],
  },
  {
    name: 'schema: an unknown key, at the key',
    changes: { [P2]: replace('place: Stadshuset, Bjuv\n', 'place: Stadshuset, Bjuv\ncolour: red\n') },
    expected: [f('schema', P2, 7, 1, { key: 'colour' })],
  },
  {
    name: 'schema: a missing key, at the mapping that should hold it',
    changes: { [P2]: replace('place: Stadshuset, Bjuv\n', '') },
    expected: [f('schema', P2, 2, 1, { key: 'place' })],
  },
  {
    name: 'schema: a value outside its set, and an impossible date',
    changes: { [P2]: (s) => replace('status: utkast', 'status: godkänt')(replace('date: 2019-02-14', 'date: 2019-02-30')(s)) },
    expected: [f('schema', P2, 4, 7, { key: 'date' }), f('schema', P2, 8, 9, { key: 'status' })],
  },
  {
    name: 'schema: a decision mapping with a bad due date points inside the mapping',
    changes: { [P1]: replace('due: 2019-02-14', 'due: 14/2') },
    expected: [f('schema', P1, 19, 14, { key: 'items[0].decisions[0].due' })],
  },
];

describe('kd check rules', () => {
  it('the fixture archive is clean: the ok example of every rule', async () => {
    expect(await findings(await archiveWith(MINI))).toEqual([]);
  });

  it.each(cases)('$name', async ({ changes, expected }) => {
    expect(await findings(await archiveWith(MINI, changes))).toEqual(expected);
  });

  it('number-duplicate: two protocols numbered 1 in one year', async () => {
    const dup = 'networks/grupp/protocols/2019/2019-02-14-1.md';
    const root = await archiveWith(MINI, { [P2]: null, [dup]: await renumbered(2, 1) });
    expect(await findings(root)).toEqual([f('number-duplicate', dup, 3, 9, { key: 'number' })]);
  });

  it('number-gap: a year that jumps from 1 to 3', async () => {
    const gap = 'networks/grupp/protocols/2019/2019-02-14-3.md';
    const root = await archiveWith(MINI, { [P2]: null, [gap]: await renumbered(2, 3) });
    expect(await findings(root)).toEqual([f('number-gap', gap, 3, 9, { key: 'number' })]);
  });

  it('number-order: numbers that run against the dates', async () => {
    const first = 'networks/grupp/protocols/2019/2019-01-10-2.md';
    const second = 'networks/grupp/protocols/2019/2019-02-14-1.md';
    const p1 = (await read(P1)).replace('number: 1', 'number: 2');
    const p2 = (await renumbered(2, 1)).replace('grupp 1/2019 §1:1', 'grupp 2/2019 §1:1');
    const root = await archiveWith(MINI, { [P1]: null, [P2]: null, [first]: p1, [second]: p2 });
    expect(await findings(root)).toEqual([f('number-order', first, 3, 9, { key: 'number' })]);
  });
});

async function read(rel: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  return readFile(path.join(MINI, rel), 'utf8');
}

async function renumbered(from: number, to: number): Promise<string> {
  return (await read(P2)).replace(`number: ${from}`, `number: ${to}`);
}
