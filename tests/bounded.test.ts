import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRemark, parseOutline, readOutline, scanWithInline } from '../src/archive/outline.js';
import { MAX_FILE_BYTES } from '../src/archive/read.js';
import { parseLegacy } from '../src/import/legacy.js';
import { processFile, summariesOf } from '../src/model/file.js';
import { archiveWith, findings, MINI, run } from './helpers.js';

/**
 * No input can stall CI: every file up to the size cap takes time linear in
 * its size. Each case is built from a shape that took minutes or hours before
 * (a quadratic path at 1 MiB), at the cap, and must pass within the hang
 * guard below — a linear path needs a second or two on a slow machine. Times
 * are never asserted; what each file comes to is.
 */
const GUARD = 20_000;
const P2 = 'networks/grupp/protocols/2019/2019-02-14-2.md';

/** The mini archive's protocol 2/2019, whose body each case replaces: its front matter as it is, so kd check has nothing else to say. */
const ORIGINAL = readFileSync(path.join(MINI, P2), 'utf8');
const FRONT = ORIGINAL.slice(0, ORIGINAL.indexOf('\n---\n') + 5);
const BODY_LINE = FRONT.split('\n').length;
const SECTIONS = '## 1. Budget\n\nText.\n\n## 2. Regionens strategi\n\nText.\n\n';
const bytes = (s: string) => Buffer.byteLength(s);

/** `head`, then `unit` as often as fits, then `tail`: a file of exactly `size` bytes or just under. */
function atCap(head: string, unit: string, tail = '', size = MAX_FILE_BYTES): string {
  const room = size - bytes(head) - bytes(tail);
  return head + unit.repeat(Math.floor(room / bytes(unit))) + tail;
}
/** A protocol at the cap: its two sections, then the pathological body. */
const protocol = (unit: string, tail = '', head = SECTIONS) => atCap(FRONT + head, unit, tail);
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

const TWO = [
  { no: 1, title: 'Budget', heading: '## 1. Budget', line: BODY_LINE, column: 1 },
  { no: 2, title: 'Regionens strategi', heading: '## 2. Regionens strategi', line: BODY_LINE + 4, column: 1 },
];

// These read protocol text with the sync readers directly; kd's own callers load remark through withRemark.
beforeAll(loadRemark);

