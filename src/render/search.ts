import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Lang } from '../i18n/index.js';
import { type Swedish, swedish } from './stem.js';

/**
 * The site's full-text search: an inverted index that kd writes as plain
 * JavaScript files, and a small client script that reads them.
 *
 * Why not pagefind: the site must work opened from a copied folder
 * (file://) and from any sub-path. Pagefind loads its index with fetch()
 * and WebAssembly, which Chromium refuses on file://. A `<script src>` is
 * allowed there, so every file of the search is a script: the client
 * adds a `<script>` element for each file it needs, and the file calls
 * `window.__kdSearch.shard(…)` or `.docs(…)` to hand its data over.
 *
 * One stemmer, two places: the client script carries the very functions
 * kd builds the index with (`swedish()` from stem.ts and `searchEngine()`
 * below), written into it with Function.prototype.toString(); so the query
 * is cut, stemmed and folded exactly as the index was. Such a function may
 * use nothing from outside its body but the language's built-ins; the
 * tests run the generated script alone in an empty context, which fails
 * on any outside name. (Code coverage that instruments functions would
 * break this; vitest's default v8 coverage does not.) The client's DOM
 * code is TypeScript too, typed against the few DOM members it uses, since
 * kd's own code is compiled without the DOM's types.
 *
 * The files, under `search/`:
 * - `kd-search.js`: the client, its words (SearchLabels) and the index's
 *   table of contents: the number of documents and the first folded term
 *   of each shard.
 * - `index-<n>.js`: the inverted index, stem → postings, cut into shards of
 *   about SHARD_BYTES. Terms are sorted by their folded form (å, ä → a,
 *   ö → o) and a shard holds a run of them, never splitting one folded
 *   form; so a word, its prefix range and its folded fallback are each
 *   found in one or two shards, found by binary search over the shards'
 *   first terms. A posting is a document number gap and a weight (a title
 *   bit and a BM25 term weight, 1–31), in base-64 digits: 2.25 bytes a
 *   posting, terms included, measured.
 * - `docs-<n>.js`: what a hit shows (url, title, context, kind), DOCS_PER_FILE
 *   documents a file, each file listing the pages its documents are on once.
 *   Documents are numbered in url order, so the items of one protocol share
 *   a file and a search's fifty hits load few of them.
 *
 * Measured with a throwaway script: 100,000 generated documents (10 per
 * page, ~300 characters of protocol-like Swedish text each, 46 MB in all
 * with titles and urls), Node 20, one core: built in ~4.3 s (~45 ms per
 * 1,000 documents; ~100 MB of heap beyond the documents themselves);
 * 0.16 MB of files per 1,000 documents (shards 0.07 MB, docs files
 * 0.09 MB), 47 shards of at most 275 KB (a folded form is never split, so
 * a word in nearly every document, like "att", makes its shard larger).
 * A one-word query loaded 70–530 KB and took 40–120 ms; two very common
 * words, 1.3 MB and 240 ms.
 *
 * Ranking: every query word must match (AND). A word matches a term that
 * is its stem, or, when the word has four letters or more, a term that
 * starts with it (Swedish compounds: "löne" finds "löneöversyn"). Hits are
 * ordered by the number of words matched by stem rather than by prefix,
 * then by the number matched in the title, then by BM25 (title words
 * counted TITLE_BOOST times), then by url. Only when nothing matches is the
 * query tried again with å, ä, ö, é … folded to a, o, e on both sides.
 */

export interface SearchDoc {
  /** Relative to the site root, with an anchor: 'networks/ledning/protocols/2019/2019-04-05-2.html#§3:1' (the anchor may contain § and :). */
  url: string;
  /** What the result shows as its link text: 'att kommunerna …' or '3. Lägesbild om …'. */
  title: string;
  /** One line under it: 'Ledningsgruppen 2/2019, 5 april 2019'. */
  context: string;
  /** The searchable text (the title is searched too, with more weight). */
  text: string;
  /** 'decision' | 'item' | 'protocol' | other short kind word: shown as a label. */
  kind: string;
}

