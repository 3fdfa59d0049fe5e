import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveWith, findings, MINI, replace, run, SAMPLE, typed } from './helpers.js';

const NET = 'networks/grupp/network.yml';
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';
const at = (date: string, n: number) => `networks/grupp/protocols/${date.slice(0, 4)}/${date}-${n}.md`;
const meeting = ['--time', '13:00-15:00', '--place', 'Kommunhuset, Åstorp'];

/** The front matter of a dry run, as the lines a secretary sees. */
async function dryRun(root: string, args: string[]) {
  const out = await run(['new-protocol', '--dry-run', ...args], { cwd: root });
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return out.stdout;
}

describe('kd new-protocol on the sample archive', () => {
  it('prints the next calendar meeting of a network with today’s members and every open assignment, overdue first', async () => {
    const text = await dryRun(SAMPLE, ['--network', 'kd-gruppen']);
    expect(text).toBe(await readFile(path.join(import.meta.dirname, 'fixtures', 'expected', 'kd-gruppen-2020-01-24-1.md'), 'utf8'));
  });

  it('writes a file that kd check accepts, and says what is left to fill in', async () => {
    const root = await archiveWith(SAMPLE);
    const out = await run(['new-protocol', '--network', 'kompetens'], { cwd: root });
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').slice(0, 4)).toEqual([
      'Skapade networks/kompetens/protocols/2020/2020-02-06-1.md',
      '1 öppet uppdrag står under punkt 1.',
      '',
      'Att fylla i efter mötet:',
    ]);
    expect(await findings(root)).toEqual([]);
    const text = await readFile(path.join(root, 'networks/kompetens/protocols/2020/2020-02-06-1.md'), 'utf8');
    expect(text).toContain('    - oskar-hedlund # Oskar Hedlund\n');
    expect(text).not.toContain('rebecka-falk');
    expect(text).toContain('- kompetens 5/2019 §2:1: att Anders Palm utreder');
  });
});

describe('numbering and the file', () => {
  it('takes the next number after a gap, never the missing one', async () => {
    const root = await archiveWith(MINI, {
      [P2]: null,
      [at('2019-02-14', 3)]: (await readFile(path.join(MINI, P2), 'utf8')).replace('number: 2', 'number: 3'),
    });
    expect(await dryRun(root, ['--date', '2019-03-14', ...meeting])).toContain('\nnumber: 4\n');
  });

  it('starts again at 1 in a new year, in that year’s folder', async () => {
    const root = await archiveWith(MINI);
    const out = await run(['new-protocol', '--date', '2020-01-09', ...meeting], { cwd: root });
    expect(out.stdout.split('\n')[0]).toBe(`Skapade ${at('2020-01-09', 1)}`);
    expect(await findings(root)).toEqual([]);
  });

  it('never overwrites: an existing file is left byte-identical and named, exit 1', async () => {
    const target = at('2019-03-14', 3);
    const mine = Buffer.from('Sekretariatets egna anteckningar, inte ett protokoll än.\n');
    const root = await archiveWith(MINI, { [target]: mine });
    const out = await run(['new-protocol', '--date', '2019-03-14', ...meeting], { cwd: root });
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr: `kd: ${target} finns redan och skrivs aldrig över. Välj ett annat datum, eller flytta filen själv om den ska ersättas.\n`,
    });
    expect(await readFile(path.join(root, target))).toEqual(mine);
  });

  it('refuses a date before an existing protocol of the same year (numbers follow dates)', async () => {
    const out = await run(['new-protocol', '--date', '2019-02-01', ...meeting], { cwd: await archiveWith(MINI) });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      `kd: Mötet 2019-02-01 ligger före ${P2} samma år; numren måste följa datum, så protokollet kan inte läggas in här.\n`,
    );
  });
});

