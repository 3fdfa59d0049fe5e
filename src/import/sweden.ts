import { foldName, MUNICIPALITY_SUFFIX, municipalityIndex, municipalityVariants, nameKey } from '../core/names.js';

/**
 * Reference data about Swedish local government, used by the importer to
 * tell a person's name from a municipality or an organisation in lines such
 * as "Maja Ek, Hylte kommun", "Upplands Väsby Maja Ek", "Maja Ek, Region
 * Halland" or "Östra Göinge: Ek/Lind".
 *
 * The municipality list is SCB's 290 municipalities (unchanged since Knivsta
 * was formed in 2003; Malung was renamed Malung-Sälen in 2007), checked name
 * by name against SCB's kommunkoder 0114–2584.
 */

/**
 * All 290 municipalities of Sweden, by their official short name without
 * "kommun"/"stad", in Swedish alphabetical order (Å, Ä, Ö after Z).
 */
export const MUNICIPALITIES: readonly string[] = [
  'Ale',
  'Alingsås',
  'Alvesta',
  'Aneby',
  'Arboga',
  'Arjeplog',
  'Arvidsjaur',
  'Arvika',
  'Askersund',
  'Avesta',
  'Bengtsfors',
  'Berg',
  'Bjurholm',
  'Bjuv',
  'Boden',
  'Bollebygd',
  'Bollnäs',
  'Borgholm',
  'Borlänge',
  'Borås',
  'Botkyrka',
  'Boxholm',
  'Bromölla',
  'Bräcke',
  'Burlöv',
  'Båstad',
  'Dals-Ed',
  'Danderyd',
  'Degerfors',
  'Dorotea',
  'Eda',
  'Ekerö',
  'Eksjö',
  'Emmaboda',
  'Enköping',
  'Eskilstuna',
  'Eslöv',
  'Essunga',
  'Fagersta',
  'Falkenberg',
  'Falköping',
  'Falun',
  'Filipstad',
  'Finspång',
  'Flen',
  'Forshaga',
  'Färgelanda',
  'Gagnef',
  'Gislaved',
  'Gnesta',
  'Gnosjö',
  'Gotland',
  'Grums',
  'Grästorp',
  'Gullspång',
  'Gällivare',
  'Gävle',
  'Göteborg',
  'Götene',
  'Habo',
  'Hagfors',
  'Hallsberg',
  'Hallstahammar',
  'Halmstad',
  'Hammarö',
  'Haninge',
  'Haparanda',
  'Heby',
  'Hedemora',
  'Helsingborg',
  'Herrljunga',
  'Hjo',
  'Hofors',
  'Huddinge',
  'Hudiksvall',
  'Hultsfred',
  'Hylte',
  'Håbo',
  'Hällefors',
  'Härjedalen',
  'Härnösand',
  'Härryda',
  'Hässleholm',
  'Höganäs',
  'Högsby',
  'Hörby',
  'Höör',
  'Jokkmokk',
  'Järfälla',
  'Jönköping',
  'Kalix',
  'Kalmar',
  'Karlsborg',
  'Karlshamn',
  'Karlskoga',
  'Karlskrona',
  'Karlstad',
  'Katrineholm',
  'Kil',
  'Kinda',
  'Kiruna',
  'Klippan',
  'Knivsta',
  'Kramfors',
  'Kristianstad',
  'Kristinehamn',
  'Krokom',
  'Kumla',
  'Kungsbacka',
  'Kungsör',
  'Kungälv',
  'Kävlinge',
  'Köping',
  'Laholm',
  'Landskrona',
  'Laxå',
  'Lekeberg',
  'Leksand',
  'Lerum',
  'Lessebo',
  'Lidingö',
  'Lidköping',
  'Lilla Edet',
  'Lindesberg',
  'Linköping',
  'Ljungby',
  'Ljusdal',
  'Ljusnarsberg',
  'Lomma',
  'Ludvika',
  'Luleå',
  'Lund',
  'Lycksele',
  'Lysekil',
  'Malmö',
  'Malung-Sälen',
  'Malå',
  'Mariestad',
  'Mark',
  'Markaryd',
  'Mellerud',
  'Mjölby',
  'Mora',
  'Motala',
  'Mullsjö',
  'Munkedal',
  'Munkfors',
  'Mölndal',
  'Mönsterås',
  'Mörbylånga',
  'Nacka',
  'Nora',
  'Norberg',
  'Nordanstig',
  'Nordmaling',
  'Norrköping',
  'Norrtälje',
  'Norsjö',
  'Nybro',
  'Nykvarn',
  'Nyköping',
  'Nynäshamn',
  'Nässjö',
  'Ockelbo',
  'Olofström',
  'Orsa',
  'Orust',
  'Osby',
  'Oskarshamn',
  'Ovanåker',
  'Oxelösund',
  'Pajala',
  'Partille',
  'Perstorp',
  'Piteå',
  'Ragunda',
  'Robertsfors',
  'Ronneby',
  'Rättvik',
  'Sala',
  'Salem',
  'Sandviken',
  'Sigtuna',
  'Simrishamn',
  'Sjöbo',
  'Skara',
  'Skellefteå',
  'Skinnskatteberg',
  'Skurup',
  'Skövde',
  'Smedjebacken',
  'Sollefteå',
  'Sollentuna',
  'Solna',
  'Sorsele',
  'Sotenäs',
  'Staffanstorp',
  'Stenungsund',
  'Stockholm',
  'Storfors',
  'Storuman',
  'Strängnäs',
  'Strömstad',
  'Strömsund',
  'Sundbyberg',
  'Sundsvall',
  'Sunne',
  'Surahammar',
  'Svalöv',
  'Svedala',
  'Svenljunga',
  'Säffle',
  'Säter',
  'Sävsjö',
  'Söderhamn',
  'Söderköping',
  'Södertälje',
  'Sölvesborg',
  'Tanum',
  'Tibro',
  'Tidaholm',
  'Tierp',
  'Timrå',
  'Tingsryd',
  'Tjörn',
  'Tomelilla',
  'Torsby',
  'Torsås',
  'Tranemo',
  'Tranås',
  'Trelleborg',
  'Trollhättan',
  'Trosa',
  'Tyresö',
  'Täby',
  'Töreboda',
  'Uddevalla',
  'Ulricehamn',
  'Umeå',
  'Upplands Väsby',
  'Upplands-Bro',
  'Uppsala',
  'Uppvidinge',
  'Vadstena',
  'Vaggeryd',
  'Valdemarsvik',
  'Vallentuna',
  'Vansbro',
  'Vara',
  'Varberg',
  'Vaxholm',
  'Vellinge',
  'Vetlanda',
  'Vilhelmina',
  'Vimmerby',
  'Vindeln',
  'Vingåker',
  'Vårgårda',
  'Vänersborg',
  'Vännäs',
  'Värmdö',
  'Värnamo',
  'Västervik',
  'Västerås',
  'Växjö',
  'Ydre',
  'Ystad',
  'Åmål',
  'Ånge',
  'Åre',
  'Årjäng',
  'Åsele',
  'Åstorp',
  'Åtvidaberg',
  'Älmhult',
  'Älvdalen',
  'Älvkarleby',
  'Älvsbyn',
  'Ängelholm',
  'Öckerö',
  'Ödeshög',
  'Örebro',
  'Örkelljunga',
  'Örnsköldsvik',
  'Östersund',
  'Österåker',
  'Östhammar',
  'Östra Göinge',
  'Överkalix',
  'Övertorneå',
];