/**
 * Every word the search shows. A template's `{n}` is a number, written
 * with the language's digit grouping ("1 234").
 */
export interface SearchLabels {
  /** The language of the page: numbers are written its way. */
  lang: Lang;
  /** The search field's visible label. */
  field: string;
  /** The submit button's text. */
  submit: string;
  /** Shown instead of the search when scripts are off. */
  noScript: string;
  /** Shown when a search takes a moment (loading index files). */
  loading: string;
  /** The count line above the hits: `one` for exactly one hit, `other` with `{n}`. */
  results: { one: string; other: string };
  /** The count line instead, when the hits were found only with å, ä, ö … read as a, a, o (the query as typed found nothing). */
  resultsFolded: { one: string; other: string };
  /** When nothing matches. */
  noResults: string;
  /** Below the hits shown when there are more than fit: `{n}` is the number not shown. */
  more: { one: string; other: string };
  /** When an index file cannot be read (the folder copied incompletely). */
  failed: string;
  /** The label shown with each hit, by SearchDoc.kind; a kind not here is shown as it is. */
  kinds: Record<string, string>;
}

/** Hits shown at most; the count line says how many there are. */
const LIMIT = 50;
/** About how large a shard of the inverted index may grow before the next folded form starts a new one. */
const SHARD_BYTES = 128 * 1024;
const DOCS_PER_FILE = 100;
/** BM25's usual parameters, and how many times a title word counts. */
const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 3;
const SCRIPT = 'search/kd-search.js';

/** The index's table of contents and the client's words, written into kd-search.js. */
interface Config {
  /** Number of documents. */
  docs: number;
  per: number;
  limit: number;
  /** The first folded term of each shard; the first is ''. */
  bounds: string[];
  /** The kinds, by number. */
  kinds: string[];
  labels: SearchLabels;
}

/** A docs file: its pages [path, context] and its documents [page, anchor, title, kind]. */
interface DocsFile {
  pages: [string, string][];
  docs: [number, string, string, number][];
}

/** A query word, as the engine looks it up. */
interface Word {
  token: string;
  stem: string;
  /** Whether terms that start with the token match too. */
  prefix: boolean;
  /** The folded forms that match in the fallback: of the stem, and of the stem of the folded token. */
  folded: string[];
  foldedToken: string;
}

interface Ranked {
  /** Document numbers, best first. */
  ids: number[];
  /** Whether they were found only with the folded query. */
  folded: boolean;
}

/**
 * The index's format and the query's logic: used by kd to write the index
 * and, through its source text, by the browser to read it. Self-contained
 * (see the top of this file).
 */