describe('members on the meeting’s date', () => {
  it('lists members whose term covers the date, not those who left, and new ones', async () => {
    const root = await archiveWith(MINI, { [NET]: (s) => `${s}  - { person: dan-dahl, from: 2019-07-01 }\n` });
    const june = await dryRun(root, ['--date', '2019-06-27', ...meeting]);
    expect(june).toContain('    - bo-berg # Bo Berg\n');
    expect(june).not.toContain('- dan-dahl');
    const july = await dryRun(root, ['--date', '2019-07-04', ...meeting]);
    expect(july).not.toContain('bo-berg');
    expect(july).toContain('    - dan-dahl # Dan Dahl\n');
  });

  it('marks an acting director', async () => {
    const root = await archiveWith(MINI, {
      [NET]: replace(
        '{ person: cilla-cox, from: 2018-01-01, substitute: dan-dahl }',
        '{ person: cilla-cox, from: 2018-01-01, acting: true }',
      ),
    });
    expect(await dryRun(root, ['--date', '2019-03-14', ...meeting])).toContain('    - cilla-cox # Cilla Cox, tf\n');
  });

  it('takes chair and secretary from the roster’s roles', async () => {
    const text = await dryRun(await archiveWith(MINI), ['--date', '2019-03-14', ...meeting]);
    expect(text).toContain('\nchair: anna-ahl\nsecretary: siv-sekr\n');
  });
});

describe('open assignments', () => {
  it('carries open ones and not those already followed up', async () => {
    const root = await archiveWith(MINI, {
      [P2]: replace(
        '      - att anta budgeten.\n',
        '      - att anta budgeten.\n      - { text: att Bo tar fram en lokalplan., owner: bo-berg, due: 2019-03-01 }\n      - { text: att Anna rapporterar., owner: anna-ahl, due: 2019-06-01 }\n',
      ),
    });
    const text = await dryRun(root, ['--date', '2019-03-14', ...meeting]);
    expect(text).toContain('    #follows_up: ["grupp 2/2019 §1:2", "grupp 2/2019 §1:3"]\n');
    expect(text).toContain(
      '- grupp 2/2019 §1:2: att Bo tar fram en lokalplan. Ansvarig: Bo Berg. Senast 2019-03-01. **Försenat.**\n' +
        '- grupp 2/2019 §1:3: att Anna rapporterar. Ansvarig: Anna Ahl. Senast 2019-06-01.\n',
    );
    expect(text).not.toContain('grupp 1/2019 §1:1');
  });

  it('is right when the hint is followed literally: the # removed, the assignments are followed up and the file checks clean', async () => {
    const root = await archiveWith(MINI, {
      [P2]: replace(
        '      - att anta budgeten.\n',
        '      - att anta budgeten.\n      - { text: att Bo tar fram en lokalplan., owner: bo-berg, due: 2019-03-01 }\n',
      ),
    });
    const out = await run(['new-protocol', '--date', '2019-03-14', ...meeting], { cwd: root });
    expect(out.code).toBe(0);
    const file = path.join(root, at('2019-03-14', 3));
    const lines = (await readFile(file, 'utf8')).split('\n');
    const hint = lines.findIndex((l) => l.includes('Ta bort # på raden nedan'));
    // What the secretary does: delete the one character # on the line below the hint, nothing else.
    lines[hint + 1] = lines[hint + 1]!.replace('#', '');
    await writeFile(file, lines.join('\n'));
    expect(lines[hint + 1]).toBe('    follows_up: ["grupp 2/2019 §1:2"]');
    expect(await findings(root)).toEqual([]);
    const open = await run(['assignments', '--open', '--format', 'json'], { cwd: root });
    expect(JSON.parse(open.stdout).assignments).toEqual([]);
  });

  it('says so when there are none', async () => {
    const text = await dryRun(await archiveWith(MINI), ['--date', '2019-03-14', ...meeting]);
    expect(text).toContain('## 1. Uppföljning av uppdrag\n\nInga öppna uppdrag.\n');
    expect(text).not.toContain('follows_up');
  });
});

