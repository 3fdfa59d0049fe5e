import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveWith, REPO, replace, run } from './helpers.js';

/**
 * A name on the command line is resolved one way in every command (see
 * tests/names.test.ts for the matcher itself): here, what kd prints and exits
 * with, in Swedish and English, in-process and once through the real bin.
 *
 * The archive is the registers fixture with members from Nyköping, Hällefors
 * and Älmhult, and Borås and Ystad in kd.yml without any member.
 */
const REG = path.join(REPO, 'tests', 'fixtures', 'registers');
let root = '';
beforeAll(async () => {
  root = await archiveWith(REG, {
    'kd.yml': replace(
      'municipalities: [Bjuv, Ystad, Åstorp, Ängelholm, Örkelljunga]',
      'municipalities: [Bjuv, Borås, Hällefors, Nyköping, Ystad, Åstorp, Älmhult, Ängelholm, Örkelljunga]',
    ),
    'people.yml': (old) =>
      old
        .replace('{ name: Adam Zetterberg, municipality: Ystad }', '{ name: Adam Zetterberg, municipality: Nyköping }')
        .replace('{ name: Åke Åberg, municipality: Åstorp }', '{ name: Åke Åberg, municipality: Älmhult }')
        .replace('{ name: Bo Bjuvsson, municipality: Bjuv }', '{ name: Bo Bjuvsson, municipality: Hällefors }'),
  });
});

const RULE = (...widths: number[]) => widths.map((w) => '─'.repeat(w)).join('  ');
const PCT = '100\u00a0%';

const NYKOPING_SV = [
  'Närvaro: Gruppen',
  'Namn             Kommun    1/2019  2/2019  3/2019  4/2019  5/2019  Närvaro  Andel  Inaktiv',
  RULE(15, 8, 6, 6, 6, 6, 6, 7, 5, 7),
  `Adam Zetterberg  Nyköping    N       N       N       N       N         5/5  ${PCT}`,
  '',
  'Närvaro per kommun',
  'Kommun    Möten  Närvaro  Andel  Företrädd  Andel företrädd',
  RULE(8, 5, 7, 5, 9, 15),
  `Nyköping      5        5  ${PCT}          5            ${PCT}`,
  '',
  'Teckenförklaring: N närvarande, D delvis närvarande, R på distans, E ersatt (en ersättare deltog), F anmält förhinder, A frånvarande utan anmälan, · inte medlem.',
  '',
].join('\n');

const NYKOPING_EN = [
  'Attendance: Gruppen',
  'Name             Municipality  1/2019  2/2019  3/2019  4/2019  5/2019  Attended  Rate  Inactive',
  RULE(15, 12, 6, 6, 6, 6, 6, 8, 4, 8),
  'Adam Zetterberg  Nyköping        P       P       P       P       P          5/5  100%',
  '',
  'Attendance by municipality',
  'Municipality  Meetings  Attended  Rate  Represented  Represented rate',
  RULE(12, 8, 8, 4, 11, 16),
  'Nyköping             5         5  100%            5              100%',
  '',
  'Key: P present, PT partly present, R remote, S substituted (a substitute took part), Reg sent regrets, A absent without notice, · not a member.',
  '',
].join('\n');

const ALMHULT_SV = [
  'Närvaro: Gruppen',
  'Namn       Kommun   1/2019  2/2019  3/2019  4/2019  5/2019  Närvaro  Andel  Inaktiv',
  RULE(9, 7, 6, 6, 6, 6, 6, 7, 5, 7),
  `Åke Åberg  Älmhult    N       D       R       N       N         5/5  ${PCT}`,
  '',
  'Närvaro per kommun',
  'Kommun   Möten  Närvaro  Andel  Företrädd  Andel företrädd',
  RULE(7, 5, 7, 5, 9, 15),
  `Älmhult      5        5  ${PCT}          5            ${PCT}`,
  '',
  'Teckenförklaring: N närvarande, D delvis närvarande, R på distans, E ersatt (en ersättare deltog), F anmält förhinder, A frånvarande utan anmälan, · inte medlem.',
  '',
].join('\n');

interface Scenario {
  name: string;
  args: string[];
  code: number;
  stdout?: string;
  stderr?: string;
}