/**
 * The municipalities that call themselves "stad" rather than "kommun"
 * (Stockholms stad, Göteborgs Stad, Malmö stad, ...): the 14 listed by
 * Swedish Wikipedia, "Lista över kommuner i Sverige som kallar sig stad".
 * Short names, as in MUNICIPALITIES.
 */
export const CITY_MUNICIPALITIES: readonly string[] = [
  'Borås',
  'Göteborg',
  'Haparanda',
  'Helsingborg',
  'Landskrona',
  'Lidingö',
  'Malmö',
  'Mölndal',
  'Solna',
  'Stockholm',
  'Sundbyberg',
  'Trollhättan',
  'Vaxholm',
  'Västerås',
];

/** The 21 regions (former county councils), in county-code order 01–25. */
export const REGIONS: readonly string[] = [
  'Region Stockholm',
  'Region Uppsala',
  'Region Sörmland',
  'Region Östergötland',
  'Region Jönköpings län',
  'Region Kronoberg',
  'Region Kalmar län',
  'Region Gotland',
  'Region Blekinge',
  'Region Skåne',
  'Region Halland',
  'Västra Götalandsregionen',
  'Region Värmland',
  'Region Örebro län',
  'Region Västmanland',
  'Region Dalarna',
  'Region Gävleborg',
  'Region Västernorrland',
  'Region Jämtland Härjedalen',
  'Region Västerbotten',
  'Region Norrbotten',
];

