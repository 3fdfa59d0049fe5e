import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- the generator is plain JavaScript, outside the typed sources
import { generate } from '../bench/generate.js';
import { catalogue } from '../src/i18n/index.js';
import { archiveWith, external, filesUnder, idsOf, linksOf, made, REPO, replace, run, SAMPLE, target } from './helpers.js';

/**
 * kd site without a browser: every link of the written folder lands on a
 * file and an id, nothing confidential reaches a public site, and a rebuild
 * writes only the files whose content changed and removes only kd's own.
 * The sample site is built once; the other builds are of copies.
 */

const RENDER = path.join(REPO, 'tests', 'fixtures', 'render');
const CONFIDENTIAL = 'networks/ledning/protocols/2019/2019-04-05-2';

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-site-'));
  made.push(dir);
  return dir;
}

/** Every broken internal link of the site in `dir`: "page → href (why)". */
async function brokenLinks(dir: string): Promise<string[]> {
  const files = await filesUnder(dir);
  const have = new Set(files);
  const ids = new Map<string, Set<string>>();
  const idsIn = async (file: string) => {
    if (!ids.has(file)) ids.set(file, idsOf(await readFile(path.join(dir, file), 'utf8')));
    return ids.get(file)!;
  };
  const broken: string[] = [];
  for (const page of files.filter((f) => f.endsWith('.html'))) {
    for (const href of linksOf(await readFile(path.join(dir, page), 'utf8'))) {
      if (external(href)) continue;
      const to = target(page, href);
      if (to === undefined) broken.push(`${page} → ${href} (outside the folder)`);
      else if (!have.has(to.file)) broken.push(`${page} → ${href} (no file ${to.file})`);
      else if (to.anchor !== undefined && !(await idsIn(to.file)).has(to.anchor))
        broken.push(`${page} → ${href} (no id "${to.anchor}" in ${to.file})`);
    }
  }
  return broken;
}

/** Each file's content hash and modification time. */
async function snapshot(dir: string): Promise<Map<string, { hash: string; mtime: number }>> {
  const out = new Map<string, { hash: string; mtime: number }>();
  for (const file of await filesUnder(dir)) {
    const full = path.join(dir, file);
    out.set(file, {
      hash: createHash('sha256')
        .update(await readFile(full))
        .digest('hex'),
      mtime: (await stat(full)).mtimeMs,
    });
  }
  return out;
}

const sv = catalogue('sv');
const pause = () => new Promise((r) => setTimeout(r, 20));

