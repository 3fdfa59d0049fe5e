import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { archiveWith, findings, MINI, REPO, replace, run, SAMPLE } from './helpers.js';

const SAMPLE_ARGS = ['--archive', 'archive'];
const REG = path.join(REPO, 'tests', 'fixtures', 'registers');

/** The rows of the Markdown table under a heading, as cell arrays. */
function table(md: string, heading: string): string[][] {
  const section = md.split(`## ${heading}\n`)[1]!.split('\n## ')[0]!;
  return section
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

/** The column titles of the Markdown table under a heading. */
function header(md: string, heading: string): string[] {
  const section = md.split(`## ${heading}\n`)[1]!.split('\n## ')[0]!;
  return section
    .split('\n')
    .find((l) => l.startsWith('|'))!
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('kd intro', () => {
  it('gives a new member the mission, rules, today’s members, coming meetings, recent decisions, open assignments and the contact', async () => {
    const out = await run(['intro', '--network', 'kd-gruppen', '--as-of', '2019-12-20', ...SAMPLE_ARGS]);
    expect(out.code).toBe(0);
    const md = out.stdout;
    expect(md.split('\n')[0]).toBe('# Välkommen till Kommundirektörsgruppen');
    expect(md).toContain('- Varje medlem kan ha en personlig ersättare som deltar vid förhinder.\n');
    const members = table(md, 'Medlemmar').map((r) => r[0]);
    expect(members).toHaveLength(11);
    expect(members).toContain('Malin Berggren');
    expect(members).toContain('Emma Dahlin');
    expect(members).not.toContain('Lars Wiklund');
    expect(members).not.toContain('Ola Kjellberg');
    expect(table(md, 'Medlemmar').find((r) => r[0] === 'Karin Östberg')![3]).toBe('vice ordförande');
    // The secretary sits for an organisation, not a municipality: the column says both.
    expect(header(md, 'Medlemmar')).toEqual(['Namn', 'Kommun eller organisation', 'Titel', 'Roll', 'Sedan']);
    expect(table(md, 'Medlemmar').find((r) => r[0] === 'Lena Sjöholm')![1]).toBe('Skåne Nordost i samverkan');
    expect(table(md, 'Kommande möten').map((r) => r[0])).toEqual(['24 jan. 2020']);
    expect(table(md, 'Beslut vid de senaste fyra mötena').map((r) => r[0]!.split(' ')[1])).toEqual([
      '5/2019',
      '5/2019',
      '5/2019',
      '6/2019',
      '6/2019',
      '7/2019',
      '7/2019',
      '8/2019',
      '8/2019',
    ]);
    expect(table(md, 'Öppna uppdrag').map((r) => [r[0], r[5]])).toEqual([
      ['kd-gruppen 6/2019 §3:1', 'försenat'],
      ['kd-gruppen 7/2019 §2:1', 'öppet'],
    ]);
    // The title under Titel and the organisation under a column of its own.
    expect(header(md, 'Kontakt')).toEqual(['Namn', 'Titel', 'Organisation', 'E-post', 'Telefon']);
    expect(table(md, 'Kontakt')).toEqual([
      ['Lena Sjöholm', 'Sekretariatschef', 'Skåne Nordost i samverkan', 'lena.sjoholm\\@example.se', '044-123 45 60'],
    ]);
  });

  it('for one person: their networks, personal substitute and assignments', async () => {
    const md = (await run(['intro', '--network', 'kd-gruppen', '--person', 'goran-nilsson', '--as-of', '2019-12-20', ...SAMPLE_ARGS]))
      .stdout;
    expect(md).toContain('Introduktion för Göran Nilsson.');
    expect(md).toContain('Du sitter i: Kommundirektörsgruppen (medlem).');
    expect(md).toContain('Din personliga ersättare är Sofie Ahlgren.');
    expect(table(md, 'För dig').map((r) => r[0])).toEqual(['kd-gruppen 6/2019 §3:1']);
  });

  it('for a personal substitute: whose substitute she is, and in which network, instead of "Du sitter i: –"', async () => {
    const args = ['intro', '--network', 'kd-gruppen', '--person', 'sofie-ahlgren', '--as-of', '2019-12-20', ...SAMPLE_ARGS];
    const md = (await run(args)).stdout;
    expect(md).toContain('Du är personlig ersättare för Göran Nilsson (Hässleholm) i Kommundirektörsgruppen.');
    expect(md).not.toContain('Du sitter i');
    expect((await run([...args, '--lang', 'en'])).stdout).toContain(
      'You are the personal substitute for Göran Nilsson (Hässleholm) in Kommundirektörsgruppen.',
    );
  });

  it('as an HTML page', async () => {
    const html = (await run(['intro', '--network', 'digital', '--format', 'html', '--as-of', '2019-12-20', ...SAMPLE_ARGS])).stdout;
    expect(html).toMatch(/^<!doctype html><html lang="sv">/);
    expect(html).toContain('<h1>Välkommen till Nätverket för digitalisering</h1>');
    expect(html).toContain('Nätverket fattar inga beslut utan gör överenskommelser');
  });
});

describe('kd digest', () => {
  it('lists representatives with attendance, and the decisions to act on first', async () => {
    const out = await run(['digest', '--municipality', 'hässleholms kommun', '--half', '2019H1', ...SAMPLE_ARGS]);
    expect(out.code).toBe(0);
    const md = out.stdout;
    expect(md.split('\n')[0]).toBe('# Hässleholm: att ta med hem från nätverken, första halvåret 2019');
    expect(table(md, 'Kommunens företrädare i nätverken').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Kommundirektörsgruppen', 'Göran Nilsson', '4/5'],
      ['Nätverket för digitalisering', 'Camilla Nord', '3/3'],
      ['Strategiskt nätverk för kompetensförsörjning', 'Mats Holmgren', '3/3'],
    ]);
    const decisions = table(md, 'Beslut att förankra och verkställa');
    // Each municipality on its own, a participant per municipality, the municipalities' own remiss answers and leadership groups.
    expect(decisions.filter((r) => r[0] === 'ja').map((r) => r[1])).toEqual([
      'kd-gruppen 1/2019 §1:2',
      'digital 1/2019 §2:1',
      'kd-gruppen 2/2019 §2:1',
      'kd-gruppen 2/2019 §2:2',
      'kd-gruppen 5/2019 §2:1',
    ]);
    expect(decisions.slice(0, 5).every((r) => r[0] === 'ja')).toBe(true);
    expect(decisions).toHaveLength(32);
  });

  it('flags a decision naming the municipality, matched with Swedish letters and "kommun"', async () => {
    const root = await archiveWith(REG, {
      'networks/grupp/protocols/2019/2019-03-12-3.md': replace(
        '      - att notera informationen.\n',
        '      - att notera informationen.\n      - att Åstorps kommun upplåter lokalen.\n',
      ),
    });
    const md = (await run(['digest', '--municipality', 'ÅSTORPS KOMMUN', '--half', '2019H1'], { cwd: root })).stdout;
    expect(md.split('\n')[0]).toBe('# Åstorp: att ta med hem från nätverken, första halvåret 2019');
    expect(
      table(md, 'Beslut att förankra och verkställa')
        .filter((r) => r[0] !== '')
        .map((r) => r[1]),
    ).toEqual(['grupp 3/2019 §1:2']);
    expect(table(md, 'Kommunens företrädare i nätverken')).toEqual([['Gruppen', 'Åke Åberg', '5/5', '100\u00a0%', '0', '0', '0']]);
    const other = (await run(['digest', '--municipality', 'örkelljunga', '--half', '2019H1'], { cwd: root })).stdout;
    // Nothing for Örkelljunga to take home: no such column at all.
    const section = other.slice(other.indexOf('## Beslut att förankra'), other.indexOf('## Uppdrag till'));
    expect(section).not.toContain('| Att ta hem');
    expect(table(other, 'Beslut att förankra och verkställa').map((r) => r[0])).toContain('grupp 3/2019 §1:2');
  });
});

describe('kd calendar', () => {
  it('gives valid iCalendar that a parser reads back event by event', async () => {
    const out = await run(['calendar', ...SAMPLE_ARGS]);
    expect(out.code).toBe(0);
    const ics = out.stdout;
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(24);
    const first = events[0]!;
    expect(first.uid).toBe('kd-gruppen-20190118@skane-nordost-i-samverkan.kd');
    expect(first.summary).toBe('Kommundirektörsgruppen');
    expect(first.location).toBe('Kommunhuset, Sammanträdesrum Ivön, Bromölla');
    expect(first.startDate.toString()).toBe('2019-01-18T09:00:00');
    expect(first.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Stockholm');
    expect(first.endDate.toString()).toBe('2019-01-18T12:00:00');
    // No site address: no link, only where the protocol is in the archive (a path is no link in Outlook).
    expect(first.description).toBe('Protokoll 1/2019, i arkivet networks/kd-gruppen/protocols/2019/2019-01-18-1.md');
    expect(first.component.getFirstProperty('url')).toBeNull();
    const cancelled = events.find((e) => e.uid.startsWith('kompetens-20191114'))!;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    const next = events.find((e) => e.uid.startsWith('kd-gruppen-20200124'))!;
    expect(next.description).toBe('Dagordning:\n- Nätverkens uppdrag 2020\n- Gemensam e-tjänsteplattform');
    // Stable: the same archive gives the same bytes.
    expect((await run(['calendar', ...SAMPLE_ARGS])).stdout).toBe(ics);
  });

  it('links each held meeting to its protocol’s page under site_url in kd.yml, or --base-url: the exact bytes', async () => {
    const root = await archiveWith(SAMPLE, { 'kd.yml': (s) => `${s}site_url: https://kd.example.se/arkiv,sno\n` });
    const ics = (await run(['calendar', '--network', 'digital'], { cwd: root })).stdout;
    const event = (uid: string) =>
      ics
        .split('BEGIN:VEVENT\r\n')
        .find((e) => e.startsWith(`UID:${uid}`))!
        .split('END:VEVENT')[0];
    // The address mirrors the archive (.md → .html); in TEXT the comma is escaped, in the URI it is not.
    expect(event('digital-20190131')).toBe(
      [
        'UID:digital-20190131@skane-nordost-i-samverkan.kd',
        'DTSTAMP:20190131T000000Z',
        'DTSTART;TZID=Europe/Stockholm:20190131T130000',
        'DTEND;TZID=Europe/Stockholm:20190131T153000',
        'SUMMARY:Nätverket för digitalisering',
        'LOCATION:Stadshuset\\, Rum Näsby\\, Kristianstad',
        'DESCRIPTION:Protokoll 1/2019: https://kd.example.se/arkiv\\,sno/networks/dig',
        ' ital/protocols/2019/2019-01-31-1.html',
        'URL;VALUE=URI:https://kd.example.se/arkiv,sno/networks/digital/protocols/20',
        ' 19/2019-01-31-1.html',
        'STATUS:CONFIRMED',
        'TRANSP:OPAQUE',
        '',
      ].join('\r\n'),
    );
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events[0]!.component.getFirstPropertyValue('url')).toBe(
      'https://kd.example.se/arkiv,sno/networks/digital/protocols/2019/2019-01-31-1.html',
    );
    // A meeting not yet held has no protocol, so no link.
    expect(events.at(-1)!.component.getFirstProperty('url')).toBeNull();
    // --base-url wins over kd.yml; the Markdown and JSON link there too.
    const other = await run(['calendar', '--network', 'digital', '--base-url', 'https://other.example/', '--format', 'json'], {
      cwd: root,
    });
    expect(JSON.parse(other.stdout)[0].url).toBe('https://other.example/networks/digital/protocols/2019/2019-01-31-1.html');
    const md = (await run(['calendar', '--network', 'digital', '--format', 'md'], { cwd: root })).stdout;
    expect(md).toContain('[1/2019](https://kd.example.se/arkiv,sno/networks/digital/protocols/2019/2019-01-31-1.html)');
  });

  it('refuses an address that is not one: a schema finding at its place in kd.yml, exit 2 for --base-url', async () => {
    const bad = [
      'ftp://kd.example.se/',
      'kd.example.se',
      'https://user:secret@kd.example.se/',
      'https://kd.example.se/?a=1',
      'https://kd.example.se/a b',
    ];
    for (const url of bad) {
      const root = await archiveWith(MINI, { 'kd.yml': (s) => `${s}site_url: "${url}"\n` });
      expect(await findings(root), url).toEqual([
        { rule: 'schema', file: 'kd.yml', line: 5, column: 11, severity: 'error', key: 'site_url' },
      ]);
    }
    const out = await run(['calendar', '--base-url', 'javascript:alert(1)', ...SAMPLE_ARGS]);
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toBe(
      'kd: Oväntat ”javascript:alert(1)” för --base-url, förväntade en webbadress som börjar med https:// eller http://, utan inloggning, ? och #.\n',
    );
  });

  it('as Markdown with links to the protocols, and as JSON', async () => {
    const md = (await run(['calendar', '--network', 'digital', '--format', 'md', ...SAMPLE_ARGS])).stdout;
    expect(md).toContain(
      '| 31 jan. 2019 | 13:00-15:30 | Nätverket för digitalisering | Stadshuset, Rum Näsby, Kristianstad |      | [1/2019](archive/networks/digital/protocols/2019/2019-01-31-1.md) |',
    );
    const json = JSON.parse((await run(['calendar', '--network', 'kompetens', '--format', 'json', ...SAMPLE_ARGS])).stdout);
    expect(
      json.map((e: { date: string; protocolId?: string; cancelled?: boolean }) => [e.date, e.protocolId ?? null, e.cancelled ?? false]),
    ).toEqual([
      ['2019-02-07', '1/2019', false],
      ['2019-04-04', '2/2019', false],
      ['2019-06-05', '3/2019', false],
      ['2019-09-05', '4/2019', false],
      ['2019-10-24', '5/2019', false],
      ['2019-11-14', null, true],
      ['2019-12-05', '6/2019', false],
      ['2020-02-06', null, false],
    ]);
  });
});

describe('a digest without its half-year', () => {
  afterEach(() => vi.useRealTimers());

  it('says what to give, with this half-year and one of the archive’s municipalities as the example, exit 2', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2020-03-02T09:00:00Z'));
    expect(await run(['digest', '--municipality', 'Osby', ...SAMPLE_ARGS])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kd: Uppgifter saknas: --half. Till exempel: kd digest --municipality Bromölla --half 2020H1\n',
    });
  });
});