describe('a protocol at the size cap is read in linear time', () => {
  const accepted: [string, () => string][] = [
    // 64 s for 101 KB before: the heading's text and closing #s were found by backtracking patterns.
    ['a heading followed by spaces to the cap', () => atCap(`${FRONT}## 1. Budget`, ' ', ' #\n\nText.\n\n## 2. Regionens strategi\n')],
    // 36 s for 22 KB before: micromark resolves setext underlines in quadratic time.
    ['thousands of = underlines', () => protocol('a\n=\n=\n')],
    ['thousands of - underlines', () => protocol('a\n--\n')],
    // 9 s for 300 KB before: the line scan looked through the whole body at every list line.
    ['list lines', () => protocol('- punkt\n')],
    ['list lines, one of them with an indented heading', () => protocol('- punkt\n', '', `${SECTIONS}- a\n  ## 3. Inte en punkt\n`)],
    [
      'nested lists as deep as the scan follows',
      () => protocol('  - b\n', '', `${SECTIONS}${Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- a\n`).join('')}`),
    ],
    ['lazy lines in a block quote', () => protocol('b\n', '', `${SECTIONS}> a\n`)],
    ['a list, then = lines', () => protocol('=\n', '', `${SECTIONS}- a\n`)],
    ['block quotes and lists on every line', () => protocol('- > - > a\n')],
    [
      'an HTML block and a comment, then = lines',
      () => protocol('a\n=\n', '', `${SECTIONS}<!-- Skriv här -->\n<div>\n## 3. I html\n</div>\n\n`),
    ],
    ['unbalanced brackets', () => protocol('[a](')],
    ['one line of (', () => protocol('(')],
    ['one line of `', () => protocol('`', '', `${SECTIONS}x`)],
    ['one line of *', () => protocol('*')],
    ['one line of #', () => protocol('#', '', `${SECTIONS}x`)],
    ['one line of one word repeated', () => protocol('ord ')],
    ['fences opened and closed', () => protocol('```\n## 3. Kod\n```\n')],
    ['indented code', () => protocol('    ## 3. Kod\n')],
    ['blank lines', () => protocol('\n')],
  ];
  it.each(accepted)(
    '%s: its two sections, nothing else',
    (_, make) => {
      const text = make();
      expect(bytes(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
      expect(bytes(text)).toBeGreaterThan(MAX_FILE_BYTES - 100);
      const record = processFile(P2, 'protocol', Buffer.from(text));
      expect(record.findings).toEqual([]);
      expect(record.sections).toEqual(TWO);
      // What the sections say, which a report reads from the file again, is bounded too (its words: summary.test.ts).
      const said = summariesOf(Buffer.from(text), record.yaml!, record.sections);
      expect([...said.keys()].filter((no) => no !== 1 && no !== 2)).toEqual([]);
    },
    GUARD,
  );

  it(
    'as many sections as fit are all read',
    () => {
      const text = protocol('## 3. Extra\n');
      const record = processFile(P2, 'protocol', Buffer.from(text));
      expect(record.findings).toEqual([]);
      expect(record.sections.length).toBe(2 + Math.floor((MAX_FILE_BYTES - bytes(FRONT + SECTIONS)) / 12));
      expect(record.sections.at(-1)).toMatchObject({ no: 3, title: 'Extra' });
    },
    GUARD,
  );

  /** Bodies whose sections the line scan cannot be sure of, too large for remark: a finding where reading stopped, never a silent skip. */
  const refused: [string, () => string, string][] = [
    ['block quotes nested deeper than kd follows', () => protocol('a\n', '', `${SECTIONS}${'>'.repeat(40)} a\n`), '>'.repeat(40)],
    [
      'lists nested deeper than kd follows',
      () => protocol('b\n', '', `${SECTIONS}${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- a\n`).join('')}`),
      `${'  '.repeat(32)}- a`,
    ],
    ['a section heading with inline markup on a line to the cap', () => protocol('*', '\n', `${SECTIONS}## 3. `), '## 3. *'],
    ['more section headings with inline markup than remark is given', () => protocol('## 3. *Extra*\n'), '## 3. *Extra*'],
  ];
  it.each(refused)(
    '%s: a finding at the line, with file, column and message',
    (_, make, start) => {
      const text = make();
      const record = processFile(P2, 'protocol', Buffer.from(text));
      expect(record.sections).toEqual([]);
      expect(record.findings).toHaveLength(1);
      const [finding] = record.findings;
      expect(finding).toMatchObject({ rule: 'body', severity: 'error', file: P2, message: { key: 'body.unreadable' } });
      const line = text.split('\n')[finding!.line - 1]!;
      expect(line.startsWith(start)).toBe(true);
      expect(finding!.column).toBe(line.length - line.trimStart().length + 1);
      expect(finding!.line).toBeGreaterThan(lineOf(text, text.indexOf('\n---\n') + 1));
    },
    GUARD,
  );

  it('a small body the scan leaves open still goes to remark, as before', () => {
    // A link definition before a setext heading: the scan leaves the pair to remark.
    const body = '[a]: /url\n2\\. Foo\n---\n\n## 1. Budget\n';
    expect(scanWithInline(body, 1)).toBeUndefined();
    expect(readOutline(body, 1)).toEqual({
      ok: true,
      sections: [
        { no: 2, title: 'Foo', heading: '## 2. Foo', line: 1, column: 1 },
        { no: 1, title: 'Budget', heading: '## 1. Budget', line: 5, column: 1 },
      ],
    });
  });
});

describe('the line scan reads sections as remark does', () => {
  // Lines built from container markers, indentation and the block starts that decide
  // where a section is: wherever the scan decides, it must decide as remark does.
  const PREFIX = [
    '',
    '',
    '',
    ' ',
    '   ',
    '    ',
    '\t',
    ' \t',
    '> ',
    '>',
    '>\t',
    '- ',
    '-',
    '* ',
    '1. ',
    '2. ',
    '1) ',
    '-\t',
    '  - ',
    '-     ',
    '1234567890. ',
  ];
  const BLOCK = [
    '## 1. A',
    '## 2. B ##',
    '##\t3. C',
    '## 4.',
    '##',
    '# h',
    '### 4. x',
    '1. x',
    '2\\. Foo',
    '*1.* x',
    '## 1. *a* b',
    '## *1.* a',
    '## &#49;. a',
    '## 1. [x]',
    '---',
    '--',
    '-',
    '===',
    '***',
    '* * *',
    '```',
    '```js',
    '``` `',
    '~~~',
    '<div>',
    '</div>',
    '<div/>',
    '<!-- c -->',
    '<!--',
    '-->',
    '<span>',
    '<span> x',
    '</pre>',
    '<pre>x</pre>',
    '<?x',
    '?>',
    '<!X',
    '<![CDATA[',
    ']]>',
    'text',
    '[a]: /u',
    '[x]: /u',
    '',
    '',
    'code',
    'a  ',
    '`2.',
    'x`',
    '2.Foo',
    '\u00a02. nb',
    '2. Foo  ',
  ];
  const line = fc.tuple(fc.array(fc.constantFrom(...PREFIX), { maxLength: 2 }), fc.constantFrom(...BLOCK)).map(([p, b]) => p.join('') + b);
  it('on bodies built from block starts and containers', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        const body = `${lines.join('\n')}\n`;
        const scanned = scanWithInline(body, 1);
        if (scanned !== undefined) expect(scanned).toEqual(parseOutline(body, 1));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000), seed: 16 },
    );
  });
});