describe('kd site', () => {
  let sample: string;
  let built: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    sample = await folder();
    built = await run(['site', '--archive', 'archive', '--out', sample, '--as-of', '2019-12-31']);
  }, 30_000);

  it('writes the sample archive as a site and says how much it wrote', async () => {
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const files = (await filesUnder(sample)).filter((f) => f !== '.kd-site.json');
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(built.stdout).toBe(
      `Offentlig webbplats i ${sample}: ${pages.length} sidor, ${files.length} filer skrivna, övriga oförändrade.\n`,
    );
    expect(pages.length).toBe(94);
  });

  it('every page takes its style from the one stylesheet, and every table has a caption and column headers with scope', async () => {
    const css = await readFile(path.join(sample, 'kd.css'), 'utf8');
    expect(css).toContain('ul.att');
    expect(css).toContain('.skip');
    let tables = 0;
    for (const page of (await filesUnder(sample)).filter((f) => f.endsWith('.html'))) {
      const html = await readFile(path.join(sample, page), 'utf8');
      const depth = page.split('/').length - 1;
      expect(html, page).toContain(`<link rel="stylesheet" href="${'../'.repeat(depth)}kd.css">`);
      expect(html, page).not.toContain('<style>');
      for (const table of html.match(/<table[^>]*>[\s\S]*?<\/table>/g) ?? []) {
        tables++;
        expect(table, page).toMatch(/^<table[^>]*><caption>[^<\s][^<]*(?:<span class="nw">[^<]*<\/span>[^<]*)*<\/caption>/);
        expect(table.match(/<th(?=[ >])/g)?.length, page).toBe(table.match(/<th [^>]*scope="col"/g)?.length);
      }
    }
    expect(tables).toBeGreaterThan(100);
  });

  it('a build shared between worker threads writes the same files, manifest included, as one thread', async () => {
    // With three workers the pages are theirs and the search the command's own thread's; with one thread it makes all.
    const archive = path.join(await folder(), 'arkiv');
    generate({ out: archive, protocols: 300, seed: 3 });
    // Both built by the compiled kd: the search script is the compiled function's text.
    const build = async (threads: string) => {
      const out = await folder();
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [path.join(REPO, 'bin', 'kd.js'), 'site', '--archive', archive, '--out', out, '--as-of', '2030-12-31'],
        { cwd: REPO, env: { ...process.env, KD_CACHE: 'off', KD_SITE_THREADS: threads } },
      );
      return { out, stdout };
    };
    const one = await build('1');
    const three = await build('3');
    expect(three.stdout).toBe(one.stdout.replace(one.out, three.out));
    const files = await filesUnder(one.out);
    expect(files.length).toBeGreaterThan(700);
    expect(await filesUnder(three.out)).toEqual(files);
    for (const f of files) expect(await readFile(path.join(three.out, f), 'utf8'), f).toBe(await readFile(path.join(one.out, f), 'utf8'));
  }, 60_000);

  it('every internal href and src lands on a file of the folder, and every #anchor on an id there', async () => {
    expect(await brokenLinks(sample)).toEqual([]);
  });

  it('every page is reached from the start page by following links: none is left where no reader finds it', async () => {
    const reached = new Set(['index.html']);
    const queue = ['index.html'];
    while (queue.length > 0) {
      const page = queue.shift()!;
      for (const href of linksOf(await readFile(path.join(sample, page), 'utf8'))) {
        const file = external(href) ? undefined : target(page, href)?.file;
        if (file?.endsWith('.html') && !reached.has(file)) {
          reached.add(file);
          queue.push(file);
        }
      }
    }
    const pages = (await filesUnder(sample)).filter((f) => f.endsWith('.html'));
    expect(pages.filter((p) => !reached.has(p))).toEqual([]);
  });

  describe('a public site shows nothing confidential; --internal shows it and says so', () => {
    /** The confidential texts of the fixture: an item's text, a decision of that item, a confidential decision, a confidential correction, a guest not to be published. */
    const SECRETS = [
      'Kommunpolisen beskrev hoten',
      'stärker skyddet vid nämndsammanträden',
      'skyddade personuppgifter',
      'kommunstyrelsens sammanträden',
      'Lisa Lund',
    ];

    async function everyFile(dir: string): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (const file of await filesUnder(dir)) out.set(file, await readFile(path.join(dir, file), 'utf8'));
      return out;
    }
    const holding = (files: Map<string, string>, text: string) => [...files].filter(([, body]) => body.includes(text)).map(([f]) => f);

    it('the fixture holds each confidential text', async () => {
      const source = await readFile(path.join(RENDER, `${CONFIDENTIAL}.md`), 'utf8');
      for (const secret of SECRETS) expect(source).toContain(secret);
    });

    it('public (the default): no confidential text in any file, html or script; the protocol says why its item is withheld', async () => {
      const out = await folder();
      const { code, stderr } = await run(['site', '--archive', RENDER, '--out', out, '--as-of', '2019-06-30']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const files = await everyFile(out);
      expect([...files.keys()].some((f) => f.startsWith('search/'))).toBe(true);
      expect(Object.fromEntries(SECRETS.map((s) => [s, holding(files, s)]))).toEqual(Object.fromEntries(SECRETS.map((s) => [s, []])));
      expect(files.get(`${CONFIDENTIAL}.html`)).toContain('Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen');
      const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
      expect(pages.filter((f) => !files.get(f)!.includes(sv.site.publicSite))).toEqual([]);
      expect(holding(files, 'Intern version')).toEqual([]);
      expect(await brokenLinks(out)).toEqual([]);
    });

    it('--internal: every confidential text on the protocol page, and every page says "Intern version"', async () => {
      const out = await folder();
      const { code, stdout } = await run(['site', '--archive', RENDER, '--out', out, '--as-of', '2019-06-30', '--internal']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Intern webbplats i /);
      const files = await everyFile(out);
      const protocol = files.get(`${CONFIDENTIAL}.html`)!;
      for (const secret of SECRETS) expect(protocol).toContain(secret);
      const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
      expect(pages.filter((f) => !files.get(f)!.includes('Intern version'))).toEqual([]);
      expect(await brokenLinks(out)).toEqual([]);
    });
  });

  it('a changed decision: its protocol page and the pages listing it are written, every other file is left untouched', async () => {
    const PROTOCOL = 'networks/kompetens/protocols/2019/2019-02-07-1';
    const archive = await archiveWith(SAMPLE, {
      [`${PROTOCOL}.md`]: replace('traineesatsning med start hösten 2020.', 'traineesatsning med start hösten 2021.'),
    });
    // A copy of the built sample site: the same files, kd's manifest among them.
    const out = await folder();
    await cp(sample, out, { recursive: true });
    const before = await snapshot(out);
    await pause();
    const { code, stdout } = await run(['site', '--archive', archive, '--out', out, '--as-of', '2019-12-31']);
    expect(code).toBe(0);
    const after = await snapshot(out);
    const site = [...after.keys()].filter((f) => f !== '.kd-site.json');
    const changed = site.filter((f) => before.get(f)?.hash !== after.get(f)!.hash);
    // The pages that changed are exactly those that now show the new text (the search's files change with them).
    const showing: string[] = [];
    for (const f of site) if ((await readFile(path.join(out, f), 'utf8')).includes('hösten 2021')) showing.push(f);
    expect(changed.filter((f) => f.endsWith('.html'))).toEqual(showing.filter((f) => f.endsWith('.html')));
    expect(changed.filter((f) => !f.endsWith('.html') && !f.startsWith('search/'))).toEqual([]);
    expect(changed).toEqual(expect.arrayContaining([`${PROTOCOL}.html`, 'decisions/index.html', 'decisions/kompetens.html']));
    expect(stdout).toBe(`Offentlig webbplats i ${out}: 94 sidor, ${changed.length} filer skrivna, övriga oförändrade.\n`);
    // A file whose content is the same is not written at all: its mtime has not moved.
    expect(site.filter((f) => !changed.includes(f) && after.get(f)!.mtime !== before.get(f)!.mtime)).toEqual([]);
    for (const f of ['networks/digital/protocols/2019/2019-03-28-2.html', 'people/patrik-lindell.html'])
      expect(after.get(f)!.mtime).toBe(before.get(f)!.mtime);
  });

  it("run again with nothing changed: 0 files written, no mtime moved; a deleted protocol's page goes, the user's own files stay", async () => {
    const out = await folder();
    const args = ['site', '--out', out, '--as-of', '2019-06-30'];
    expect((await run([...args, '--archive', RENDER])).code).toBe(0);
    const before = await snapshot(out);
    await pause();
    const again = await run([...args, '--archive', RENDER]);
    expect(again).toEqual({
      code: 0,
      stdout: `Offentlig webbplats i ${out}: 30 sidor, 0 filer skrivna, övriga oförändrade.\n`,
      stderr: '',
    });
    const after = await snapshot(out);
    expect([...after].filter(([f, s]) => f !== '.kd-site.json' && s.mtime !== before.get(f)?.mtime).map(([f]) => f)).toEqual([]);

    // The manifest keeps each page's hash, so a rebuild reads no page; one edited or deleted by hand is still made again.
    const manifest = JSON.parse(await readFile(path.join(out, '.kd-site.json'), 'utf8')) as { sha1: Record<string, string> };
    const page = await readFile(path.join(out, 'index.html'));
    expect(manifest.sha1['index.html']).toBe(createHash('sha1').update(page).digest('hex'));
    await writeFile(path.join(out, 'index.html'), 'ändrad för hand');
    await rm(path.join(out, 'search.html'));
    const repaired = await run([...args, '--archive', RENDER]);
    expect(repaired.stdout).toBe(`Offentlig webbplats i ${out}: 30 sidor, 2 filer skrivna, övriga oförändrade.\n`);
    expect(await readFile(path.join(out, 'index.html'))).toEqual(page);
    expect(existsSync(path.join(out, 'search.html'))).toBe(true);

    await writeFile(path.join(out, 'egen-anteckning.txt'), 'Min egen fil.\n');
    await writeFile(path.join(out, 'networks', 'ledning', 'README.txt'), 'Också min.\n');
    const without = await archiveWith(RENDER, { [`${CONFIDENTIAL}.md`]: null });
    const { code, stdout } = await run([...args, '--archive', without]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: 29 sidor, \d+ filer skrivna, 1 borttagna, övriga oförändrade\.\n$/);
    expect(existsSync(path.join(out, `${CONFIDENTIAL}.html`))).toBe(false);
    expect(await readFile(path.join(out, 'egen-anteckning.txt'), 'utf8')).toBe('Min egen fil.\n');
    expect(await readFile(path.join(out, 'networks', 'ledning', 'README.txt'), 'utf8')).toBe('Också min.\n');
    expect(await brokenLinks(out)).toEqual([]);
  });

  it('--public names the default; with --internal it is refused with exit 2 and one sentence, nothing written', async () => {
    const out = await folder();
    const explicit = await run(['site', '--archive', RENDER, '--out', out, '--as-of', '2019-06-30', '--public']);
    expect(explicit.code).toBe(0);
    expect(explicit.stdout).toBe(`Offentlig webbplats i ${out}: 30 sidor, 34 filer skrivna, övriga oförändrade.\n`);
    const other = path.join(await folder(), 'ny');
    const both = await run(['site', '--archive', RENDER, '--out', other, '--public', '--internal']);
    expect(both).toEqual({
      code: 2,
      stdout: '',
      stderr: `kd: ${sv.cli.errors['conflicting-options']({ options: '--public, --internal' })}\n`,
    });
    expect(existsSync(other)).toBe(false);
  });

  it('--out naming a file is refused with exit 2 and one sentence, and the file is left as it was', async () => {
    const file = path.join(await folder(), 'webbplats');
    await writeFile(file, 'inte en mapp\n');
    const { code, stdout, stderr } = await run(['site', '--archive', RENDER, '--out', file, '--as-of', '2019-06-30']);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `kd: ${sv.cli.errors['site-out-file']({ dir: file })}\n` });
    expect(await readFile(file, 'utf8')).toBe('inte en mapp\n');
  });

  it('a folder with files but no .kd-site.json is refused (exit 2, the catalogue message), nothing written', async () => {
    const out = await folder();
    await writeFile(path.join(out, 'index.html'), '<p>Någon annans sida</p>\n');
    const { code, stdout, stderr } = await run(['site', '--archive', RENDER, '--out', out, '--as-of', '2019-06-30']);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `kd: ${sv.cli.errors['site-not-kd']({ dir: out })}\n` });
    expect(await filesUnder(out)).toEqual(['index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('<p>Någon annans sida</p>\n');
  });

  it('an archive kd check finds an error in: exit 1, the finding on stderr, nothing written', async () => {
    const broken = await archiveWith(SAMPLE, {
      'networks/kompetens/protocols/2019/2019-02-07-1.md': replace('chair: linnea-svard', 'chair: okand-person'),
    });
    const out = path.join(await folder(), 'site');
    const { code, stdout, stderr } = await run(['site', '--archive', broken, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('[unknown-person] chair: Okänd person ”okand-person”');
    expect(stderr).toContain(`kd: ${sv.cli.errors['site-blocked']({ count: 1 })}\n`);
    expect(existsSync(out)).toBe(false);
  });
});