const scenarios: Scenario[] = [
  // A municipality however it is written, answered in the archive's spelling.
  { name: 'the genitive with "kommun"', args: ['attendance', '--municipality', 'Nyköpings kommun'], code: 0, stdout: NYKOPING_SV },
  { name: 'lower case', args: ['attendance', '--municipality', 'nyköping'], code: 0, stdout: NYKOPING_SV },
  { name: 'upper case and "KOMMUNS"', args: ['attendance', '--municipality', 'NYKÖPINGS KOMMUNS'], code: 0, stdout: NYKOPING_SV },
  { name: 'the bare genitive', args: ['attendance', '--municipality', 'Nyköpings'], code: 0, stdout: NYKOPING_SV },
  { name: 'in English', args: ['attendance', '--municipality', 'Nyköpings kommun', '--lang', 'en'], code: 0, stdout: NYKOPING_EN },
  { name: 'without the dots and rings', args: ['attendance', '--municipality', 'almhult'], code: 0, stdout: ALMHULT_SV },
  { name: 'without the dots, in the genitive', args: ['attendance', '--municipality', 'Almhults kommun'], code: 0, stdout: ALMHULT_SV },
  // In kd.yml, no member: a line, not an empty table, and exit 0.
  {
    name: 'a municipality without members',
    args: ['attendance', '--municipality', 'Borås stad'],
    code: 0,
    stdout: 'Närvaro: Gruppen\nIngen från Borås har varit medlem i Gruppen.\n\n',
  },
  {
    name: 'a municipality without members in the period',
    args: ['attendance', '--municipality', 'ängelholms kommun', '--to', '2019-02-28'],
    code: 0,
    stdout: 'Närvaro: Gruppen\nIngen från Ängelholm var medlem i Gruppen under perioden.\n\n',
  },
  {
    name: 'a municipality without members in the period, in English',
    args: ['attendance', '--municipality', 'Ängelholm', '--to', '2019-02-28', '--lang', 'en'],
    code: 0,
    stdout: 'Attendance: Gruppen\nNo one from Ängelholm was a member of Gruppen in the period.\n\n',
  },
  {
    name: 'a municipality without members, as Markdown',
    args: ['attendance', '--municipality', 'Ystad', '--format', 'md'],
    code: 0,
    stdout:
      '## Närvaro: Gruppen\n\nMöten: 1/2019 15 jan. 2019, 2/2019 12 feb. 2019, 3/2019 12 mars 2019, 4/2019 9 apr. 2019, 5/2019 14 maj 2019.\n\nIngen från Ystad har varit medlem i Gruppen.\n',
  },
  // Unknown: exit 2 and one sentence with what was given, what was expected and the nearest.
  {
    name: 'a misspelt municipality',
    args: ['attendance', '--municipality', 'Nyköpingg'],
    code: 2,
    stderr: 'kd: Okänd kommun ”Nyköpingg”, förväntade en av kommunerna i kd.yml; menade du Nyköping?\n',
  },
  {
    name: 'a misspelt municipality, in English',
    args: ['attendance', '--municipality', 'Nyköpingg kommun', '--lang', 'en'],
    code: 2,
    stderr: 'kd: Unknown municipality "Nyköpingg kommun", expected one of the municipalities in kd.yml; did you mean Nyköping?\n',
  },
  {
    name: 'a municipality not in kd.yml, the known ones listed',
    args: ['attendance', '--municipality', 'Malmö'],
    code: 2,
    stderr:
      'kd: Okänd kommun ”Malmö”, förväntade en av kommunerna i kd.yml: Bjuv, Borås, Hällefors, Nyköping, Ystad, Åstorp, Älmhult, Ängelholm, Örkelljunga.\n',
  },
  {
    name: 'a region is not its seat',
    args: ['digest', '--municipality', 'Region Nyköping', '--half', '2019H1', '--lang', 'en'],
    code: 2,
    stderr:
      'kd: Unknown municipality "Region Nyköping", expected one of the municipalities in kd.yml: Bjuv, Borås, Hällefors, Nyköping, Ystad, Åstorp, Älmhult, Ängelholm, Örkelljunga.\n',
  },
  // People, networks and owners by id or name.
  {
    name: 'a person by name, family name first',
    args: ['attendance', '--person', 'Zetterberg, Adam', '--municipality', 'nyköping'],
    code: 0,
    stdout: NYKOPING_SV,
  },
  {
    name: 'a person who was no member in the period',
    args: ['attendance', '--person', 'Ärla Ärlig', '--to', '2019-02-28', '--format', 'md', '--lang', 'en'],
    code: 0,
    stdout:
      '## Attendance: Gruppen\n\nMeetings: 1/2019 15 Jan 2019, 2/2019 12 Feb 2019.\n\nÄrla Ärlig was not a member of Gruppen in the period.\n',
  },
  {
    name: 'a misspelt person',
    args: ['attendance', '--person', 'Adam Zeterberg'],
    code: 2,
    stderr: 'kd: Okänd person ”Adam Zeterberg”, förväntade id eller namn ur people.yml; menade du Adam Zetterberg?\n',
  },
  {
    name: 'a misspelt person id, in English',
    args: ['intro', '--network', 'grupp', '--person', 'adam-zeterberg', '--lang', 'en'],
    code: 2,
    stderr: 'kd: Unknown person "adam-zeterberg", expected an id or name from people.yml; did you mean adam-zetterberg?\n',
  },
  {
    name: 'a network by name',
    args: ['attendance', '--network', 'gruppen', '--municipality', 'Nyköping'],
    code: 0,
    stdout: NYKOPING_SV,
  },
  {
    name: 'a misspelt network',
    args: ['calendar', '--network', 'grup'],
    code: 2,
    stderr: 'kd: Okänt nätverk ”grup”, förväntade id eller namn på ett av arkivets nätverk; menade du grupp?\n',
  },
  {
    name: 'an unknown network, in English',
    args: ['report', '--half', '2019H1', '--network', 'styrelsen', '--lang', 'en'],
    code: 2,
    stderr: `kd: Unknown network "styrelsen", expected the id or name of one of the archive's networks: grupp.\n`,
  },
  {
    name: 'an owner by name',
    args: ['decisions', '--owner', 'Åberg, Åke', '--format', 'csv'],
    code: 0,
    stdout:
      '\ufeffId;Datum;Typ;Punkt;Text;Ansvarig;Senast;Protokoll\r\ngrupp 1/2019 §2:1;2019-01-15;beslut;Uppdrag;att Åke tar fram underlag.;Åke Åberg;2019-02-28;justerat\r\n',
  },
  {
    name: 'a misspelt owner',
    args: ['assignments', '--owner', 'sekretaritet'],
    code: 2,
    stderr:
      'kd: Okänd ansvarig ”sekretaritet”, förväntade en person ur people.yml eller sekretariatet (owners i kd.yml); menade du sekretariatet?\n',
  },
  {
    name: 'an unknown owner, in English',
    args: ['decisions', '--owner', 'kansliet', '--lang', 'en'],
    code: 2,
    stderr: 'kd: Unknown owner "kansliet", expected a person from people.yml or sekretariatet (owners in kd.yml).\n',
  },
];