describe('what is missing', () => {
  it('without a terminal: exit 2 naming every missing option', async () => {
    const out = await run(['new-protocol', '--time', '13:00-15:00'], { cwd: await archiveWith(MINI) });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      'kd: Uppgifter saknas: --date, --place. Ange dem som flaggor, lägg mötet i calendar.yml, eller kör kd i en terminal för att bli tillfrågad.\n',
    );
  });

  it('rejects a malformed option value', async () => {
    const out = await run(['new-protocol', '--date', '2019-03-14', '--time', '13-15', '--place', 'X'], { cwd: await archiveWith(MINI) });
    expect(out).toMatchObject({ code: 2, stderr: 'kd: Oväntat ”13-15” för --time, förväntade en tid TT:MM-TT:MM.\n' });
  });

  it('on a terminal: asks, re-asks a bad answer, and takes the last meeting’s time and place as defaults', async () => {
    const root = await archiveWith(MINI);
    const out = await typed(root, ['--no-color', 'new-protocol'], '2019-02-30\n2019-03-14\n\n\n');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      'Mötesdatum (ÅÅÅÅ-MM-DD): Förväntade ett datum ÅÅÅÅ-MM-DD.\nMötesdatum (ÅÅÅÅ-MM-DD): Tid (TT:MM-TT:MM) [09:00-12:00]: Plats [Stadshuset, Bjuv]: ',
    );
    const text = await readFile(path.join(root, at('2019-03-14', 3)), 'utf8');
    expect(text).toContain('\ntime: "09:00-12:00"\nplace: Stadshuset, Bjuv\n');
    expect(await findings(root)).toEqual([]);
  });

  it('on a terminal whose input ends: exit 2, nothing written', async () => {
    const root = await archiveWith(MINI);
    const out = await typed(root, ['new-protocol'], '2019-03-14\n');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('kd: Inmatningen tog slut innan alla uppgifter var ifyllda.\n');
    expect(await findings(root)).toEqual([]);
  });
});

describe('agenda and templates', () => {
  it('takes the items from --agenda, one a line, list marks dropped', async () => {
    const root = await archiveWith(MINI, { 'dagordning.txt': '- Budget 2020\n\n2. Lokalfrågor\n   Övrigt  \n' });
    const text = await dryRun(root, ['--date', '2019-03-14', ...meeting, '--agenda', 'dagordning.txt']);
    expect(text).toContain(
      'items:\n  - no: 1\n    title: Uppföljning av uppdrag\n  - no: 2\n    title: Budget 2020\n  - no: 3\n    title: Lokalfrågor\n  - no: 4\n    title: Övrigt\n---',
    );
    expect(text).toContain('## 4. Övrigt\n');
  });

  it('speaks English with --lang en', async () => {
    const text = await dryRun(await archiveWith(MINI), ['--lang', 'en', '--date', '2019-03-14', ...meeting]);
    expect(text).toContain('## 1. Follow-up of assignments\n\nNo open assignments.\n');
  });

  it('uses the archive’s own template when it has one', async () => {
    const root = await archiveWith(MINI, {
      'templates/protocol.sv.md': '---\n{{frontMatter}}\n---\n\n{{#items}}\n## {{no}}. {{title}}\n\nEget stycke.\n\n{{/items}}',
    });
    const text = await dryRun(root, ['--date', '2019-03-14', ...meeting]);
    expect(text).toMatch(/---\n\n## 1\. Uppföljning av uppdrag\n\nEget stycke\.\n$/);
  });
});

describe('--edit', () => {
  it('opens the new file in $EDITOR', async () => {
    const root = await archiveWith(MINI, { 'editor.sh': '#!/bin/sh\necho "$1" > "$(dirname "$0")/opened.txt"\n' });
    const { chmod } = await import('node:fs/promises');
    await chmod(path.join(root, 'editor.sh'), 0o755);
    const out = await run(['new-protocol', '--edit', '--date', '2019-03-14', ...meeting], {
      cwd: root,
      env: { EDITOR: path.join(root, 'editor.sh') },
    });
    expect(out.code).toBe(0);
    expect((await readFile(path.join(root, 'opened.txt'), 'utf8')).trim()).toBe(path.join(root, at('2019-03-14', 3)));
  });

  it('says so when no editor is set, after writing the file', async () => {
    const root = await archiveWith(MINI);
    const out = await run(['new-protocol', '--edit', '--date', '2019-03-14', ...meeting], { cwd: root });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('kd: Varken $VISUAL eller $EDITOR är satt; öppna filen själv.\n');
  });
});

describe('safety', () => {
  it('leaves no temporary file behind', async () => {
    const root = await archiveWith(MINI);
    await run(['new-protocol', '--date', '2019-03-14', ...meeting], { cwd: root });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(root, 'networks/grupp/protocols/2019'))).toEqual([
      '2019-01-10-1.md',
      '2019-02-14-2.md',
      '2019-03-14-3.md',
    ]);
  });

  it('does not touch the archive on a dry run', async () => {
    const root = await archiveWith(MINI);
    await writeFile(path.join(root, 'marker'), '');
    await run(['new-protocol', '--dry-run', '--date', '2019-03-14', ...meeting], { cwd: root });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(root, 'networks/grupp/protocols/2019'))).toEqual(['2019-01-10-1.md', '2019-02-14-2.md']);
  });
});