/**
 * Lower-case words or word endings that mark an organisation rather than a
 * person or a municipality. Words of three letters or fewer (ab, skr, kl, ...)
 * match only as whole words; longer ones also as the end of a compound
 * ("Västra Götalandsregionen", "Kommunförbundet", "Trafikverket"), with or
 * without a definite, plural or genitive ending (-en, -et, -n, -na, -er, -s ...).
 * "kommun" and "stad" are deliberately absent: "Hylte kommun" is a municipality.
 */
export const ORGANISATION_WORDS: readonly string[] = [
  // Swedish public bodies
  'region',
  'regioner',
  'landsting',
  'förbund',
  'kommunalförbund',
  'regionförbund',
  'kommunförbund',
  'samordningsförbund',
  'kansli',
  'sekretariat',
  'sekretariatet',
  'länsstyrelse',
  'länsstyrelsen',
  'styrelse',
  'nämnd',
  'fullmäktige',
  'utskott',
  'beredning',
  'förvaltning',
  'ledning',
  'kontor',
  'avdelning',
  'enhet',
  'grupp',
  'nätverk',
  'myndighet',
  'verket',
  'inspektion',
  'institut',
  'departement',
  'kommission',
  'universitet',
  'högskola',
  'akademi',
  'sjukhus',
  'lasarett',
  'polis',
  'polisen',
  'arbetsförmedling',
  'arbetsförmedlingen',
  'försäkringskassa',
  'försäkringskassan',
  'räddningstjänst',
  // Companies and associations
  'bolag',
  'koncern',
  'stiftelse',
  'förening',
  'organisation',
  'ab',
  'hb',
  'kb',
  // Swedish acronyms
  'skr',
  'skl',
  // Danish and Norwegian
  'kommune',
  'forbund',
  'sekretariat',
  'styrelsen',
  'direktorat',
  'selskab',
  'selskap',
  'organisasjon',
  'kl',
  'ks',
  'aps',
];

/** Names that are also common Swedish given names or surnames ("Nora Lind", "Mark Olsson", "Berg"). */
const PERSON_LIKE: ReadonlySet<string> = new Set([
  'Berg',
  'Boden',
  'Dorotea',
  'Falkenberg',
  'Laholm',
  'Lindesberg',
  'Lund',
  'Mark',
  'Mora',
  'Nora',
  'Salem',
  'Vilhelmina',
]);