describe('front matter at the size cap is read in linear time', () => {
  it(
    'a mapping of a hundred thousand keys: each unknown key reported once',
    () => {
      const keys: string[] = [];
      for (let k = 0, size = bytes(FRONT) + 10; size < MAX_FILE_BYTES; k++) size += bytes((keys[k] = `u${k.toString(36)}: 1\n`));
      const record = processFile(P2, 'protocol', Buffer.from(`${FRONT.slice(0, -4)}${keys.join('')}---\n`));
      expect(record.findings.length).toBeGreaterThan(100_000);
      expect(new Set(record.findings.map((f) => f.message.key))).toEqual(new Set(['schema.unknown-key']));
    },
    GUARD,
  );

  it(
    'a key repeated to the cap: 200 findings, then one that says how many more',
    () => {
      const text = atCap(FRONT.slice(0, -4), 'a: 1\n', '---\n');
      const record = processFile(P2, 'protocol', Buffer.from(text));
      const repeats = Math.floor((MAX_FILE_BYTES - bytes(FRONT)) / 5) - 1;
      // The first key stands where the closing --- stood; the second is the first repeat.
      const first = BODY_LINE;
      expect(record.findings).toHaveLength(201);
      expect(record.findings[0]).toMatchObject({
        rule: 'yaml-syntax',
        line: first,
        column: 1,
        message: { key: 'yaml.error', data: { code: 'DUPLICATE_KEY', found: 'a: 1' } },
      });
      expect(record.findings[199]).toMatchObject({ line: first + 199, message: { key: 'yaml.error' } });
      expect(record.findings[200]).toMatchObject({
        rule: 'yaml-syntax',
        line: first + 200,
        column: 1,
        message: { key: 'yaml.more', data: { count: repeats - 200 } },
      });
    },
    GUARD,
  );

  it(
    'flow collections nested to the cap: the parser stops them, kd does not crash',
    () => {
      const half = Math.floor((MAX_FILE_BYTES - 20) / 2);
      const record = processFile(P2, 'protocol', Buffer.from(`---\nx: ${'['.repeat(half)}${']'.repeat(half)}\n---\n`));
      expect(record.findings).toHaveLength(1);
      expect(record.findings[0]).toMatchObject({ rule: 'yaml-syntax', line: 2, message: { key: 'yaml.error' } });
    },
    GUARD,
  );

  it(
    'a flow sequence of one line to the cap',
    () => {
      const [head, tail] = FRONT.split('present: [anna-ahl, siv-sekr]') as [string, string];
      const text = atCap(`${head}present: [anna-ahl, siv-sekr`, ', siv-sekr', `]${tail}${SECTIONS}`);
      const record = processFile(P2, 'protocol', Buffer.from(text));
      expect(record.findings).toEqual([]);
      expect((record.data as { attendance: { present: string[] } }).attendance.present.length).toBeGreaterThan(90_000);
    },
    GUARD,
  );
});

