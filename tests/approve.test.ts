import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveWith, findings, git, gitdir, MINI, run } from './helpers.js';

const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';
/** The PDF's hash changes with its layout; the tests of kd verify hold it to the rendering. */
const unhashed = (text: string) => text.replace(/\b[0-9a-f]{64}\b/g, 'SHA');

describe('kd approve', () => {
  it('sets status justerat and writes the record on the next line, nothing else; names and ids both name the approvers', async () => {
    const dir = await gitdir(MINI);
    const before = await readFile(path.join(dir, P2), 'utf8');
    const out = await run(['approve', 'grupp 2/2019', '--by', 'Anna Ahl, bo-berg', '--date', '2019-02-20', '--ref', 'KS 2019/12'], {
      cwd: dir,
    });
    expect({ ...out, stdout: unhashed(out.stdout) }).toEqual({
      code: 0,
      stdout:
        `Justerade ${P2} (grupp 2/2019): Anna Ahl, Bo Berg, 2019-02-20.\n` +
        'SHA-256 för PDF/A-protokollet som skrivs under: SHA (kd render "grupp 2/2019" --format pdf --lang sv --out FIL ger det; kd verify FIL känner igen det).\n' +
        `Nästa steg: git add ${P2} && git commit -m "Justera grupp 2/2019"\n`,
      stderr: '',
    });
    expect(unhashed(await readFile(path.join(dir, P2), 'utf8'))).toBe(
      before.replace(
        'status: utkast\n',
        'status: justerat\napproval: { date: 2019-02-20, by: [ anna-ahl, bo-berg ], method: paper, ref: KS 2019/12, sha256: SHA }\n',
      ),
    );
    // The change is what kd check expects of an approval, history included.
    expect(await findings(dir)).toEqual([]);
  });

  it('by file, in English, with a signing key: the tag to sign the approval with', async () => {
    const dir = await gitdir(MINI);
    git(dir, 'config', 'user.signingkey', 'ABCDEF0123456789');
    const out = await run(['approve', P2, '--by', 'anna-ahl', '--method', 'e-signature', '--date', '2019-02-14', '--lang', 'en'], {
      cwd: dir,
    });
    expect(unhashed(out.stdout)).toBe(
      `Approved ${P2} (grupp 2/2019): Anna Ahl, 2019-02-14.\n` +
        'SHA-256 of the PDF/A protocol to be signed: SHA (kd render "grupp 2/2019" --format pdf --lang en --out FILE gives it; kd verify FILE recognises it).\n' +
        `Next: git add ${P2} && git commit -m "Approve grupp 2/2019"\n` +
        'Sign the approval in git: git tag -s protokoll/grupp/2-2019 -m "Approve grupp 2/2019"\n',
    );
    expect(unhashed(await readFile(path.join(dir, P2), 'utf8'))).toContain(
      'approval: { date: 2019-02-14, by: [ anna-ahl ], method: e-signature, sha256: SHA }\n',
    );
  });

  it.each([
    [
      ['grupp 3/2019', '--by', 'anna-ahl'],
      'kd: Okänt protokoll ”grupp 3/2019”, förväntade en protokollfil eller ett id som ”kd-gruppen 3/2019”; menade du grupp 1/2019 eller grupp 2/2019?\n',
    ],
    [
      ['grupp 1/2019', '--by', 'anna-ahl'],
      'kd: Protokollet grupp 1/2019 är redan justerat; ett justerat protokoll ändras bara genom rättelser.\n',
    ],
    [
      ['grupp 2/2019', '--by', 'cilla-cox'],
      'kd: ”cilla-cox” deltog inte i mötet grupp 2/2019, förväntade en justerare bland dem som var närvarande.\n',
    ],
    [
      ['grupp 2/2019', '--by', 'anna-ahl', '--date', '2019-02-13'],
      'kd: Oväntat justeringsdatum 2019-02-13, förväntade mötesdagen 2019-02-14 eller senare.\n',
    ],
    [['grupp 2/2019', '--by', 'anna-ahl', '--method', 'fax'], 'kd: Oväntat värde ”fax” för --method, förväntade paper, e-signature.\n'],
  ])('kd approve %j: exit 2, one sentence, nothing written', async (args, stderr) => {
    const root = await archiveWith(MINI);
    const before = await Promise.all([P1, P2].map((f) => readFile(path.join(root, f), 'utf8')));
    expect(await run(['approve', ...args], { cwd: root })).toEqual({ code: 2, stdout: '', stderr });
    expect(await Promise.all([P1, P2].map((f) => readFile(path.join(root, f), 'utf8')))).toEqual(before);
  });

  it.each([
    ['an error of a rule', (t: string) => t.replace('chair: anna-ahl', 'chair: xyz'), 'grupp 2/2019', `${P2}:9:8  fel  [unknown-person]`],
    ['a file kd cannot read, named by path', (t: string) => t.replace('place: ', 'plats: '), P2, `${P2}:6:1  fel  [schema]`],
  ])('a protocol with %s is not approved: exit 1 with the findings, nothing written', async (_, change, named, finding) => {
    const root = await archiveWith(MINI, { [P2]: change });
    const before = await readFile(path.join(root, P2), 'utf8');
    const out = await run(['approve', named, '--by', 'anna-ahl'], { cwd: root });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(finding);
    expect(await readFile(path.join(root, P2), 'utf8')).toBe(before);
  });

  it('once committed, the record is frozen with the protocol: an edit of it is caught at its line, a correction appended is not', async () => {
    const dir = await gitdir(MINI);
    expect((await run(['approve', 'grupp 2/2019', '--by', 'anna-ahl', '--date', '2019-02-20'], { cwd: dir })).code).toBe(0);
    expect(await findings(dir)).toEqual([]);
    git(dir, 'commit', '-qam', 'Justera grupp 2/2019');
    const file = path.join(dir, P2);
    const approved = await readFile(file, 'utf8');
    const { writeFile } = await import('node:fs/promises');
    // Someone moves the approval date afterwards.
    await writeFile(file, approved.replace('date: 2019-02-20', 'date: 2019-02-21'));
    expect(await findings(dir)).toEqual([{ rule: 'frozen-protocol', file: P2, line: 9, column: 1, severity: 'error' }]);
    // A correction appended last is how an approved protocol changes.
    await writeFile(
      file,
      approved.replace('\n---\n', '\ncorrections:\n  - { date: 2019-03-01, by: anna-ahl, what: "Punkt 1: rätt datum." }\n---\n'),
    );
    expect(await findings(dir)).toEqual([]);
  });

  it('approved by hand, without the record, in a change: approval-record at the status line', async () => {
    const dir = await gitdir(MINI);
    const file = path.join(dir, P2);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, (await readFile(file, 'utf8')).replace('status: utkast', 'status: justerat'));
    expect(await findings(dir)).toEqual([{ rule: 'approval-record', file: P2, line: 8, column: 9, severity: 'error', key: 'status' }]);
  });
});