/** Lower case without diacritics, words kept apart: "Länsstyrelsen i Skåne" → ["lansstyrelsen", "i", "skane"]. */
function foldedWords(text: string): string[] {
  return foldName(text, true)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The whole country's municipalities, matched as core/names matches any list of them (Region Gotland and Malung included). */
const NATIONAL = municipalityIndex(MUNICIPALITIES);

const EDGE_PUNCTUATION = /^[\s.,;:!?()[\]{}"'«»“”‘’]+|(?<![\s.,;:!?()[\]{}"'«»“”‘’])[\s.,;:!?()[\]{}"'«»“”‘’]+$/gu;

function matchWhole(text: string, bareGenitive: boolean): string | undefined {
  const t = text.replace(EDGE_PUNCTUATION, '');
  if (t === '') return undefined;
  return NATIONAL.find(municipalityVariants(t, bareGenitive));
}

const ENDINGS = '(?:en|et|n|t|na|ne|er|erna|ar|arna|ens|ets|ns|s|ers)?';
const ORGANISATION_MATCHERS: ReadonlyArray<(word: string) => boolean> = [
  ...new Set(ORGANISATION_WORDS.map((w) => foldedWords(w).join(''))),
].map((w) => {
  if (w.length <= 3) return (word: string) => word === w;
  const re = new RegExp(`${w}${ENDINGS}$`, 'u');
  return (word: string) => re.test(word);
});

/**
 * True when the text names an organisation: contains one of
 * ORGANISATION_WORDS as a word or word ending (case- and
 * diacritics-insensitive), is an all-caps acronym of 2–6 letters (GR, SKR,
 * FBK, also "SKR:s"), or is one of REGIONS.
 */
export function isOrganisation(text: string): boolean {
  const t = text.replace(EDGE_PUNCTUATION, '');
  if (t === '') return false;
  if (/^\p{Lu}{2,6}(?::s)?$/u.test(t)) return true;
  const key = nameKey(t, true);
  if (REGIONS.some((r) => nameKey(r, true) === key)) return true;
  const words = foldedWords(t);
  return words.some((word) => ORGANISATION_MATCHERS.some((m) => m(word)));
}

/**
 * The municipality a text names, or undefined. The whole text must name it
 * (a person's name such as "Maja Berg" never matches "Berg"): "Hylte",
 * "Hylte kommun", "Hyltes kommun", "Göteborgs Stad", "Stockholms stad",
 * "Upplands Väsby kommun", "Upplands-Väsby", "MALUNG-SÄLEN", "Hylte kommun,".
 * Folded as core/names folds every name: case-, hyphen- and space-insensitive,
 * diacritics-insensitive only when nothing matches with them and that is not
 * ambiguous (Habo, Håbo). A trailing genitive "s" is dropped only when the
 * text without it is not itself a municipality ("Vännäs", "Borås" stay).
 * "Region Gotland" is Gotland (the municipality's own name); other regions
 * are not municipalities. Returns the name as in MUNICIPALITIES.
 */
export function municipalityIn(text: string): string | undefined {
  return matchWhole(text, true);
}

/**
 * Splits a line that starts with a municipality ("Upplands Väsby Maja Ek",
 * "Hylte: Ek/Lind", "Hylte kommun, Maja Ek") into the municipality and the
 * rest, trying the longest municipality name first; undefined when the line
 * does not start with one or nothing follows it. A municipality that is also a
 * common given name or surname (Nora, Mark, Berg, Lund ...) followed by a
 * single word and no punctuation ("Nora Lind") is taken for a person.
 */
export function leadingMunicipality(text: string): { municipality: string; rest: string } | undefined {
  const tokens = [...text.matchAll(/[^\s:;,]+/gu)];
  for (let k = Math.min(tokens.length, 5); k >= 1; k--) {
    const first = tokens[0]!;
    const last = tokens[k - 1]!;
    const end = last.index + last[0].length;
    const candidate = text.slice(first.index, end).replace(/(?<![.])[.]+$/u, '');
    const municipality = matchWhole(candidate, false);
    if (municipality === undefined) continue;
    const after = text.slice(end);
    const rest = after.replace(/^[\s:;,.\-‐‑‒–—]+/u, '').trim();
    if (rest === '') return undefined;
    const bareName = !MUNICIPALITY_SUFFIX.test(candidate);
    const spaceOnly = !/^\s*[:;,.\-‐‑‒–—]/u.test(after);
    if (bareName && spaceOnly && PERSON_LIKE.has(municipality) && /^\p{L}[\p{L}'’-]*$/u.test(rest)) return undefined;
    return { municipality, rest };
  }
  return undefined;
}
