import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { archiveWith, REPO, replace, run } from './helpers.js';

const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'render');
const EXPECTED = path.join(REPO, 'tests', 'fixtures', 'expected', 'render');
const RICH = 'networks/ledning/protocols/2019/2019-04-05-2.md';

/** The version kd stamps on an HTML page, masked so a release does not change the goldens. */
const masked = (text: string) => text.replace(/kd \d+\.\d+\.\d+/g, 'kd X.Y.Z');

/** Compares with a golden file; KD_UPDATE_GOLDEN=1 writes it instead (then read the diff before committing). */
async function golden(name: string, text: string): Promise<void> {
  const file = path.join(EXPECTED, name);
  if (process.env.KD_UPDATE_GOLDEN === '1') {
    await mkdir(EXPECTED, { recursive: true });
    await writeFile(file, masked(text));
  }
  expect(masked(text)).toBe(await readFile(file, 'utf8'));
}

async function render(args: string[]) {
  const out = await run(['render', ...args]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return out.stdout;
}

const SAMPLE_ID = ['kd-gruppen 7/2019', '--archive', 'archive'];
const RICH_ARGS = [RICH, '--archive', FIXTURE];

describe('kd render: golden renderings', () => {
  it.each([
    ['sample-kd-gruppen-7-2019.sv.md', [...SAMPLE_ID]],
    ['sample-kd-gruppen-7-2019.sv.html', [...SAMPLE_ID, '--format', 'html']],
    ['ledning-2-2019.sv.md', [...RICH_ARGS]],
    ['ledning-2-2019.sv.html', [...RICH_ARGS, '--format', 'html']],
    ['ledning-2-2019.en.md', [...RICH_ARGS, '--lang', 'en']],
    ['ledning-2-2019.public.sv.md', [...RICH_ARGS, '--public']],
    ['ledning-2-2019.public.sv.html', [...RICH_ARGS, '--public', '--format', 'html']],
  ])('%s', async (name, args) => {
    await golden(name, await render(args));
  });
});

describe('kd render: the protocol in the network’s shape', () => {
  it('names who took part and how, the guests, the decisions, assignments, follow-ups, corrections and the approval', async () => {
    const out = await render(RICH_ARGS);
    expect(out.split('\n')[0]).toBe('# Ledningsgruppen – Protokoll 2/2019');
    expect(out).toContain('**Datum:** 5 april 2019');
    expect(out).toContain('**Tid:** kl. 09.00–15.30');
    expect(out).toContain('- Anna Ahl, Alsered, ordförande\n');
    expect(out).toContain('- Bertil Borg, Björkvik (till kl. 11.25)\n');
    expect(out).toContain('- Frida Falk, Fagersta (punkterna 1–3)\n');
    expect(out).toContain('- Cecilia Dal, Dalby (deltog digitalt)\n');
    expect(out).toContain('- Eva Ek, Ekholm (ersättare för David Ek)\n');
    expect(out).toContain('- Gustav Gran, Alsereds kommun, Ekonomichef (punkt 1)\n');
    expect(out).toContain('Följer upp ledning 1/2019 §1:1.');
    expect(out).toContain('Uppdrag ledning 2/2019 §2:1: Cecilia Dal, senast 14 juni 2019.');
    expect(out).toContain('- 20 april 2019, Hanna Holm: Punkt 2:');
    expect(out).toContain('**Justeras:** Anna Ahl och Frida Falk');
    expect(out).toContain('Justerat 12 april 2019 av Anna Ahl och Frida Falk (elektronisk underskrift).');
    expect(out).toContain('Diarienummer: MKS 2019/41');
    // Internal: everything is there, and the page says it is not for publication.
    expect(out).toContain('**Internt – innehåller uppgifter som inte publiceras**');
    expect(out).toContain('Kommunpolisen beskrev hoten');
    expect(out).toContain('Lisa Lund');
  });

  it('--public shows a confidential item by number, title and reason only, and a guest not to be published without name', async () => {
    for (const format of ['md', 'html']) {
      const out = await render([...RICH_ARGS, '--public', '--format', format]);
      for (const secret of [
        'Kommunpolisen beskrev hoten',
        'hoten mot politiker',
        'stärker skyddet vid nämndsammanträden',
        'skyddade personuppgifter',
        // The correction of item 3, itself confidential.
        'kommunstyrelsens sammanträden',
        'Lisa Lund',
        'Internt',
      ])
        expect(out).not.toContain(secret);
      expect(out).toContain('3. Lägesbild om hot mot förtroendevalda');
      expect(out).toContain('Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen');
      expect(out).toContain('Sekretess: 21 kap. 3 § offentlighets- och sekretesslagen');
      expect(out).toContain('Polismyndigheten, Kommunpolis (punkt 3)');
      expect(out).toContain('Hanna Holm: Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen');
      // What is not secret stays.
      expect(out).toContain('att nästa möte hålls i Dalby.');
    }
  });

  it('marks a draft as not approved, at the top and in the approval block', async () => {
    const dir = await archiveWith(FIXTURE, {
      [RICH]: replace(
        'status: justerat\nchair: anna-ahl\nsecretary: hanna-holm\napprovers: [anna-ahl, frida-falk]\napproval:\n  date: 2019-04-12\n  by: [anna-ahl, frida-falk]\n  method: e-signature\n  ref: MKS 2019/41\n',
        'status: utkast\nchair: anna-ahl\nsecretary: hanna-holm\n',
      ),
    });
    const out = await render([RICH, '--archive', dir]);
    expect(out.match(/\*\*Ej justerat – utkast\*\*/g)).toHaveLength(2);
    expect(out).toContain('**Justeras:** Anna Ahl\n');
  });

  it('as an accessible HTML page: language, one h1, headings in order, print CSS, no scripts', async () => {
    const html = await render([...RICH_ARGS, '--format', 'html', '--lang', 'en']);
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('<title>Ledningsgruppen – Minutes 2/2019</title>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
    levels.forEach((l, i) => i === 0 || expect(l).toBeLessThanOrEqual(levels[i - 1]! + 1));
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script');
  });

  it('gives a table in an item’s text a caption and column headers with scope', async () => {
    const dir = await archiveWith(FIXTURE, {
      [RICH]: replace('Inga övriga frågor utöver besluten nedan.', '| Kommun | Antal |\n| --- | --- |\n| Dalby | 4 |'),
    });
    const html = await render([RICH, '--archive', dir, '--format', 'html']);
    expect(html).toContain('<caption>4. Övriga frågor</caption>');
    expect(html).toContain('<th scope="col">Kommun</th>');
  });

  it('a link that would run script keeps only its text; an image from elsewhere becomes a link to it; raw HTML is dropped', async () => {
    const dir = await archiveWith(FIXTURE, {
      [RICH]: replace(
        'Inga övriga frågor utöver besluten nedan.',
        'Se [bilagan](javascript:alert(1)), [kartan](DATA:text/html,x), ![spårpixel](https://spår.example/p.gif), ![](//cdn.example/x.png), [avtalet](bilagor/avtal.pdf), [webben](https://example.se/a) och <script>alert(2)</script><img src=x onerror=alert(3)>.',
      ),
    });
    const html = await render([RICH, '--archive', dir, '--format', 'html']);
    const main = html.slice(html.indexOf('<main>'));
    expect(main).toContain(
      '<p>Se <a>bilagan</a>, <a>kartan</a>, <a href="https://sp%C3%A5r.example/p.gif">spårpixel</a>, <span>//cdn.example/x.png</span>, <a href="bilagor/avtal.pdf">avtalet</a>, <a href="https://example.se/a">webben</a> och alert(2).</p>',
    );
    expect(main).not.toMatch(/javascript:|data:|<img|<script|onerror/i);
  });
});

describe('kd render: which protocol', () => {
  it('takes the id, a path from the current folder, or a path in the archive, and renders the same', async () => {
    const byId = await render(['ledning 2/2019', '--archive', FIXTURE]);
    expect(await render([path.join('tests', 'fixtures', 'render', RICH), '--archive', FIXTURE])).toBe(byId);
    expect(await render([RICH, '--archive', FIXTURE])).toBe(byId);
    // The network by its name, as everywhere else.
    expect(await render(['Ledningsgruppen 2/2019', '--archive', FIXTURE])).toBe(byId);
  });

  it('an unknown id is exit 2 with the nearest ids', async () => {
    const out = await run(['render', 'ledning 3/2019', '--archive', FIXTURE]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'kd: Okänt protokoll ”ledning 3/2019”, förväntade en protokollfil eller ett id som ”kd-gruppen 3/2019”; menade du ledning 1/2019 eller ledning 2/2019?\n',
    );
  });

  it('a protocol with errors in kd check is exit 1 with the findings, and nothing rendered', async () => {
    const dir = await archiveWith(FIXTURE, {
      [RICH]: replace('present: [anna-ahl, hanna-holm]', 'present: [anna-ahl, hanna-holm, okand-person]'),
    });
    const out = await run(['render', 'ledning 2/2019', '--archive', dir]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('okand-person');
    // A file that does not even pass its schema is found by path, and its findings shown.
    const broken = await archiveWith(FIXTURE, { [RICH]: replace('kind: protokoll', 'kind: beslut') });
    const byPath = await run(['render', RICH, '--archive', broken]);
    expect(byPath.code).toBe(1);
    expect(byPath.stderr).toContain(`${RICH}:`);
  });
});

describe('kd render: deterministic bytes', () => {
  const bin = (args: string[], tz: string) =>
    promisify(execFile)(process.execPath, [path.join(REPO, 'bin', 'kd.js'), 'render', ...args], {
      cwd: REPO,
      env: { ...process.env, TZ: tz, KD_CACHE: 'off', LANG: tz === 'Asia/Tokyo' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' },
    }).then((r) => r.stdout);

  it('the same protocol gives the same bytes on two runs and in any time zone', async () => {
    for (const args of [
      [...RICH_ARGS, '--format', 'html'],
      [...RICH_ARGS, '--format', 'md', '--public'],
    ]) {
      const [a, b, ny, tokyo] = await Promise.all([
        bin(args, 'UTC'),
        bin(args, 'UTC'),
        bin(args, 'America/New_York'),
        bin(args, 'Asia/Tokyo'),
      ]);
      expect(b).toBe(a);
      expect(ny).toBe(a);
      expect(tokyo).toBe(a);
      expect(a.length).toBeGreaterThan(1000);
    }
  });
});
