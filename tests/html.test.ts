import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it, vi } from 'vitest';
import { filesUnder, made, REPO, run, SAMPLE } from './helpers.js';

/**
 * kd writes its HTML with its own mdast→hast and hast→HTML (src/render/html.ts),
 * and a site page's content in one pass (src/render/site-links.ts), because
 * remark-rehype, rehype-stringify and the passes over the tree cost most of a
 * large site's build. They must give the same bytes as the references, or
 * fall back to them: here the in-process kd (src/, with html.ts replaced by
 * the references and the one-pass writer switched off) and the built kd
 * (dist/, with both fast paths) write the same sites, and generated
 * Markdown goes through both.
 */

// The reference run also writes each page's content through the passes over the tree, not site-links.ts's one-pass writer.
vi.mock('../src/render/site-links.js', async () => ({
  ...(await vi.importActual<typeof import('../src/render/site-links.js')>('../src/render/site-links.js')),
  writeMain: () => undefined,
}));

vi.mock('../src/render/html.js', async () => ({
  ...(await vi.importActual<typeof import('../src/render/html.js')>('../src/render/html.js')),
  hastOf: (tree: Root) => toHast(tree),
  htmlOf: (tree: HastRoot) => toHtml(tree),
}));

const fast = await vi.importActual<typeof import('../src/render/html.js')>('../src/render/html.js');
const RENDER = path.join(REPO, 'tests', 'fixtures', 'render');
const KD = path.join(REPO, 'bin', 'kd.js');

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-html-'));
  made.push(dir);
  return dir;
}

async function pages(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await filesUnder(dir)) if (f.endsWith('.html')) out.set(f, await readFile(path.join(dir, f), 'utf8'));
  return out;
}

describe('kd’s HTML writer against remark-rehype and rehype-stringify', () => {
  it.each([
    ['the sample, public', SAMPLE, []],
    ['the sample, internal', SAMPLE, ['--internal']],
    ['the rich fixture, public', RENDER, []],
    ['the rich fixture, internal, in English', RENDER, ['--internal', '--lang', 'en']],
  ])('every page of the site of %s is the same bytes', async (_, archive, extra) => {
    const reference = await folder();
    const built = await folder();
    const args = ['site', '--archive', archive, '--as-of', '2020-01-15', ...extra];
    expect((await run([...args, '--out', reference])).code).toBe(0);
    await promisify(execFile)(process.execPath, [KD, ...args, '--out', built], { env: { ...process.env, KD_CACHE: 'off' } });
    const want = await pages(reference);
    const got = await pages(built);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    expect(want.size).toBeGreaterThan(20);
    for (const [file, html] of want) expect(got.get(file), file).toBe(html);
  });

  const parse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
  const same = (text: string) => {
    const tree = parse(text);
    const want = toHast(parse(text)) as HastRoot;
    const got = fast.hastOf(tree);
    expect(JSON.stringify(stripped(got))).toBe(JSON.stringify(stripped(want)));
    expect(fast.htmlOf(want)).toBe(toHtml(want));
  };

  it('gives the same hast and bytes for Markdown of every kind a protocol’s text uses, and falls back for the rest', () => {
    same('Text med <vinkel> & "citat" \'apostrof\' `kod` och *kursiv*, **fet**, ~~struken~~.  \n   ny rad efter hårt radbryt\\\nigen');
    same('- en\n- två\n\n- lös\n\n1. ett\n2. två\n\n3) tre\n   fortsätter\n\n   stycke två\n\n- a\n  - b\n    - c');
    same('| A | B | C |\n|:--|:-:|--:|\n| 1 | 2 |\n| x | y | z | w |\n\n| bara rubrik |\n|---|');
    same('```ts\nconst a = 1 < 2;\n```\n\n```\n\n```\n\n    indraget\n\n> citat\n> > nästlat\n\n---\n\n# H1\n\n###### H6');
    same('[länk](https://exempel.se/å ä "titel") ![bild](a.png "t") <https://x.se> www.exempel.se e@post.se [tom]()');
    same('<div>html</div>\n\nText <span>inline</span> &amp; &copy; &#35;');
    // Constructs the writer leaves to the reference: it must still be the reference's result.
    same('Fotnot[^1].\n\n[^1]: Här.\n\n- [ ] uppgift\n- [x] klar\n\n[ref]: https://r.se\n\n[ref] och ![bild][ref]\n\n```js meta\nx\n```');
  });

  it('gives the same hast and bytes for generated Markdown', () => {
    const piece = fc.constantFrom(
      'ord',
      'Åsa ärende öppnas',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\t',
      '- ',
      '* ',
      '1. ',
      '2) ',
      '> ',
      '# ',
      '### ',
      '|',
      '---',
      ':-:',
      '`',
      '```',
      '*',
      '**',
      '_',
      '~~',
      '[',
      ']',
      '(',
      ')',
      '![',
      '<',
      '>',
      '&',
      '&amp;',
      '"',
      "'",
      '\\',
      'https://a.se',
      '[^1]',
      '[x] ',
      '    ',
      '<b>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => same(parts.join(''))),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 7 },
    );
  });
});

/** A hast tree without source positions: the writer does not keep them, the HTML does not show them. */
function stripped(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripped);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== 'position')
      .map(([k, v]) => [k, stripped(v)]),
  );
}
