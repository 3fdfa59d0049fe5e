import vm from 'node:vm';
import type { SearchDoc, SearchLabels } from '../src/render/search.js';

/** The search's words as the catalogue is to give them. */
export const LABELS: SearchLabels = {
  lang: 'sv',
  field: 'Sök i protokollen',
  submit: 'Sök',
  noScript: 'Sökningen behöver JavaScript. Slå på JavaScript i webbläsaren, eller bläddra bland protokollen från startsidan.',
  loading: 'Söker …',
  results: { one: '1 träff', other: '{n} träffar' },
  resultsFolded: {
    one: '1 träff när å, ä och ö läses som a och o (inget stod stavat precis så).',
    other: '{n} träffar när å, ä och ö läses som a och o (inget stod stavat precis så).',
  },
  noResults: 'Inga träffar. Pröva ett annat ord eller färre ord.',
  more: {
    one: '1 träff till visas inte; lägg till ett ord för att smalna av sökningen.',
    other: '{n} träffar till visas inte; lägg till ett ord för att smalna av sökningen.',
  },
  failed: 'Sökningen kunde inte läsa sitt index. Kopiera hela webbplatsens mapp, med mappen search.',
  kinds: { decision: 'Beslut', item: 'Punkt', protocol: 'Protokoll' },
};

const LEDNING_2 = 'networks/ledning/protocols/2019/2019-04-05-2.html';
const LEDNING_3 = 'networks/ledning/protocols/2019/2019-06-07-3.html';
const KOMPETENS_1 = 'networks/kompetens/protocols/2019/2019-03-14-1.html';

/** Two networks' meetings as the site indexes them: protocols, items and decisions. */
export const CORPUS: SearchDoc[] = [
  {
    url: `${LEDNING_2}#§1`,
    title: '1. Mötets öppnande',
    context: 'Ledningsgruppen 2/2019, 5 april 2019',
    text: 'Ordföranden öppnade mötet och hälsade de närvarande välkomna.',
    kind: 'item',
  },
  {
    url: `${LEDNING_2}#§2`,
    title: '2. Lägesbild om äldreomsorgen',
    context: 'Ledningsgruppen 2/2019, 5 april 2019',
    text: 'Kommunerna redovisade läget i äldreomsorgen efter sommaren. Bemanningen är ansträngd i flera kommuner.',
    kind: 'item',
  },
  {
    url: `${LEDNING_2}#§3`,
    title: '3. Lönekartläggning',
    context: 'Ledningsgruppen 2/2019, 5 april 2019',
    text: 'Beslutet om lönekartläggningen fattades av styrelsen i mars. Personalcheferna har tagit fram ett förslag till tidplan.',
    kind: 'item',
  },
  {
    url: `${LEDNING_2}#§3:1`,
    title: 'att kommunerna genomför en gemensam löneöversyn för undersköterskor',
    context: 'Ledningsgruppen 2/2019, 5 april 2019',
    text: 'att kommunerna genomför en gemensam löneöversyn för undersköterskor under hösten 2019, med redovisning i december',
    kind: 'decision',
  },
  {
    url: `${KOMPETENS_1}#§1:1`,
    title: 'att uppföljningen av rekryteringsstrategin redovisas i juni',
    context: 'Kompetensnätverket 1/2019, 14 mars 2019',
    text: 'att uppföljningen av rekryteringsstrategin redovisas vid nätverkets möte i juni',
    kind: 'decision',
  },
  {
    url: `${KOMPETENS_1}#§2`,
    title: '2. Digitalisering av ekonomiadministrationen',
    context: 'Kompetensnätverket 1/2019, 14 mars 2019',
    text: 'Förslaget om ett gemensamt ekonomisystem diskuterades. Kostnaden beräknas till 1,5 miljoner kronor per år.',
    kind: 'item',
  },
  {
    url: `${KOMPETENS_1}#§2:1`,
    title: 'att ge kommundirektörerna i uppdrag att ta fram ett underlag om ekonomisystemet',
    context: 'Kompetensnätverket 1/2019, 14 mars 2019',
    text: 'att ge kommundirektörerna i uppdrag att ta fram ett underlag om ekonomisystemet till nästa möte',
    kind: 'decision',
  },
  {
    url: LEDNING_3,
    title: 'Ledningsgruppen 3/2019',
    context: '7 juni 2019, Osby',
    text: 'Protokoll fört vid sammanträde med ledningsgruppen i Osby. Uppföljningsplan för kompetensförsörjningen.',
    kind: 'protocol',
  },
  {
    url: `${LEDNING_3}#§4:1`,
    title: 'att godkänna den reviderade budgeten för samverkan kring äldreomsorgen',
    context: 'Ledningsgruppen 3/2019, 7 juni 2019',
    text: 'att godkänna den reviderade budgeten för samverkan kring äldreomsorgen, 2,4 miljoner kronor',
    kind: 'decision',
  },
];

export interface Hit {
  url: string;
  title: string;
  context: string;
  kind: string;
  label: string;
}
export interface Found {
  words: number;
  total: number;
  folded: boolean;
  hits: Hit[];
}

/**
 * The generated scripts run as a browser would run them, in an empty
 * context with a window and a document that knows only what the client
 * asks of it: a `<script>` appended to the head runs the file its src
 * names. Nothing else is there, so the client's code and the functions
 * carried in it prove they need nothing from kd's modules.
 */
export function searchIn(files: Map<string, string>): (query: string) => Promise<Found> {
  const run = (name: string) => vm.runInContext(files.get(name)!, context, { filename: name });
  const head = {
    append(script: { src: string; onload(): void; onerror(): void }) {
      setTimeout(() => {
        if (!files.has(script.src)) return script.onerror();
        run(script.src);
        script.onload();
      });
    },
  };
  const document = {
    currentScript: null,
    readyState: 'complete',
    head,
    createElement: () => ({}),
    getElementById: () => null,
    querySelector: () => null,
    addEventListener() {},
  };
  const window: Record<string, unknown> = { document, location: { search: '' } };
  window.window = window;
  const context = vm.createContext(window);
  run('search/kd-search.js');
  const registry = window.__kdSearch as { search(q: string): Promise<Found> };
  // Across the context's border, arrays are another realm's: handed over as JSON.
  return async (query) => JSON.parse(JSON.stringify(await registry.search(query))) as Found;
}