function searchEngine(sv: Swedish) {
  const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  /** Bigger than any folded term's character, so that `f + TOP` bounds every term starting with f. */
  const TOP = '\uffff';

  /**
   * Postings as text: per document, the gap from the previous document
   * number in base 32 (low digits first; digits 32–63 say more follow),
   * then the weight as one digit 0–63.
   */
  function encode(ids: readonly number[], weights: readonly number[]): string {
    let out = '';
    let last = 0;
    for (let i = 0; i < ids.length; i++) {
      let gap = ids[i]! - last;
      last = ids[i]!;
      while (gap >= 32) {
        out += DIGITS[32 + (gap & 31)];
        gap = Math.floor(gap / 32);
      }
      out += DIGITS[gap];
      out += DIGITS[weights[i]!];
    }
    return out;
  }

  function decode(text: string): { ids: number[]; weights: number[] } {
    const ids: number[] = [];
    const weights: number[] = [];
    let last = 0;
    let i = 0;
    while (i < text.length) {
      let gap = 0;
      let scale = 1;
      let d = DIGITS.indexOf(text[i++]!);
      while (d >= 32) {
        gap += (d - 32) * scale;
        scale *= 32;
        d = DIGITS.indexOf(text[i++]!);
      }
      last += gap + d * scale;
      ids.push(last);
      weights.push(DIGITS.indexOf(text[i++]!));
    }
    return { ids, weights };
  }

  /** The query's words, each once, in the order typed. */
  function parse(query: string): Word[] {
    const words: Word[] = [];
    for (const token of sv.tokens(query)) {
      if (words.some((w) => w.token === token)) continue;
      const stem = sv.stem(token);
      const foldedToken = sv.fold(token);
      const folded = [sv.fold(stem)];
      const other = sv.fold(sv.stem(foldedToken));
      if (other !== folded[0]) folded.push(other);
      words.push({ token, stem, prefix: token.length >= 4, folded, foldedToken });
    }
    return words;
  }

  /** The shard whose run of terms would hold a term folded to `key`. */
  function shardOf(bounds: readonly string[], key: string): number {
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (bounds[mid]! <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The shards a query needs, exact and folded alike. */
  function shardsFor(words: readonly Word[], bounds: readonly string[]): number[] {
    const need = new Set<number>();
    for (const w of words) {
      for (const f of w.folded) need.add(shardOf(bounds, f));
      if (w.prefix) {
        const last = shardOf(bounds, w.foldedToken + TOP);
        for (let i = shardOf(bounds, w.foldedToken); i <= last; i++) need.add(i);
      }
    }
    return [...need].sort((a, b) => a - b);
  }

  /** A document's best match for one word: class 2 for a stem match, plus 1 in the title; then its score. */
  interface Match {
    cls: number;
    score: number;
  }

  function matches(word: Word, folded: boolean, bounds: readonly string[], shard: (n: number) => readonly string[], docs: number) {
    const found = new Map<number, Match>();
    for (const n of shardsFor([word], bounds)) {
      const entries = shard(n);
      for (let k = 0; k < entries.length; k += 2) {
        const term = folded ? sv.fold(entries[k]!) : entries[k]!;
        const exact = folded ? word.folded.includes(term) : term === word.stem;
        if (!exact && !(word.prefix && term.startsWith(folded ? word.foldedToken : word.token))) continue;
        const { ids, weights } = decode(entries[k + 1]!);
        const idf = Math.log(1 + (docs - ids.length + 0.5) / (ids.length + 0.5));
        for (let i = 0; i < ids.length; i++) {
          const cls = (exact ? 2 : 0) + (weights[i]! & 1);
          const score = idf * (weights[i]! >> 1);
          const best = found.get(ids[i]!);
          if (best === undefined || cls > best.cls || (cls === best.cls && score > best.score)) found.set(ids[i]!, { cls, score });
        }
      }
    }
    return found;
  }

  function rankWith(
    words: readonly Word[],
    folded: boolean,
    bounds: readonly string[],
    shard: (n: number) => readonly string[],
    docs: number,
  ) {
    const each = words.map((w) => matches(w, folded, bounds, shard, docs));
    const smallest = each.reduce((a, b) => (b.size < a.size ? b : a));
    const hits: { id: number; exact: number; title: number; score: number }[] = [];
    for (const id of smallest.keys()) {
      let exact = 0;
      let title = 0;
      let score = 0;
      let all = true;
      for (const m of each) {
        const match = m.get(id);
        if (match === undefined) {
          all = false;
          break;
        }
        exact += match.cls >> 1;
        title += match.cls & 1;
        score += match.score;
      }
      if (all) hits.push({ id, exact, title, score });
    }
    hits.sort((a, b) => b.exact - a.exact || b.title - a.title || b.score - a.score || a.id - b.id);
    return hits.map((hit) => hit.id);
  }

  /** The documents matching every word, best first; folded only when the words as typed find nothing. */
  function rank(words: readonly Word[], bounds: readonly string[], shard: (n: number) => readonly string[], docs: number): Ranked {
    if (words.length === 0) return { ids: [], folded: false };
    const ids = rankWith(words, false, bounds, shard, docs);
    if (ids.length > 0) return { ids, folded: false };
    const folded = rankWith(words, true, bounds, shard, docs);
    return { ids: folded, folded: folded.length > 0 };
  }

  return { encode, decode, parse, shardOf, shardsFor, rank };
}

type Engine = ReturnType<typeof searchEngine>;

/** A hit as the client shows it. */
interface Hit {
  url: string;
  title: string;
  context: string;
  kind: string;
  label: string;
}

interface Found {
  /** Number of query words; 0 for an empty query. */
  words: number;
  total: number;
  folded: boolean;
  /** The first `limit` hits. */
  hits: Hit[];
}

/** What the index files and the tests call: `window.__kdSearch`. */
interface Registry {
  shard(n: number, entries: string[]): void;
  docs(n: number, file: DocsFile): void;
  search(query: string): Promise<Found>;
}

/* The few DOM members the client uses (kd is compiled without the DOM's types). */
interface DomElement {
  textContent: string | null;
  className: string;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  append(...nodes: (DomElement | string)[]): void;
  replaceChildren(...nodes: DomElement[]): void;
  addEventListener(type: string, listener: (event: { preventDefault(): void }) => void): void;
}
interface DomScript extends DomElement {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}
interface DomInput extends DomElement {
  value: string;
  form: DomElement | null;
}
interface DomWindow {
  document: {
    currentScript: DomElement | null;
    readyState: string;
    head: DomElement;
    createElement(tag: string): DomElement;
    getElementById(id: string): DomElement | null;
    querySelector(selector: string): DomElement | null;
    addEventListener(type: string, listener: () => void): void;
  };
  location: { search: string };
  history: { replaceState(data: null, unused: string, url: string): void };
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  __kdSearch?: Registry;
}

/**
 * The browser side: loads index files with `<script>` elements, runs the
 * engine, and shows the hits in `#kd-results` with DOM calls and
 * textContent only (a protocol's text is never parsed as HTML).
 * Self-contained (see the top of this file).
 */
function searchClient(win: DomWindow, engine: Engine, config: Config): void {
  const doc = win.document;
  const labels = config.labels;
  // The site root as this page reaches it: '' from search.html, '../' when the script is '../search/kd-search.js'.
  // (SCRIPT spelled out: this function may not name anything outside it.)
  const src = doc.currentScript?.getAttribute('src') ?? '';
  const root = src.endsWith('search/kd-search.js') ? src.slice(0, src.length - 'search/kd-search.js'.length) : '';
  const shards = new Map<number, string[]>();
  const files = new Map<number, DocsFile>();
  const loading = new Map<string, Promise<void>>();

  function load(file: string): Promise<void> {
    let promise = loading.get(file);
    if (promise === undefined) {
      promise = new Promise<void>((resolve, reject) => {
        const script = doc.createElement('script') as DomScript;
        script.onload = () => resolve();
        script.onerror = () => {
          loading.delete(file);
          reject(new Error(`search/${file} could not be loaded`));
        };
        script.src = `${root}search/${file}`;
        doc.head.append(script);
      });
      loading.set(file, promise);
    }
    return promise;
  }

  async function search(query: string): Promise<Found> {
    const words = engine.parse(query);
    const need = engine.shardsFor(words, config.bounds).filter((n) => !shards.has(n));
    await Promise.all(need.map((n) => load(`index-${n}.js`)));
    const { ids, folded } = engine.rank(words, config.bounds, (n) => shards.get(n) ?? [], config.docs);
    const top = ids.slice(0, config.limit);
    const chunks = [...new Set(top.map((id) => Math.floor(id / config.per)))].filter((n) => !files.has(n));
    await Promise.all(chunks.map((n) => load(`docs-${n}.js`)));
    const hits = top.map((id): Hit => {
      const file = files.get(Math.floor(id / config.per))!;
      const [page, anchor, title, kind] = file.docs[id % config.per]!;
      const [path, context] = file.pages[page]!;
      const name = config.kinds[kind]!;
      return { url: path + anchor, title, context, kind: name, label: Object.hasOwn(labels.kinds, name) ? labels.kinds[name]! : name };
    });
    return { words: words.length, total: ids.length, folded, hits };
  }

  win.__kdSearch = {
    shard: (n, entries) => void shards.set(n, entries),
    docs: (n, file) => void files.set(n, file),
    search,
  };

  const count = (n: number, template: { one: string; other: string }) =>
    (n === 1 ? template.one : template.other).replace('{n}', n.toLocaleString(labels.lang));

  /** The value of `name` in a query string, as a GET form writes it (`+` for a space). */
  function param(search: string, name: string): string {
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    for (const part of search.replace(/^\?/, '').split('&')) {
      const eq = part.indexOf('=');
      if (decode(eq < 0 ? part : part.slice(0, eq)) === name) return eq < 0 ? '' : decode(part.slice(eq + 1));
    }
    return '';
  }

  function bind(): void {
    const input = doc.querySelector('form[role="search"] input[name="q"]') as DomInput | null;
    const results = doc.getElementById('kd-results');
    if (input === null || results === null) return;
    const status = doc.getElementById('kd-search-status') ?? doc.createElement('p');
    status.setAttribute('role', 'status');
    const list = doc.createElement('ol');
    list.className = 'kd-search-hits';
    const more = doc.createElement('p');
    more.className = 'kd-search-more';
    results.replaceChildren(status, list, more);

    let current = 0;
    let timer = 0;
    async function run(query: string): Promise<void> {
      const mine = ++current;
      // Said only when the search takes a while, so a screen reader is not told "loading" at every keystroke.
      const slow = win.setTimeout(() => {
        if (mine === current) status.textContent = labels.loading;
      }, 400);
      try {
        const found = await search(query);
        if (mine !== current) return;
        show(found);
      } catch {
        if (mine === current) {
          status.textContent = labels.failed;
          list.replaceChildren();
          more.textContent = '';
        }
      } finally {
        win.clearTimeout(slow);
      }
    }

    function show(found: Found): void {
      status.textContent =
        found.words === 0
          ? ''
          : found.total === 0
            ? labels.noResults
            : count(found.total, found.folded ? labels.resultsFolded : labels.results);
      list.replaceChildren(
        ...found.hits.map((hit) => {
          const item = doc.createElement('li');
          const link = doc.createElement('a');
          link.setAttribute('href', root + hit.url);
          link.textContent = hit.title;
          const kind = doc.createElement('span');
          kind.className = 'kd-search-kind';
          kind.textContent = hit.label;
          const context = doc.createElement('span');
          context.className = 'kd-search-context';
          context.textContent = hit.context;
          item.append(link, ' ', kind, ' ', context);
          return item;
        }),
      );
      more.textContent = found.total > found.hits.length ? count(found.total - found.hits.length, labels.more) : '';
    }

    /** Keeps the query in the address, so that Back from a hit returns to it. */
    function remember(query: string): void {
      try {
        win.history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
      } catch {
        // A browser that refuses it for a file:// page: the search works, Back shows the first query.
      }
    }

    input.addEventListener('input', () => {
      win.clearTimeout(timer);
      timer = win.setTimeout(() => {
        remember(input.value);
        void run(input.value);
      }, 150);
    });
    input.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      win.clearTimeout(timer);
      remember(input.value);
      void run(input.value);
    });
    const query = param(win.location.search, 'q');
    input.value = query;
    if (query !== '') void run(query);
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', bind);
  else bind();
}

/** JSON that is also safe anywhere in a script: no `<` (no `</script>`, no `<!--`), no line separators. */
function js(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A url the hits link to must stay inside the site: no scheme, no leading slash. */
function checkUrl(url: string): void {
  if (/^[a-z][a-z\d+.-]*:|^[/\\]/i.test(url)) throw new Error(`search: ${JSON.stringify(url)} is not relative to the site root`);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function docOrder(a: SearchDoc, b: SearchDoc): number {
  return (
    compare(a.url, b.url) ||
    compare(a.title, b.title) ||
    compare(a.context, b.context) ||
    compare(a.kind, b.kind) ||
    compare(a.text, b.text)
  );
}

/**
 * The files of the search: path relative to the site root → content.
 * Deterministic: the same docs, in any order, give the same bytes.
 * `shardBytes` is for tests, which need many shards from a few documents.
 */
export function searchFiles(docs: readonly SearchDoc[], labels: SearchLabels, { shardBytes = SHARD_BYTES } = {}): Map<string, string> {
  const sv = swedish();
  const engine = searchEngine(sv);
  for (const d of docs) checkUrl(d.url);
  const sorted = [...docs].sort(docOrder);

  // Stems are asked for again and again (the same few thousand words in every protocol).
  const stems = new Map<string, string>();
  const stemmed = (text: string) =>
    sv.tokens(text).map((t) => {
      let s = stems.get(t);
      if (s === undefined) stems.set(t, (s = sv.stem(t)));
      return s;
    });

  // First pass: each document's terms with their counts in title and text, kept flat (a map per document
  // would take a gigabyte at 100,000 documents); BM25 needs the average length before any weight.
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const flat = { term: [] as number[], title: [] as number[], text: [] as number[] };
  const starts: number[] = [];
  const lengths: number[] = [];
  // Per term, its counts in the document at hand; `seen` lists the terms counted, to read and reset them.
  const inTitle: number[] = [];
  const inText: number[] = [];
  const seen: number[] = [];
  const count = (stems: string[], counts: number[]) => {
    for (const t of stems) {
      let id = termIds.get(t);
      if (id === undefined) {
        termIds.set(t, (id = termNames.length));
        termNames.push(t);
        inTitle.push(0);
        inText.push(0);
      }
      if (inTitle[id] === 0 && inText[id] === 0) seen.push(id);
      counts[id]!++;
    }
  };
  for (const d of sorted) {
    const title = stemmed(d.title);
    const text = stemmed(d.text);
    count(title, inTitle);
    count(text, inText);
    starts.push(flat.term.length);
    lengths.push(TITLE_BOOST * title.length + text.length);
    for (const id of seen) {
      flat.term.push(id);
      flat.title.push(inTitle[id]!);
      flat.text.push(inText[id]!);
      inTitle[id] = 0;
      inText[id] = 0;
    }
    seen.length = 0;
  }
  starts.push(flat.term.length);
  const average = lengths.reduce((sum, l) => sum + l, 0) / Math.max(1, lengths.length) || 1;

  const postings = termNames.map(() => ({ ids: [] as number[], weights: [] as number[] }));
  for (let id = 0; id < sorted.length; id++) {
    const norm = K1 * (1 - B + (B * lengths[id]!) / average);
    for (let j = starts[id]!; j < starts[id + 1]!; j++) {
      const f = TITLE_BOOST * flat.title[j]! + flat.text[j]!;
      // BM25's term weight lies in (0, K1 + 1); kept as 1–31, with the title bit below it.
      const weight = Math.min(31, Math.max(1, Math.round(((f * (K1 + 1)) / (f + norm) / (K1 + 1)) * 31)));
      const p = postings[flat.term[j]!]!;
      p.ids.push(id);
      p.weights.push(weight * 2 + (flat.title[j]! > 0 ? 1 : 0));
    }
  }

  // Shards: runs of terms in folded order, never splitting a folded form.
  const terms = termNames.map((term, id) => ({ term, id, folded: sv.fold(term) }));
  terms.sort((a, b) => compare(a.folded, b.folded) || compare(a.term, b.term));
  const shards: string[][] = [];
  const bounds: string[] = [];
  let size = Number.POSITIVE_INFINITY;
  let previous: string | undefined;
  for (const { term, id, folded } of terms) {
    const p = postings[id]!;
    const encoded = engine.encode(p.ids, p.weights);
    if (folded !== previous && size > shardBytes) {
      bounds.push(shards.length === 0 ? '' : folded);
      shards.push([]);
      size = 0;
    }
    shards.at(-1)!.push(term, encoded);
    size += term.length + encoded.length + 6;
    previous = folded;
  }
  if (shards.length === 0) {
    bounds.push('');
    shards.push([]);
  }

  const kinds = [...new Set(sorted.map((d) => d.kind))].sort(compare);
  const config: Config = { docs: sorted.length, per: DOCS_PER_FILE, limit: LIMIT, bounds, kinds, labels };
  const files = new Map<string, string>();
  files.set(SCRIPT, clientScript(config));
  shards.forEach((entries, n) => {
    files.set(`search/index-${n}.js`, `window.__kdSearch.shard(${n},${js(entries)});\n`);
  });
  for (let n = 0; n * DOCS_PER_FILE < sorted.length; n++) {
    const file: DocsFile = { pages: [], docs: [] };
    const pages = new Map<string, number>();
    for (const d of sorted.slice(n * DOCS_PER_FILE, (n + 1) * DOCS_PER_FILE)) {
      const hash = d.url.indexOf('#');
      const path = hash < 0 ? d.url : d.url.slice(0, hash);
      const key = JSON.stringify([path, d.context]);
      let page = pages.get(key);
      if (page === undefined) {
        pages.set(key, (page = file.pages.length));
        file.pages.push([path, d.context]);
      }
      // A link needs words; a document without a title shows its url.
      const title = d.title.trim() === '' ? d.url : d.title;
      file.docs.push([page, hash < 0 ? '' : d.url.slice(hash), title, kinds.indexOf(d.kind)]);
    }
    files.set(`search/docs-${n}.js`, `window.__kdSearch.docs(${n},${js(file)});\n`);
  }
  return files;
}

function clientScript(config: Config): string {
  return [
    '// The search of this site: reads the index files beside it (index-*.js, docs-*.js). Written by kd (src/render/search.ts).',
    '(function () {',
    "'use strict';",
    `var config = ${js(config)};`,
    `var engine = (${searchEngine.toString()})((${swedish.toString()})());`,
    `(${searchClient.toString()})(window, engine, config);`,
    '})();',
    '',
  ].join('\n');
}

/**
 * The search as a page shows it, to place in the body of `search.html`
 * at the site root (or of another page, with `root` the way from that
 * page to the root, e.g. '../'):
 *
 *   <form role="search" action="search.html" method="get" class="kd-search">
 *     <label for="kd-q">…</label> <input type="search" id="kd-q" name="q"> <button type="submit">…</button>
 *   </form>
 *   <div id="kd-results"><p id="kd-search-status" role="status" aria-live="polite"></p></div>
 *   <noscript><p>…</p></noscript>
 *   <script src="search/kd-search.js"></script>
 *
 * The page must be UTF-8 (`<meta charset="utf-8">`): the scripts are read
 * in the page's encoding. The client adds to `#kd-results` an
 * `ol.kd-search-hits` of `li` > `a` (the title), `span.kd-search-kind`,
 * `span.kd-search-context`, and a `p.kd-search-more`. Only the status
 * line is a live region: a screen reader hears "12 träffar", not fifty
 * links at every keystroke. Without scripts the form still works as a
 * plain GET form (the query lands in `?q=`); the noscript line says why
 * nothing is listed.
 */
export function searchFragment(labels: SearchLabels, root = ''): Element[] {
  return [
    h('form.kd-search', { role: 'search', action: `${root}search.html`, method: 'get' }, [
      h('label', { for: 'kd-q' }, labels.field),
      ' ',
      h('input#kd-q', { type: 'search', name: 'q' }),
      ' ',
      h('button', { type: 'submit' }, labels.submit),
    ]),
    h('div#kd-results', [h('p#kd-search-status', { role: 'status', ariaLive: 'polite' })]),
    h('noscript', [h('p', labels.noScript)]),
    h('script', { src: `${root}${SCRIPT}` }),
  ];
}
