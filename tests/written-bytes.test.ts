import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveWith, findings, MINI, REPO, run, SAMPLE } from './helpers.js';

/**
 * The exact bytes kd writes into files a secretariat also edits by hand
 * (network.yml, people.yml) and of the drafts kd import writes. Other tests
 * look for pieces; these pin every byte, so that a change in how the YAML
 * is edited or serialised (quoting, flow style, comments, line ends) shows.
 */
const EXPECTED = path.join(REPO, 'tests', 'fixtures', 'expected', 'writes');
const LEGACY = path.join(REPO, 'tests', 'fixtures', 'legacy');

async function same(root: string, file: string, expected: string) {
  expect(await readFile(path.join(root, file), 'utf8'), file).toBe(await readFile(path.join(EXPECTED, expected), 'utf8'));
}

describe('the bytes kd writes', () => {
  it('kd roster rotate --write: ends the leaving terms, adds the incoming person and the term, keeps the comment', async () => {
    const root = await archiveWith(path.join(REPO, 'tests', 'fixtures', 'terms'));
    expect((await run(['roster', 'rotate', '--term', '2020-2021', '--share', '2/5', '--write'], { cwd: root })).code).toBe(0);
    await same(root, 'networks/grupp44/network.yml', 'rotate-network.yml');
  });

  it('kd import --roster: new people after the existing ones, members (one acting) after the roster', async () => {
    const root = await archiveWith(MINI, {
      'in/roster.txt': 'Medlemmar:\nEva Ek, Bjuv\nBo Berg, tf, Åstorp kommun\nNils Ny, Regionen\n',
    });
    expect((await run(['import', '--roster', 'in/roster.txt', '--network', 'grupp', '--date', '2019-07-01'], { cwd: root })).code).toBe(0);
    await same(root, 'people.yml', 'roster-people.yml');
    await same(root, 'networks/grupp/network.yml', 'roster-network.yml');
  });

  it('kd import --roster again: a new director ends the old membership the day before, every other byte stays, only the new one is pre-filled', async () => {
    const root = await archiveWith(SAMPLE, { 'in/roster.txt': 'Medlemmar\nNils Nyman, Hässleholms kommun\n' });
    const people = await readFile(path.join(root, 'people.yml'), 'utf8');
    const out = await run(['import', '--roster', 'in/roster.txt', '--network', 'kd-gruppen', '--date', '2020-01-01'], { cwd: root });
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').slice(0, 3)).toEqual([
      '1 medlem lades till i networks/kd-gruppen/network.yml; 1 ny person i people.yml.',
      '  Avslutade 1 medlemskap med to: 2019-12-31, dagen före förteckningens datum:',
      '    Göran Nilsson (Hässleholm), ersatt av Nils Nyman',
    ]);
    // The folded mission and rules, the lists written [a, b] and the other memberships as they were.
    await same(root, 'networks/kd-gruppen/network.yml', 'reimport-network.yml');
    expect(await readFile(path.join(root, 'people.yml'), 'utf8')).toBe(
      `${people}nils-nyman: { name: Nils Nyman, municipality: Hässleholm }\n`,
    );
    expect(await findings(root)).toEqual([]);
    const draft = await run(['new-protocol', '--network', 'kd-gruppen', '--dry-run'], { cwd: root });
    expect(draft.stdout).toContain('    - nils-nyman # Nils Nyman\n');
    expect(draft.stdout).not.toContain('goran-nilsson');
  });

  it('kd import --add-people: the draft, times quoted, and the new person in people.yml under its comment', async () => {
    const root = await archiveWith(MINI, {
      'networks/natverk/network.yml':
        'name: Nätverket\nmission: Prov.\ndecides: false\nsubstitutes: none\nroster:\n  - { person: anna-ahl, from: 2018-01-01 }\n  - { person: siv-sekr, from: 2018-01-01, role: secretary }\n',
      'people.yml': (s) => `# Personerna\n${s}`,
      'in/n.txt': await readFile(path.join(LEGACY, 'natverket-2019-05-20.txt'), 'utf8'),
      'in/nordvast.txt': await readFile(path.join(LEGACY, 'nordvast-3-2019.txt'), 'utf8'),
    });
    expect((await run(['import', 'in/n.txt', '--network', 'natverk', '--add-people'], { cwd: root })).code).toBe(0);
    expect((await run(['import', 'in/nordvast.txt', '--network', 'grupp'], { cwd: root })).code).toBe(0);
    await same(root, 'people.yml', 'import-people.yml');
    await same(root, 'networks/natverk/protocols/2019/2019-05-20-1.md', 'import-natverket.md');
    await same(root, 'networks/grupp/protocols/2019/2019-03-15-3.md', 'import-nordvast.md');
  });
});