describe('unknown names give exit 2 with the known ones suggested', () => {
  it.each([
    [
      ['intro', '--network', 'kd'],
      'kd: Okänt nätverk ”kd”, förväntade id eller namn på ett av arkivets nätverk: digital, kd-gruppen, kompetens.\n',
    ],
    [
      ['intro', '--network', 'kd-gruppen', '--person', 'goran-nilson'],
      'kd: Okänd person ”goran-nilson”, förväntade id eller namn ur people.yml; menade du goran-nilsson?\n',
    ],
    [
      ['digest', '--municipality', 'Malmö', '--half', '2019H1'],
      'kd: Okänd kommun ”Malmö”, förväntade en av kommunerna i kd.yml: Bromölla, Hässleholm, Hörby, Höör, Kristianstad, Osby, Perstorp, Åstorp, Älmhult, Östra Göinge.\n',
    ],
    [
      ['calendar', '--network', 'kompetns'],
      'kd: Okänt nätverk ”kompetns”, förväntade id eller namn på ett av arkivets nätverk; menade du kompetens?\n',
    ],
  ])('kd %j', async (args, stderr) => {
    expect(await run([...args, ...SAMPLE_ARGS])).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('saying that there is nothing', () => {
  // "Inga träffar" stood both for a query that matched nothing and for no coming meetings; each now says which.
  it('a query that matches no rows says so, and a digest with no coming meetings says that, in other words', async () => {
    const query = await run(['decisions', '--grep', 'zzzz', ...SAMPLE_ARGS]);
    expect(query.stdout).toBe('Beslut och överenskommelser\nInga rader matchar urvalet.\n');
    expect((await run(['decisions', '--grep', 'zzzz', '--lang', 'en', ...SAMPLE_ARGS])).stdout).toContain('No rows match the selection.');
    const root = await archiveWith(REG);
    const digest = (await run(['digest', '--municipality', 'Bjuv', '--half', '2019H1'], { cwd: root })).stdout;
    expect(digest.split('## Kommande möten\n')[1]).toBe('\nInga kommande möten står i kalendern.\n');
    const en = (await run(['digest', '--municipality', 'Bjuv', '--half', '2019H1', '--lang', 'en'], { cwd: root })).stdout;
    expect(en).toContain('No coming meetings are in the calendar.');
  });

  it('a document with no decisions or no assignments names what there is none of', async () => {
    const md = (await run(['intro', '--network', 'kd-gruppen', '--as-of', '2018-01-01', ...SAMPLE_ARGS])).stdout;
    expect(md.split('## Beslut vid de senaste fyra mötena\n')[1]!.split('\n## ')[0]).toBe('\nInga beslut eller överenskommelser.\n');
    expect(md.split('## Öppna uppdrag\n')[1]!.split('\n## ')[0]).toBe('\nInga uppdrag.\n');
  });
});
