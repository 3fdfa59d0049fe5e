import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { type SearchDoc, searchFiles, searchFragment } from '../src/render/search.js';
import { fold, stem, tokens } from '../src/render/stem.js';
import { CORPUS, LABELS, searchIn } from './search-corpus.js';

describe('Swedish words', () => {
  it('stems as the Snowball Swedish stemmer does', () => {
    // From Snowball's Swedish sample vocabulary (snowball-data swedish/voc.txt and output.txt).
    const sample: Record<string, string> = {
      besluten: 'beslut',
      beslutet: 'beslut', // -et after a consonant after a vowel goes
      förslaget: 'förslag',
      uppdraget: 'uppdrag',
      mötet: 'möt',
      sammanträden: 'sammanträd',
      arbetets: 'arbet', // -ets goes like -et
      årets: 'året', // -et needs a letter before its vowel: only the s after a valid s-ending goes
      paket: 'paket', // -et kept after "pak" (paket, raket, staket)
      frihet: 'frihet', // -et kept after h (frihet, nyhet); -het lies before R1
      verksamheten: 'verksam',
      styrelsen: 'styr', // -en, then -els
      möjligheter: 'möj', // -heter, then -lig
      trygghet: 'trygg',
      överenskommelsen: 'överenskomm',
      friskt: 'frisk', // a consonant pair in R1 loses its last letter
      fullt: 'fullt', // -fullt must lie in R1, and here R1 is "lt"
      hälsan: 'hälsan',
    };
    // Not in the sample; stemmed by hand, step by step, from the algorithm.
    const byHand: Record<string, string> = {
      kommunerna: 'kommun', // R1 "munerna"; -erna
      kommunens: 'kommun', // -ens
      beslutade: 'beslut', // -ade
      lönekartläggningarna: 'lönekartläggning', // -arna
      äldreomsorgen: 'äldreomsorg', // R1 from the third letter (ä is a vowel, l ends R1's search at 2); -en
      uppföljning: 'uppföljning', // no suffix
      grandiöst: 'grandiös', // -öst after i becomes -ös
    };
    const table = { ...sample, ...byHand };
    expect(Object.fromEntries(Object.keys(table).map((w) => [w, stem(w)]))).toEqual(table);
  });

  it('cuts a text into lowercased words of letters and digits: § and punctuation part them, å, ä, ö and é belong to them', () => {
    expect(
      tokens('Beslut §3:1: att Hässleholms kommun ÖKAR anslaget till idéburen verksamhet med 1,5 mnkr (2019–2020), se bilaga 4b.'),
    ).toEqual([
      'beslut',
      '3',
      '1',
      'att',
      'hässleholms',
      'kommun',
      'ökar',
      'anslaget',
      'till',
      'idéburen',
      'verksamhet',
      'med',
      '1',
      '5',
      'mnkr',
      '2019',
      '2020',
      'se',
      'bilaga',
      '4b',
    ]);
    // An å written as a and a combining ring (as some PDFs and Macs give it) is the same word.
    expect(tokens('inom a\u030Ar 2020 och i a\u0308ldreomsorgen')).toEqual(['inom', 'år', '2020', 'och', 'i', 'äldreomsorgen']);
  });

  it('folds marked letters to plain ones, for a query typed without them', () => {
    expect(['löneöversyn', 'äldreomsorg', 'idéburen', 'ålänning', 'müller', 'søren'].map(fold)).toEqual([
      'loneoversyn',
      'aldreomsorg',
      'ideburen',
      'alanning',
      'muller',
      'soren',
    ]);
  });
});