describe('YAML slips at the size cap: the pass over the lines reads each once, and tries only the repairs it can afford', () => {
  const NETWORK = 'networks/grupp/network.yml';
  const yamlAtCap = (head: string, unit: string, tail = '') => atCap(head, unit, tail);
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `  k${i.toString(36)}: v\n`).join('');
  const slips = (text: string) =>
    processFile(NETWORK, 'network', Buffer.from(text)).findings.map((f) => ({ line: f.line, column: f.column, key: f.message.key }));

  it(
    'a key one step too far in after a hundred thousand keys: no repair is tried, the parser says where it stopped',
    () => {
      // A short text gets its repair tried and named (the test of the size is the one below).
      expect(slips(`m:\n${keys(100)}   z: 1\n`)).toEqual([{ line: 102, column: 4, key: 'yaml.indent' }]);
      const lines = ['m:'];
      for (let n = 0, size = 3; size < MAX_FILE_BYTES - 20; n++) size += bytes((lines[n + 1] = `  k${n.toString(36)}: v`)) + 1;
      const text = `${lines.join('\n')}\n`;
      expect(slips(`${text}   z: 1\n`)).toEqual([{ line: lines.length, column: 10, key: 'yaml.error' }]);
    },
    GUARD,
  );

  it(
    'a quote left open on the first line of a text at the cap: named where it opens',
    () => {
      expect(slips(yamlAtCap('a: "b\n', '  c d e f\n'))).toEqual([{ line: 1, column: 4, key: 'yaml.quote-unclosed' }]);
    },
    GUARD,
  );

  it(
    'keys nested as deep as a line may be long, then a slip: one finding',
    () => {
      let text = 'a:\n';
      for (let i = 2; i < 990; i += 2) text += `${' '.repeat(i)}b${i}:\n`;
      // How deep the parser follows depends on the stack it is given; either it or the pass names the slip (a key at an odd column), once.
      const found = processFile(NETWORK, 'network', Buffer.from(`${text}${' '.repeat(990)}c: 1\n${' '.repeat(987)}e: 1\n`)).findings;
      expect(found).toHaveLength(1);
      expect(found[0]!.rule).toBe('yaml-syntax');
    },
    GUARD,
  );

  it(
    'a colon in every item to the cap: named in the first',
    () => {
      expect(slips(yamlAtCap('l:\n', '  - a b: c d: e\n'))).toEqual([{ line: 2, column: 13, key: 'yaml.colon' }]);
    },
    GUARD,
  );

  it(
    'a # after every item to the cap: 200 warnings, then one that says how many more',
    () => {
      const found = slips(yamlAtCap('l:\n', '  - a b #x\n'));
      expect(found).toHaveLength(201);
      expect(found[0]).toEqual({ line: 2, column: 9, key: 'yaml.hash-cut' });
      expect(found[200]!.key).toBe('yaml.more');
    },
    GUARD,
  );
});

describe('kd check on a file at the size cap', () => {
  it(
    'a heading followed by spaces, setext lines and list lines: the file passes',
    async () => {
      const body = `## 1. Budget${' '.repeat(300_000)}#\n\n## 2. Regionens strategi\n\n`;
      const root = await archiveWith(MINI, { [P2]: atCap(FRONT + body, 'a\n=\n- b\n') });
      expect((await findings(root)).filter((f) => f.file === P2)).toEqual([]);
    },
    GUARD,
  );

  it(
    'a body nested too deep: one finding, in the check output',
    async () => {
      const text = protocol('a\n', '', `${SECTIONS}${'>'.repeat(40)} a\n`);
      const root = await archiveWith(MINI, { [P2]: text });
      const out = await run(['check', '--format', 'json'], { cwd: root });
      expect(out.code).toBe(1);
      const found = (
        JSON.parse(out.stdout).findings as { file: string; rule: string; line: number; column: number; message: string }[]
      ).filter((f) => f.file === P2);
      expect(found).toEqual([{ ...found[0], rule: 'body', line: BODY_LINE + 8, column: 1 }]);
      expect(found[0]!.message).toContain('som kd bara kan läsa i en kortare text');
    },
    GUARD,
  );
});

