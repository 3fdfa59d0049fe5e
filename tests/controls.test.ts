import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderIcs } from '../src/render/ics.js';
import { renderCsv, renderTextTable } from '../src/render/table.js';
import { archiveWith, findings, MINI, NO_GIT, replace, run } from './helpers.js';

/** Issue 16, parts 6 and 7: control characters never reach a terminal or a file; CSV formulas without the hole. */

const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';

/** Several exact replacements in one file, each of which must be there. */
const edits =
  (...pairs: [string, string][]) =>
  (old: string) =>
    pairs.reduce((text, [from, to]) => replace(from, to)(text), old);

/** The brief's five values, each written as a YAML escape in double quotes (the file itself holds no control byte). */
const hostile = {
  [P1]: edits(
    ['place: Stadshuset, Bjuv', 'place: "Stadshuset\\e[2J"'],
    ['title: Budget', 'title: "x\\0y"'],
    ['- text: att sekretariatet tar fram en budget.', '- text: "\\uFFFE"'],
    ['- att notera informationen.', '- "\\u202Eevil"'],
    ['owner: siv-sekr', 'owner: "\\r"'],
  ),
};

/** Anything a terminal acts on or XML refuses: C0 but tab and line ends, DEL, C1, bidirectional controls, noncharacters. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]/u;

/** A tiny well-formedness check for the JUnit XML kd writes: no code point XML 1.0 forbids, and tags that nest. */
function wellFormedXml(xml: string): boolean {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u.test(xml)) return false;
  const stack: string[] = [];
  for (const m of xml.matchAll(
    /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|<\?[^?]*\?>|<|&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-fA-F]+;)/g,
  )) {
    if (m[0].startsWith('<?')) continue;
    if (m[2] === undefined) return false; // a stray < or &
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length === 0;
}

describe('values with control characters are refused, at the value', () => {
  it('kd check names each escape, noncharacter, bidirectional override and lone CR at its line and column', async () => {
    const root = await archiveWith(MINI, hostile);
    expect(await findings(root)).toEqual([
      { rule: 'schema', file: P1, line: 6, column: 8, severity: 'error', key: 'place' },
      { rule: 'schema', file: P1, line: 15, column: 12, severity: 'error', key: 'items[0].title' },
      { rule: 'schema', file: P1, line: 17, column: 15, severity: 'error', key: 'items[0].decisions[0].text' },
      { rule: 'schema', file: P1, line: 18, column: 16, severity: 'error', key: 'items[0].decisions[0].owner' },
      { rule: 'schema', file: P1, line: 20, column: 9, severity: 'error', key: 'items[0].decisions[1]' },
    ]);
  });

  it('says which character, as U+XXXX, and what to do, in Swedish and English', async () => {
    const root = await archiveWith(MINI, hostile);
    const sv = await run(['check'], { cwd: root });
    expect(sv).toEqual({
      code: 1,
      stdout:
        `${P1}:6:8  fel  [schema] place: Oväntat styrtecken U+001B, förväntade vanlig text; ta bort tecknet (i citerad YAML står det ofta som en escape-sekvens, t.ex. \\e, \\0 eller \\x1B).\n` +
        `${P1}:15:12  fel  [schema] punkt 1, title: Oväntat styrtecken U+0000, förväntade vanlig text; ta bort tecknet (i citerad YAML står det ofta som en escape-sekvens, t.ex. \\e, \\0 eller \\x1B).\n` +
        `${P1}:17:15  fel  [schema] punkt 1, beslut 1, text: Oväntat icke-tecken U+FFFE, förväntade vanlig text; ta bort tecknet (i citerad YAML står det ofta som \\u eller \\U följt av koden).\n` +
        `${P1}:18:16  fel  [schema] punkt 1, beslut 1, owner: Oväntad ensam vagnretur U+000D, förväntade vanlig text; ta bort tecknet, eller skriv en radbrytning som \\n.\n` +
        `${P1}:20:9  fel  [schema] punkt 1, beslut 2: Oväntat riktningstecken U+202E (det visar texten i en annan ordning än den lyder), förväntade vanlig text; ta bort tecknet.\n` +
        '\n5 fel, 0 varningar i 1 fil.\n',
      stderr: NO_GIT,
    });
    const en = await run(['check', '--lang', 'en', '--format', 'json'], { cwd: root });
    expect(JSON.parse(en.stdout).findings.map((f: { key: string; message: string; data: unknown }) => [f.key, f.message, f.data])).toEqual([
      [
        'place',
        'Unexpected control character U+001B, expected plain text; remove the character (in quoted YAML it is often written as an escape sequence, e.g. \\e, \\0 or \\x1B).',
        { code: 'U+001B', kind: 'control' },
      ],
      [
        'items[0].title',
        'Unexpected control character U+0000, expected plain text; remove the character (in quoted YAML it is often written as an escape sequence, e.g. \\e, \\0 or \\x1B).',
        { code: 'U+0000', kind: 'control' },
      ],
      [
        'items[0].decisions[0].text',
        'Unexpected noncharacter U+FFFE, expected plain text; remove the character (in quoted YAML it is often written as \\u or \\U followed by its code).',
        { code: 'U+FFFE', kind: 'noncharacter' },
      ],
      [
        'items[0].decisions[0].owner',
        'Unexpected lone carriage return U+000D, expected plain text; remove the character, or write a line break as \\n.',
        { code: 'U+000D', kind: 'cr' },
      ],
      [
        'items[0].decisions[1]',
        'Unexpected bidirectional control U+202E (it shows the text in another order than it reads), expected plain text; remove the character.',
        { code: 'U+202E', kind: 'bidi' },
      ],
    ]);
  });

  it('refuses the same characters written raw above ASCII (C1, a bidirectional isolate), at the first one, body included', async () => {
    const root = await archiveWith(MINI, {
      [P1]: edits(['place: Stadshuset, Bjuv', 'place: Stads\u0085huset'], ['title: Budget', 'title: Bud\u2067get']),
    });
    expect(await findings(root)).toEqual([{ rule: 'encoding', file: P1, line: 6, column: 13, severity: 'error' }]);
    const body = await archiveWith(MINI, { [P1]: (t) => `${t}\nText med \u202Eomvänd\u202C ordning.\n` });
    const found = await findings(body);
    expect(found.map((f) => [f.rule, f.file, f.column])).toEqual([['encoding', P1, 10]]);
  });

  it('an id names the character too, tab and line feed included; a people.yml key is refused at the key', async () => {
    const root = await archiveWith(MINI, {
      [P1]: replace('secretary: siv-sekr', 'secretary: "siv\\tsekr"'),
      'people.yml': replace('dan-dahl:', '"dan\\e-dahl":'),
    });
    expect(await findings(root)).toEqual([
      { rule: 'schema', file: P1, line: 10, column: 12, severity: 'error', key: 'secretary' },
      { rule: 'schema', file: 'people.yml', line: 10, column: 1, severity: 'error', key: 'dan\u001b-dahl' },
    ]);
    const out = await run(['check'], { cwd: root });
    expect(out.stdout).toContain(`${P1}:10:12  fel  [schema] secretary: Oväntat styrtecken U+0009, förväntade vanlig text;`);
    expect(out.stdout).toContain('people.yml:10:1  fel  [schema] dan\\u001b-dahl: Oväntat styrtecken U+001B, förväntade vanlig text;');
  });

  it('keeps what multi-line text may hold: tab, line feed, CRLF, astral characters', async () => {
    const root = await archiveWith(MINI, {
      [P1]: replace('place: Stadshuset, Bjuv', 'place: "Stadshuset\\tsal 1\\r\\nBjuv 🏛"\ntheme: |\n  Budget\n  med\ttabb'),
    });
    expect(await findings(root)).toEqual([]);
  });
});