describe("the search over a network's protocols", () => {
  const search = searchIn(searchFiles(CORPUS, LABELS));
  /** The hits' urls, without the folders. */
  const urls = async (query: string) => (await search(query)).hits.map((h) => h.url.replace(/^.*\//, ''));

  it('finds the one decision a word appears in, and shows its title, meeting and kind', async () => {
    expect(await search('undersköterskor')).toEqual({
      words: 1,
      total: 1,
      folded: false,
      hits: [
        {
          url: 'networks/ledning/protocols/2019/2019-04-05-2.html#§3:1',
          title: 'att kommunerna genomför en gemensam löneöversyn för undersköterskor',
          context: 'Ledningsgruppen 2/2019, 5 april 2019',
          kind: 'decision',
          label: 'Beslut',
        },
      ],
    });
  });

  it('finds a word with å, ä, ö as written, and typed without them through the folded spelling', async () => {
    expect(await urls('löneöversyn')).toEqual(['2019-04-05-2.html#§3:1']);
    expect(await urls('Äldreomsorgen')).toEqual(['2019-04-05-2.html#§2', '2019-06-07-3.html#§4:1']);
    const folded = await search('loneoversyn');
    expect([folded.folded, folded.hits.map((h) => h.url.replace(/^.*\//, ''))]).toEqual([true, ['2019-04-05-2.html#§3:1']]);
  });

  it('finds another inflection of a word: "besluten" finds "Beslutet", "kommunens" finds "Kommunerna"', async () => {
    expect(await urls('besluten')).toEqual(['2019-04-05-2.html#§3']);
    expect(await urls('kommunens äldreomsorg')).toEqual(['2019-04-05-2.html#§2']);
  });

  it('finds a compound by its first part of four letters or more, and a word found by its stem before one found by prefix', async () => {
    expect(await urls('lönekart')).toEqual(['2019-04-05-2.html#§3']);
    expect(await urls('löne')).toEqual(['2019-04-05-2.html#§3', '2019-04-05-2.html#§3:1']);
    // "uppföljningen" in a decision's title; "Uppföljningsplan" only starts with the word.
    expect(await urls('uppföljning')).toEqual(['2019-03-14-1.html#§1:1', '2019-06-07-3.html']);
    // Three letters are too few to stand for the words they begin.
    expect(await urls('upp')).toEqual([]);
  });

  it('ranks a hit in the title above one in the text', async () => {
    expect(await urls('ekonomisystem')).toEqual(['2019-03-14-1.html#§2:1', '2019-03-14-1.html#§2']);
  });

  it('finds only what holds every word of the query', async () => {
    expect(await urls('äldreomsorgen')).toHaveLength(2);
    expect(await urls('äldreomsorgen kommunerna')).toEqual(['2019-04-05-2.html#§2']);
    expect(await urls('äldreomsorgen skolskjuts')).toEqual([]);
  });

  it('says there is nothing when nothing matches, and nothing at all for a query without words', async () => {
    expect(await search('skolskjuts')).toEqual({ words: 1, total: 0, folded: false, hits: [] });
    expect(await search(' § – ')).toEqual({ words: 0, total: 0, folded: false, hits: [] });
  });

  it('lists fifty of many hits, equal ones by url, and finds a word in the last of 1,500 documents', async () => {
    const many: SearchDoc[] = Array.from({ length: 1500 }, (_, i) => ({
      url: `networks/n/protocols/2020/m${String(1500 - i).padStart(4, '0')}.html`,
      title: `${i + 1}. Lägesbild`,
      context: 'Nätverket',
      // As long as the others, so that every document weighs "lägesbild" the same.
      text: i === 0 || i === 1499 ? 'Lägesbild om sjukfrånvaro' : 'Lägesbild om personalen',
      kind: 'item',
    }));
    const big = searchIn(searchFiles(many, LABELS));
    const all = await big('lägesbild');
    expect([all.total, all.hits.length, all.hits[0]!.url, all.hits[49]!.url]).toEqual([
      1500,
      50,
      'networks/n/protocols/2020/m0001.html',
      'networks/n/protocols/2020/m0050.html',
    ]);
    expect((await big('sjukfrånvaro')).hits.map((h) => h.title)).toEqual(['1500. Lägesbild', '1. Lägesbild']);
  });
});

it('finds what a plain scan finds, however the index is cut: every word and prefix of a generated archive in a hundred shards', async () => {
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  const parts = ['kom', 'mun', 'lö', 'ne', 'över', 'syn', 'år', 'äld', 're', 'om', 'sorg', 'bud', 'get', 'skol', 'väg', 'vård', 'ö', 'a'];
  const endings = ['', '', 'en', 'er', 'erna', 'et', 's', 'ar', 'ens'];
  const vocabulary = Array.from({ length: 400 }, () => parts[next(18)]! + parts[next(18)]! + endings[next(9)]!);
  const docs: SearchDoc[] = Array.from({ length: 300 }, (_, i) => ({
    url: `networks/n/p${String(i).padStart(3, '0')}.html`,
    title: `${vocabulary[next(400)]} ${vocabulary[next(400)]}`,
    context: 'Nätverket',
    text: Array.from({ length: 10 }, () => vocabulary[next(400)]).join(' '),
    kind: 'item',
  }));
  const files = searchFiles(docs, LABELS, { shardBytes: 64 });
  expect([...files.keys()].filter((name) => name.startsWith('search/index-')).length).toBeGreaterThan(100);
  const search = searchIn(files);

  // The rules, plainly: a stem match or (four letters or more) a prefix of a stem; only if none, the same on folded forms.
  const stems = docs.map((d) => tokens(`${d.title} ${d.text}`).map(stem));
  const folded = stems.map((s) => s.map(fold));
  const scan = (query: string) => {
    const q = tokens(query)[0]!;
    const find = (terms: string[][], f: (s: string) => string) => {
      const wanted = new Set([f(stem(q)), f(stem(f(q)))]);
      const prefix = q.length >= 4 ? f(q) : undefined;
      return docs
        .filter((_, i) => terms[i]!.some((s) => wanted.has(s) || (prefix !== undefined && s.startsWith(prefix))))
        .map((d) => d.url);
    };
    const exact = find(stems, (s) => s);
    return exact.length > 0 ? exact : find(folded, fold);
  };
  const queries = [...new Set(vocabulary.flatMap((w) => [w, w.slice(0, 4), fold(w)]))];
  const wrong: string[] = [];
  for (const query of queries) {
    const expected = scan(query);
    const found = await search(query);
    const shown = found.hits.map((h) => h.url);
    if (found.total !== expected.length || shown.some((url) => !expected.includes(url)))
      wrong.push(`${query}: ${found.total} ≠ ${expected.length}`);
  }
  expect(wrong).toEqual([]);
  expect(queries.length).toBeGreaterThan(500);
});

describe('the search files', () => {
  it('are the same bytes for the same documents, in any order', () => {
    const files = [...searchFiles(CORPUS, LABELS)];
    expect([...searchFiles([...CORPUS].reverse(), LABELS)]).toEqual(files);
    expect(files.map(([name]) => name)).toEqual(['search/kd-search.js', 'search/index-0.js', 'search/docs-0.js']);
  });

  it('keep hostile protocol text inside their strings, and give it back unchanged', async () => {
    const title = `att </script><script>alert(1)</script> "citat" 'enkla' C:\\mapp\\fil\u2028rad\u2029 <img src=x onerror=alert(2)> <!--`;
    const hostile: SearchDoc = {
      url: 'networks/n/protocols/2020/2020-01-01-1.html#§1:1"</script>',
      title,
      context: 'Nätverket 1/2020\u2028"\\',
      text: 'skadlig text \\" </script> \u2029 `',
      kind: 'constructor',
    };
    const files = searchFiles([...CORPUS, hostile], LABELS);
    for (const [name, content] of files) {
      if (name === 'search/kd-search.js') continue;
      expect([name, /[<\u2028\u2029]/.test(content)]).toEqual([name, false]);
    }
    expect(files.get('search/kd-search.js')).not.toMatch(/<\/script|[\u2028\u2029]/i);
    expect((await searchIn(files)('skadlig')).hits).toEqual([
      { url: hostile.url, title, context: hostile.context, kind: 'constructor', label: 'constructor' },
    ]);
  });

  it('are there for an archive without protocols yet, and find nothing', async () => {
    const files = searchFiles([], LABELS);
    expect([...files.keys()]).toEqual(['search/kd-search.js', 'search/index-0.js']);
    expect(await searchIn(files)('beslut')).toEqual({ words: 1, total: 0, folded: false, hits: [] });
  });

  it('refuse a url that leaves the site', () => {
    for (const url of ['javascript:alert(1)', '/etc/passwd', 'https://example.org/', '//example.org/x']) {
      expect(() => searchFiles([{ ...CORPUS[0]!, url }], LABELS)).toThrow('is not relative to the site root');
    }
  });

  it('are placed on a page by a form that works without scripts, a live status line and the script', () => {
    const html = (root?: string) => toHtml({ type: 'root', children: searchFragment(LABELS, root) });
    expect(html()).toBe(
      '<form class="kd-search" role="search" action="search.html" method="get">' +
        '<label for="kd-q">Sök i protokollen</label> <input id="kd-q" type="search" name="q"> <button type="submit">Sök</button></form>' +
        '<div id="kd-results"><p id="kd-search-status" role="status" aria-live="polite"></p></div>' +
        `<noscript><p>${LABELS.noScript}</p></noscript>` +
        '<script src="search/kd-search.js"></script>',
    );
    expect(html('../')).toContain('action="../search.html"');
    expect(html('../')).toContain('<script src="../search/kd-search.js"></script>');
  });
});