describe('legacy minutes at the size cap are read in linear time', () => {
  const CAP = MAX_FILE_BYTES;
  const fill = (unit: string, head = '', tail = '') =>
    head + unit.repeat(Math.floor((CAP - head.length - tail.length) / unit.length)) + tail;
  const lines = (line: string) => `${line}\n`.repeat(Math.floor(CAP / (line.length + 1)));
  const cases: [string, () => string, (p: ReturnType<typeof parseLegacy>) => void][] = [
    ['one line of (', () => fill('('), (p) => expect([p.items.length, p.present.length, p.notUnderstood.length]).toEqual([0, 0, 1])],
    [
      'a guest followed by a run of (',
      () => fill('(', 'Övriga deltagande: Från Regionen deltar Maja Ek '),
      (p) => expect(p.guests.map((g) => g.organisation)).toEqual(['Regionen']),
    ],
    ['spaces before "kommun"', () => fill(' ', 'Maja Ek, Hylte', 'kommun'), (p) => expect(p.notUnderstood).toHaveLength(1)],
    [
      'spaces before "kommun" in a list',
      () => fill(' ', 'Närvarande: Maja Ek, Hylte', 'kommun'),
      (p) => expect(p.present.map((x) => [x.name, x.municipality])).toEqual([['Maja Ek', 'Hylte']]),
    ],
    [
      'spaces before a task',
      () => fill(' ', '1. Budget\nMaja Ek', 'får i uppdrag att'),
      (p) => expect(p.items.map((i) => i.title)).toEqual(['Budget']),
    ],
    ['a line of one word repeated', () => fill('ord '), (p) => expect(p.notUnderstood).toHaveLength(1)],
    ['lines of 100,000 characters', () => lines('a'.repeat(100_000)), (p) => expect(p.intro).toHaveLength(1)],
    [
      'label words on one line',
      () => fill('Datum: Tid: Plats: '),
      (p) => expect([p.date, p.time, p.place]).toEqual([undefined, undefined, undefined]),
    ],
    ['label lines', () => lines('Närvarande:'), (p) => expect(p.present).toEqual([])],
    ['item ranges run together', () => fill('§ 4-', 'Närvarande: Maja Ek ', '5'), (p) => expect(p.present).toHaveLength(1)],
    ['dots after a name', () => fill('.', 'Närvarande: Maja Ek ', 'x.'), (p) => expect(p.present).toHaveLength(1)],
    [
      'ten thousand items',
      () => {
        let s = '';
        for (let k = 1; s.length < CAP - 20; k++) s += `§ ${k} Punkt\n`;
        return s;
      },
      (p) => expect([p.items.length, p.items.at(-1)?.source]).toEqual([9999, '§ 9999']),
    ],
    [
      'a decision going on for the whole file',
      () => fill('och följa upp den\n', '1. Budget\nBeslut: att anta budgeten\n'),
      (p) => expect(p.items[0]!.decisions).toHaveLength(1),
    ],
    ['a date repeated on one line', () => fill('2019-01-01 '), (p) => expect(p.date).toBe('2019-01-01')],
    [
      '"Från" repeated before "deltar"',
      () => fill('Från Regionen ', 'Övriga deltagande: ', 'deltar'),
      (p) => expect(p.guests).toHaveLength(1),
    ],
    ['a hundred thousand names', () => fill('Maja Ek, ', 'Närvarande: '), (p) => expect(p.present.length).toBeGreaterThan(100_000)],
    [
      'a list of people one a line',
      () => `Närvarande:\n${lines('Maja Ek, Hylte kommun')}`,
      (p) => expect(p.present.length).toBeGreaterThan(40_000),
    ],
  ];
  it.each(cases)(
    '%s',
    (_, make, expectation) => {
      const text = make();
      expect(text.length).toBeLessThanOrEqual(CAP);
      expect(text.length).toBeGreaterThan(CAP * 0.9);
      expectation(parseLegacy(text));
    },
    GUARD,
  );
});