describe('nothing from the archive reaches a terminal, a CI log or the XML raw', () => {
  /** An unknown key is quoted in its message: the way archive text reaches a finding. */
  const quoted = { [P1]: replace('place: Stadshuset, Bjuv', 'place: Stadshuset, Bjuv\n"x\\e[2J\\e[H\\u202E\\uFFFE\\n✔ 0 fel": 1') };

  it('text: the key is shown with visible escapes, on one line', async () => {
    const root = await archiveWith(MINI, quoted);
    const out = await run(['check'], { cwd: root });
    expect(out.stdout).toBe(
      `${P1}:7:1  fel  [schema] x\\u001b[2J\\u001b[H\\u202e\\ufffe\\n✔ 0 fel: Okänd nyckel ”x\\u001b[2J\\u001b[H\\u202e\\ufffe\\n✔ 0 fel”.\n` +
        '\n1 fel, 0 varningar i 1 fil.\n',
    );
    expect(out.stdout).not.toMatch(/\u001b/);
    expect(out.stdout).not.toMatch(RAW_CONTROL);
  });

  it('json: the same data when parsed, no raw control or bidirectional character in the text', async () => {
    const root = await archiveWith(MINI, quoted);
    const out = await run(['check', '--format', 'json'], { cwd: root });
    expect(out.stdout).not.toMatch(RAW_CONTROL);
    expect(out.stdout).toContain('"key": "x\\u001b[2J\\u001b[H\\u202e\\ufffe\\n✔ 0 fel"');
    expect(JSON.parse(out.stdout).findings[0].data).toEqual({ key: 'x\u001b[2J\u001b[H\u202e\ufffe\n✔ 0 fel' });
  });

  it('github: one annotation, escape codes visible, line ends in the runner’s own escaping', async () => {
    const root = await archiveWith(MINI, quoted);
    const out = await run(['check', '--format', 'github'], { cwd: root });
    expect(out.stdout).toBe(
      // The line feed is the runner's own %0A, so the annotation stays one command.
      `::error file=${P1},line=7,col=1,title=kd schema::x\\u001b[2J\\u001b[H\\u202e\\ufffe%0A✔ 0 fel: Okänd nyckel ”x\\u001b[2J\\u001b[H\\u202e\\ufffe%0A✔ 0 fel”.\n`,
    );
  });

  it('junit: well-formed XML 1.0, for the refused values and for the quoted key', async () => {
    for (const changes of [hostile, quoted]) {
      const root = await archiveWith(MINI, changes);
      const out = await run(['check', '--format', 'junit'], { cwd: root });
      expect(out.code).toBe(1);
      expect(wellFormedXml(out.stdout)).toBe(true);
      expect(out.stdout).not.toMatch(RAW_CONTROL);
    }
    const root = await archiveWith(MINI, quoted);
    expect((await run(['check', '--format', 'junit'], { cwd: root })).stdout).toContain(
      `<failure type="schema" message="Okänd nyckel ”x\\u001b[2J\\u001b[H\\u202e\\ufffe\\n✔ 0 fel”.">${P1}:7:1 [schema] x\\u001b[2J`,
    );
  });

  it('the tiny XML check itself refuses what it should', () => {
    expect(wellFormedXml('<?xml version="1.0"?><a b="c"><d/>e &amp; f</a>')).toBe(true);
    expect(wellFormedXml('<a>\u001b</a>')).toBe(false);
    expect(wellFormedXml('<a>\uFFFE</a>')).toBe(false);
    expect(wellFormedXml('<a><b></a>')).toBe(false);
    expect(wellFormedXml('<a>1 < 2</a>')).toBe(false);
  });

  it('a terminal table shows control characters as escapes, columns still aligned', () => {
    const out = renderTextTable(
      {
        columns: [{ title: 'Plats' }, { title: 'N', align: 'right' }],
        rows: [
          ['Sal\u001b[2J', '1'],
          ['A\tB\u202e', '12'],
        ],
      },
      new Chalk({ level: 0 }),
    );
    expect(out).toBe('Plats          N\n────────────  ──\nSal\\u001b[2J   1\nA\\tB\\u202e    12\n');
  });
});