describe('names on the command line, in-process', () => {
  it.each(scenarios)('$name', async ({ args, code, stdout = '', stderr = '' }) => {
    expect(await run(args, { cwd: root })).toEqual({ code, stdout, stderr });
  });

  it('every spelling of a municipality gives the same digest, titled with the archive’s spelling', async () => {
    const digest = async (name: string) => run(['digest', '--municipality', name, '--half', '2019H1'], { cwd: root });
    const exact = await digest('Nyköping');
    expect(exact.code).toBe(0);
    expect(exact.stdout.split('\n')[0]).toBe('# Nyköping: att ta med hem från nätverken, första halvåret 2019');
    for (const name of ['nyköpings kommun', 'NYKÖPING', 'Nykopings', 'Nyköping kommun']) expect(await digest(name)).toEqual(exact);
  });

  it('a name that fits two people lists both, by id, and asks for the id', async () => {
    const two = await archiveWith(root, {
      'people.yml': (old) => `${old}adam-zetterberg-2: { name: Adam Zetterberg, municipality: Bjuv }\n`,
    });
    expect(await run(['attendance', '--person', 'Adam Zetterberg'], { cwd: two })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kd: ”Adam Zetterberg” för --person kan vara adam-zetterberg (Adam Zetterberg, Nyköping) eller adam-zetterberg-2 (Adam Zetterberg, Bjuv); ange id:t.\n',
    });
    expect(await run(['intro', '--network', 'grupp', '--person', 'Zetterberg Adam', '--lang', 'en'], { cwd: two })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kd: "Zetterberg Adam" for --person could be adam-zetterberg (Adam Zetterberg, Nyköping) or adam-zetterberg-2 (Adam Zetterberg, Bjuv); give the id.\n',
    });
    expect((await run(['attendance', '--person', 'adam-zetterberg-2'], { cwd: two })).code).toBe(0);
  });
});

describe('names on the command line, through bin/kd.js', () => {
  // Not CI=true from the test's own environment: kd would act as in CI.
  const { CI: _ci, ...env } = process.env;
  const kd = (args: string[]) =>
    promisify(execFile)(process.execPath, [path.join(REPO, 'bin', 'kd.js'), ...args], { cwd: root, env: { ...env, KD_CACHE: 'off' } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it.each(
    scenarios.filter((s) =>
      ['the genitive with "kommun"', 'a misspelt municipality', 'a misspelt municipality, in English'].includes(s.name),
    ),
  )('$name', async ({ args, code, stdout = '', stderr = '' }) => {
    expect(await kd(args)).toEqual({ code, stdout, stderr });
  });
});