describe('kd import caps what it reads', () => {
  const CONTENT_TYPES =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const RELS =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const document = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  async function docx(parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', CONTENT_TYPES);
    zip.file('_rels/.rels', RELS);
    for (const [name, data] of Object.entries(parts)) zip.file(name, data);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
  const TOO_LARGE = '  Word-filen packas upp till mer än 32 MiB, eller mer än 4 MiB XML, och är inte ett protokoll; inget lästes.\n';
  const importing = async (name: string, data: Uint8Array | string) => {
    const root = await archiveWith(MINI, { [`in/${name}`]: data });
    return run(['import', `in/${name}`, '--network', 'grupp'], { cwd: root });
  };

  it(
    'a part that says it unpacks to more than the cap: refused before mammoth runs, exit 1',
    async () => {
      const zip = await docx({ 'word/document.xml': document('<w:p><w:r><w:t>Datum: 14 mars 2019</w:t></w:r></w:p>') });
      // The central directory's uncompressed size of word/document.xml, made 2 GB.
      declareSize(zip, 'word/document.xml', 0x7fffffff);
      const out = await importing('stor.docx', zip);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe(`in/stor.docx: inget skrevs\n${TOO_LARGE}\n`);
    },
    GUARD,
  );

  it(
    'a deflate bomb: 40 MiB of one character in a few kilobytes',
    async () => {
      const zip = await docx({ 'word/media/image1.png': new Uint8Array(40 * 1024 * 1024), 'word/document.xml': document('') });
      expect(zip.length).toBeLessThan(200 * 1024);
      const out = await importing('bomb.docx', zip);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe(`in/bomb.docx: inget skrevs\n${TOO_LARGE}\n`);
    },
    GUARD,
  );

  it(
    'more XML than mammoth is given: refused the same way',
    async () => {
      const zip = await docx({ 'word/document.xml': document('<w:p><w:r><w:t>Text.</w:t></w:r></w:p>'.repeat(120_000)) });
      const out = await importing('xml.docx', zip);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe(`in/xml.docx: inget skrevs\n${TOO_LARGE}\n`);
    },
    GUARD,
  );

  it(
    'a part that unpacks to more than it declares: not unpacked further, the file is unreadable',
    async () => {
      const zip = await docx({ 'word/document.xml': document(`<w:p><w:r><w:t>${'a'.repeat(100_000)}</w:t></w:r></w:p>`) });
      declareSize(zip, 'word/document.xml', 1000);
      const out = await importing('lies.docx', zip);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('in/lies.docx: inget skrevs\n  Filen kunde inte läsas.\n\n');
    },
    GUARD,
  );

  it(
    'an ordinary Word file still reads',
    async () => {
      const text = await readFile(path.join(MINI, '..', 'legacy', 'nordvast-3-2019.txt'), 'utf8');
      const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const zip = await docx({
        'word/document.xml': document(
          text
            .split('\n')
            .map((p) => `<w:p><w:r><w:t xml:space="preserve">${xml(p)}</w:t></w:r></w:p>`)
            .join(''),
        ),
      });
      const out = await importing('nordvast.docx', zip);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('in/nordvast.docx → networks/grupp/protocols/2019/2019-03-15-3.md');
    },
    GUARD,
  );

  it(
    'text longer than a protocol may be: refused, exit 1',
    async () => {
      const out = await importing('lang.txt', `Datum: 14 mars 2019\n${'a'.repeat(MAX_FILE_BYTES)}\n`);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe(
        `in/lang.txt: inget skrevs\n  Texten i filen är längre än ${MAX_FILE_BYTES} tecken, mer än ett protokoll får vara; inget lästes.\n\n`,
      );
    },
    GUARD,
  );
});

/** Sets the uncompressed size a zip's central directory declares for one part, as a forged file would. */
function declareSize(zip: Uint8Array, part: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let at = zip.length - 22;
  while (view.getUint32(at, true) !== 0x06054b50) at--;
  for (
    let p = view.getUint32(at + 16, true);
    view.getUint32(p, true) === 0x02014b50;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
  ) {
    if (Buffer.from(zip.subarray(p + 46, p + 46 + view.getUint16(p + 28, true))).toString() === part) view.setUint32(p + 24, size, true);
  }
}