describe('CSV formula guard', () => {
  it('prefixes every cell that starts like a formula unless the whole cell is a number', () => {
    const csv = renderCsv({
      columns: [{ title: 'Värde' }],
      rows: [
        ["-1+1+cmd|' /C calc'!A0"],
        ['=1+1'],
        ['+SUM(A1)'],
        ['@x'],
        ['-2,5'],
        ['-2.5'],
        ['-12'],
        ['42'],
        ['-'],
        ['-2,5 %'],
        ['- punkt'],
        ['\tflik'],
        ['=A1;B1'],
      ],
    });
    expect(csv).toBe(
      '\uFEFFVärde\r\n' +
        "'-1+1+cmd|' /C calc'!A0\r\n" +
        "'=1+1\r\n" +
        "'+SUM(A1)\r\n" +
        "'@x\r\n" +
        '-2,5\r\n' +
        '-2.5\r\n' +
        '-12\r\n' +
        '42\r\n' +
        "'-\r\n" +
        "'-2,5 %\r\n" +
        "'- punkt\r\n" +
        "'\tflik\r\n" +
        `"'=A1;B1"\r\n`,
    );
  });
});

describe('iCalendar', () => {
  const opts = {
    organisation: 'Test\u001bsamverkan',
    version: '0.0.0',
    lang: 'sv',
    words: { theme: 'Tema', agenda: 'Dagordning', protocol: 'Protokoll', inArchive: 'i arkivet' },
  };

  it('turns every line break (CRLF, LF or a lone CR) into \\n, a tab into a space, and drops other control characters', () => {
    const ics = renderIcs(
      [
        {
          date: '2019-03-14',
          time: '09:00-12:00',
          place: 'Sal\r1\u0007\u001b[2J\u0085',
          theme: 'Bud\u202eget\tår\uFFFE',
          agenda: ['Ett\r\nTvå', 'Tre\nFyra\u0000'],
          network: 'grupp',
          networkName: 'Grupp\u2066en',
          protocol: 'networks/grupp/protocols/2019/2019-03-14-1.md',
          protocolId: '1/2019',
          // Never so from kd (the address is checked, then built by URL), but a line break here still cannot start a property.
          url: 'https://x.example/a\r\nX-EVIL:1',
        },
      ],
      opts,
    );
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain('X-WR-CALNAME:Testsamverkan');
    expect(lines).toContain('SUMMARY:Gruppen');
    expect(lines).toContain('LOCATION:Sal\\n1[2J');
    expect(lines).toContain(
      'DESCRIPTION:Tema: Budget år\\n\\nDagordning:\\n- Ett\\nTvå\\n- Tre\\nFyra\\n\\nProtokoll 1/2019: https://x.example/a\\nX-EVIL:1',
    );
    expect(lines).toContain('URL;VALUE=URI:https://x.example/aX-EVIL:1');
    expect(lines.filter((l) => l.startsWith('X-EVIL'))).toEqual([]);
    // CR only in the CRLF that ends (or folds) a content line; no other control character at all.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/u);
  });
});
