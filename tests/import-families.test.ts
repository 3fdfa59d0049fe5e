import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledge } from '../src/import/entries.js';
import { itemsOf, type LegacyItem, type LegacyProtocol, type NamedPerson, parseLegacy } from '../src/import/legacy.js';
import { REPO } from './helpers.js';

/**
 * Conformance fixtures for `kd import`: one meeting per notation family
 * (tests/fixtures/legacy-families), each with what a careful reader records
 * from the text. The expectations are the text's facts, not the parser's
 * current output. Every fact is a soft assertion, so one run lists them all.
 */

const DIR = path.join(REPO, 'tests', 'fixtures', 'legacy-families');

/** The municipalities the fixtures name, as an archive would list them (Danish and Norwegian ones included). */
const MUNICIPALITIES = [
  'Ale',
  'Alingsås',
  'Avesta',
  'Boden',
  'Bollebygd',
  'Borlänge',
  'Borås',
  'Falköping',
  'Falun',
  'Gällivare',
  'Göteborg',
  'Götene',
  'Halmstad',
  'Haparanda',
  'Helsingborg',
  'Herrljunga',
  'Hylte',
  'Hällefors',
  'Härnösand',
  'Härryda',
  'Jokkmokk',
  'Kalix',
  'Kiruna',
  'Kramfors',
  'Kungsbacka',
  'Kungälv',
  'Landskrona',
  'Leksand',
  'Lerum',
  'Lidköping',
  'Lilla Edet',
  'Ljusnarsberg',
  'Ludvika',
  'Luleå',
  'Lund',
  'Malmö',
  'Mariestad',
  'Mark',
  'Mora',
  'Munkedal',
  'Mölndal',
  'Partille',
  'Piteå',
  'Rättvik',
  'Skara',
  'Skövde',
  'Sollefteå',
  'Stenungsund',
  'Strömstad',
  'Svenljunga',
  'Säter',
  'Tanum',
  'Tibro',
  'Timrå',
  'Tjörn',
  'Tranemo',
  'Trollhättan',
  'Uddevalla',
  'Ulricehamn',
  'Upplands Väsby',
  'Vårgårda',
  'Vänersborg',
  'Åmål',
  'Ånge',
  'Älvsbyn',
  'Öckerö',
  'Örnsköldsvik',
  'Östra Göinge',
  'København',
  'Helsingør',
  'Frederiksberg',
  'Gentofte',
  'Hillerød',
  'Halden',
  'Fredrikstad',
  'Sarpsborg',
  'Aremark',
];
const K = knowledge(MUNICIPALITIES, () => false);

type Where = string | null;
/** Partial attendance as kd records it: clock times, and the items attended in kd's numbering ("3,5-8"). */
type Part = { from?: string; until?: string; items?: string } | null;

interface Head {
  header: string | null;
  kind: 'protokoll' | 'anteckningar' | null;
  date: string | null;
  time: string | null;
  timeStart: string | null;
  place: string | null;
  chair: string | null;
  secretary: string | null;
}

interface Case {
  file: string;
  about: string;
  head: Head;
  /** [name, municipality or organisation, partial attendance]. */
  present: [string, Where, Part][];
  regrets?: [string, Where][];
  absent?: [string, Where][];
  remote?: [string, Where][];
  /** [substitute, the member stood in for]. */
  substitutes?: [string, string][];
  /** [name, organisation, role]. */
  guests?: [string, Where, string | null][];
  /** [kd's number, the number in the source, title]. */
  items: [number, string, string][];
  /** [item (kd's number), text, owner, due, due at the next meeting]. */
  decisions: [number, string, string | null, string | null, boolean][];
  noise?: [number, string][];
  notUnderstood?: [number, string][];
  /** Finer facts about the entries: [name, municipality, organisation, role, party, acting, surname only]. */
  details?: [string, Where, Where, string | null, string | null, boolean, boolean][];
}

const where = (x: NamedPerson): Where => x.municipality ?? x.organisation ?? null;

function part(x: NamedPerson, items: LegacyItem[]): Part {
  if (!x.partial) return null;
  const attended = itemsOf(x.partial, items);
  const out = {
    ...(x.partial.from ? { from: x.partial.from } : {}),
    ...(x.partial.until ? { until: x.partial.until } : {}),
    ...(attended ? { items: attended } : {}),
  };
  return Object.keys(out).length > 0 ? out : null;
}

/** The item's number as the source wrote it ("§ 56" → "56", "Sak nr. 62/12" → "62/12"), or kd's when the source gave none of its own. */
const sourceNo = (it: LegacyItem) => (it.source ? it.source.replace(/^[^\d]*/, '').trim() : String(it.no));

function head(p: LegacyProtocol): Head {
  return {
    header: p.header ?? null,
    kind: p.kind ?? null,
    date: p.date ?? null,
    time: p.time ?? null,
    timeStart: p.timeStart ?? null,
    place: p.place ?? null,
    chair: p.chair?.name ?? null,
    secretary: p.secretary?.name ?? null,
  };
}

const SJUHARAD_HEAD: Head = {
  header: 'Sammanträdesprotokoll – Kommunchefsgruppen i Sjuhärad',
  kind: 'protokoll',
  date: '2011-03-14',
  time: '09:00-12:15',
  timeStart: null,
  place: 'Kommunhuset, Sammanträdesrum Viskan, Mark',
  chair: 'Ingrid Salomonsson',
  secretary: 'Lisbeth Haraldsson',
};
const SJUHARAD_PRESENT: Case['present'] = [
  ['Ingrid Salomonsson', 'Borås', null],
  ['Tord Hellström', 'Bollebygd', null],
  ['Kent Ålund', 'Herrljunga', null],
  ['Gunnel Viklander', 'Mark', null],
  ['Anders Ekdahl', 'Svenljunga', null],
  ['Britt Lagerqvist', 'Tranemo', null],
  ['Göran Wennberg', 'Ulricehamn', null],
  ['Marie Fjällström', 'Vårgårda', null],
];
const SJUHARAD_ITEMS: Case['items'] = [
  [1, '1', 'Mötets öppnande'],
  [2, '2', 'Gemensam upphandling av färdtjänst'],
  [3, '3', 'Regionalt tillväxtprogram'],
  [4, '4', 'Nästa sammanträde'],
];
const SJUHARAD_DECISIONS: Case['decisions'] = [
  [2, 'att godkänna förfrågningsunderlaget i dess nuvarande lydelse.', null, null, false],
  [3, 'Informationen noteras.', null, null, false],
];

const CASES: Case[] = [
  {
    file: '01-header-labels.txt',
    about:
      'labels with the value on the next line, "måndagen den 14 mars 2011", "kl. 9.00–12.15", a later document date, Vid protokollet/Justeras',
    head: SJUHARAD_HEAD,
    present: SJUHARAD_PRESENT,
    items: SJUHARAD_ITEMS,
    decisions: SJUHARAD_DECISIONS,
  },
  {
    file: '02-attendance-headings.txt',
    about:
      'Ledamöter as a flattened table with X/- before the name, Tjänstgörande ersättare, Ersättare, Övriga deltagande, Anmält förhinder, Ordförande/Protokollförare/Justerare, Ärende 31',
    head: {
      header: 'Protokoll från Kommunchefsberedningen, Skaraborgs Kommunalförbund',
      kind: 'protokoll',
      date: '2016-09-23',
      time: '09:00-12:00',
      timeStart: null,
      place: 'Kommunalförbundets lokaler, Skövde',
      chair: 'Karin Sjöholm',
      secretary: 'Sara Wikström',
    },
    present: [
      ['Karin Sjöholm', 'Skövde', null],
      ['Lennart Bäckström', 'Falköping', null],
      ['Peter Rosvall', 'Mariestad', null],
      ['Ulla Granqvist', 'Skara', null],
      ['Stina Hagelin', 'Götene', null],
      // A (non-serving) alternate who was there.
      ['Elin Stark', 'Skara', null],
    ],
    // Marked "-" and replaced by a serving alternate.
    absent: [['Annika Strand', 'Lidköping']],
    // Marked "-" in the table, and listed under Anmält förhinder: regrets, not absent.
    regrets: [['Mikael Forsberg', 'Tibro']],
    substitutes: [['Jonas Melkersson', 'Annika Strand']],
    guests: [
      ['Fredrik Lundblad', 'Skaraborgs Kommunalförbund', 'förbundsdirektör'],
      ['Hanna Öberg', 'Västra Götalandsregionen', null],
    ],
    items: [
      [1, '31', 'Föregående protokoll'],
      [2, '32', 'Gemensam e-arkivlösning'],
      [3, '33', 'Information från Västra Götalandsregionen'],
    ],
    decisions: [
      [1, 'Föregående protokoll lades till handlingarna.', null, null, false],
      [2, 'att ställa sig bakom förstudiens förslag till fortsatt arbete', null, null, false],
      [2, 'att frågan återkommer på beredningens möte i november', null, null, false],
      [3, 'Informationen noteras.', null, null, false],
    ],
    notUnderstood: [[32, 'Ordföranden hälsade de närvarande välkomna till höstens första sammanträde.']],
  },
  {
    file: '03-entry-shapes.txt',
    about:
      'entry shapes: "Name, X kommun", "Name, role, X", "Name (S), X", "…, ordförande", "Name, sekreterare", "Name, Region Halland", "Name tf role X", "X Name", "X: Ek/Lind", two-word municipalities, a name-like organisation, bare lists',
    head: {
      header: 'Minnesanteckningar – nätverket för kommundirektörer i mindre kommuner',
      kind: 'anteckningar',
      date: '2013-11-21',
      time: '10:00-15:00',
      timeStart: null,
      place: 'Hotell Tylösand, Halmstad',
      chair: 'Sofia Wahlgren',
      secretary: 'Anneli Rydberg',
    },
    present: [
      ['Maja Ekström', 'Hylte', null],
      ['Olle Lindgren', 'Lilla Edet', null],
      ['Per Bergkvist', 'Ljusnarsberg', null],
      ['Sofia Wahlgren', 'Östra Göinge', null],
      ['Anneli Rydberg', null, null],
      ['Mats Enqvist', 'Region Halland', null],
      ['Kerstin Dahlén', 'Upplands Väsby', null],
      ['Jonas Lindholm', 'Hällefors', null],
      ['Nyberg', 'Tranemo', null],
      ['Hallin', 'Tranemo', null],
      ['Birgitta Nordin', null, null],
      ['Hans Eklöf', null, null],
      ['Johan Sandell', 'Familjen Helsingborg', null],
    ],
    details: [
      ['Maja Ekström', 'Hylte', null, null, null, false, false],
      ['Olle Lindgren', 'Lilla Edet', null, 'kommunchef', null, false, false],
      ['Per Bergkvist', 'Ljusnarsberg', null, null, 'S', false, false],
      ['Sofia Wahlgren', 'Östra Göinge', null, 'ordförande', null, false, false],
      ['Anneli Rydberg', null, null, 'sekreterare', null, false, false],
      ['Mats Enqvist', null, 'Region Halland', null, null, false, false],
      ['Kerstin Dahlén', 'Upplands Väsby', null, 'kommundirektör', null, true, false],
      ['Jonas Lindholm', 'Hällefors', null, null, null, false, false],
      ['Nyberg', 'Tranemo', null, null, null, false, true],
      ['Hallin', 'Tranemo', null, null, null, false, true],
      ['Birgitta Nordin', null, null, null, null, false, false],
      ['Hans Eklöf', null, null, null, null, false, false],
      ['Johan Sandell', null, 'Familjen Helsingborg', null, null, false, false],
    ],
    absent: [
      ['Eva Lundh', null],
      ['Britt Ahlström', null],
      ['Nils Ferm', null],
    ],
    items: [
      [1, '1', 'Incheckning'],
      [2, '2', 'Kompetensförsörjning i mindre kommuner'],
      [3, '3', 'Nästa möte'],
    ],
    decisions: [
      [2, 'Anneli Rydberg får i uppdrag att sammanställa kommunernas erfarenheter till nästa möte.', 'Anneli Rydberg', null, true],
    ],
  },
  {
    file: '04-partial-attendance.txt',
    about:
      'Deltagare with the absent listed too and Ej närvarande winning; (fram till 11.25), (från kl 13.45), (tom p 4), (p 5), 4-9, (pkt 3, 5-8); prose "lämnade mötet kl 15.00", "anländer under punkt 3"; Dag/Antecknat av',
    head: {
      header: 'Anteckningar från kommunchefsnätverket',
      kind: 'anteckningar',
      date: '2021-05-27',
      time: '13:00-16:30',
      timeStart: null,
      place: 'GR, Göteborg, och via Teams',
      chair: 'Ingela Mårdh',
      secretary: 'Kerstin Lööv',
    },
    present: [
      ['Anna Hedlund', 'Ale', null],
      ['Lars Fröding', 'Alingsås', { until: '15:25' }],
      ['Camilla Ståhl', 'Göteborg', { from: '13:45' }],
      ['Tomas Eklund', 'Härryda', { items: '1-4' }],
      ['Ingela Mårdh', 'Kungsbacka', null],
      ['Magnus Rehn', 'Lerum', { items: '5' }],
      ['Britt-Marie Palm', 'Lilla Edet', null],
      ['Håkan Vester', 'Mölndal', { items: '4-9' }],
      ['Nils Öhrn', 'Stenungsund', { until: '15:00' }],
      ['Malin Ekberg', 'Tjörn', { items: '3-9' }],
      ['Rasmus Holst', 'Öckerö', null],
      ['Ylva Brandt', 'GR', { items: '3,5-8' }],
      ['Kerstin Lööv', 'GR', null],
    ],
    absent: [
      ['Eva Sjödin', 'Kungälv'],
      ['Josefin Alm', 'Partille'],
    ],
    items: [
      [1, '1', 'Incheckning'],
      [2, '2', 'Föregående anteckningar'],
      [3, '3', 'Regional plan för kompetensförsörjning'],
      [4, '4', 'Gemensam e-tjänsteplattform'],
      [5, '5', 'Information från förbundsstyrelsen'],
      [6, '6', 'Digital nämndhandläggning'],
      [7, '7', 'Ekonomiskt läge'],
      [8, '8', 'Kommande möten'],
      [9, '9', 'Övriga frågor'],
    ],
    decisions: [
      [2, 'Anteckningarna läggs till handlingarna.', null, null, false],
      [8, 'att höstens första möte flyttas till den 9 september.', null, null, false],
    ],
  },
  {
    file: '05-prose-attendance.txt',
    about:
      'prose: regrets, "närvarade inte", "Mötet öppnades av ordförande", "ersätter"; entries "X för Y", "X (ers. för Y)"; Dessutom närvarande; "kl 13" alone; items "1 Title" with sub-items "2 a." and "2 b)"',
    head: {
      header: 'Minnesanteckningar från kommunchefsträff i Västernorrland',
      kind: 'anteckningar',
      date: '2006-09-15',
      time: null,
      timeStart: '13:00',
      place: 'Kommunhuset i Kramfors',
      chair: 'Gunilla Brännström',
      secretary: 'Lena Forsgren',
    },
    present: [
      ['Birgitta Sundqvist', 'Härnösand', null],
      ['Roland Edlund', 'Kramfors', null],
      ['Gunilla Brännström', 'Sollefteå', null],
    ],
    regrets: [
      ['Sture Lidén', null],
      ['Marianne Åkerlund', null],
    ],
    absent: [['Per-Olof Nyström', null]],
    substitutes: [
      ['Anders Hägglund', 'Stefan Hörnqvist'],
      ['Kjell Nordström', 'Inger Malmsten'],
      ['Eva Berglund', 'Tomas Westin'],
    ],
    guests: [['Lena Forsgren', 'Kommunförbundet Västernorrland', null]],
    items: [
      [1, '1', 'Mottagande av ensamkommande flyktingbarn'],
      [2, '2', 'Infrastruktur'],
      [3, '3', 'Nästa träff'],
    ],
    decisions: [
      [1, 'att ta fram en gemensam skrivelse till länsstyrelsen.', null, null, false],
      [2, 'Informationen noteras.', null, null, false],
      [2, 'att skriva till Post- och telestyrelsen om täckningen.', null, null, false],
    ],
  },
  {
    file: '06-item-numbering.txt',
    about:
      'an agenda (Dagordning) and the same items in the body, numbering from § 56, ( 62-), Deltog ej, label values after spaces, "Sida 1 av 2"',
    head: {
      header: 'Protokoll – Kommunchefsgruppen i Norrbotten',
      kind: 'protokoll',
      date: '2012-06-08',
      time: '09:00-15:00',
      timeStart: null,
      place: 'Kommunhuset, Älvsbyn',
      chair: 'Ulf Lindmark',
      secretary: 'Johanna Öhman',
    },
    present: [
      ['Ulf Lindmark', 'Luleå', null],
      ['Maria Hedman', 'Piteå', null],
      ['Sven-Erik Bäckman', 'Boden', { items: '7-8' }],
      ['Anna-Karin Stenberg', 'Kiruna', null],
      ['Roger Lundqvist', 'Gällivare', null],
      ['Kristina Sundin', 'Älvsbyn', null],
      ['Tore Lindbäck', 'Haparanda', null],
    ],
    absent: [
      ['Ewa Holmström', 'Kalix'],
      ['Lars-Göran Sjölund', 'Jokkmokk'],
    ],
    items: [
      [1, '56', 'Val av justerare'],
      [2, '57', 'Föregående protokoll'],
      [3, '58', 'Länstransportplanen 2014–2025'],
      [4, '59', 'Gemensam upphandling av IT-drift'],
      [5, '60', 'Rapport från socialchefsnätverket'],
      [6, '61', 'Kommunernas sommarberedskap'],
      [7, '62', 'Samverkan kring gymnasieskolan'],
      [8, '63', 'Övriga frågor'],
    ],
    decisions: [
      [1, 'att utse Maria Hedman att jämte ordföranden justera protokollet.', null, null, false],
      [2, 'Protokollet läggs till handlingarna.', null, null, false],
      [3, 'att ställa sig bakom yttrandet över länstransportplanen med de ändringar som framkom vid mötet.', null, null, false],
      [
        4,
        'att uppdra åt sekretariatet att ta fram ett underlag om gemensam upphandling senast 15 september.',
        'sekretariatet',
        '2012-09-15',
        false,
      ],
      [5, 'Informationen läggs till handlingarna.', null, null, false],
    ],
    noise: [
      [46, 'Sida 1 av 2'],
      [59, 'Sida 2 av 2'],
    ],
  },
  {
    file: '07-decisions.txt',
    about:
      'Beslut: sentence, Förslag till beslut … Beslut: Enligt förslag, Beslutades att, Ansvarig:, Uppdras åt X att, inför mötet 230414, Nätverket beslutar att, X ansvarar för att … senast 15 mars, Gruppen enas om att, X återkommer med, Överenskoms att, Åtgärd:; Plats och tid with the place first; Adjungerade, Förhinder; "1 / 2"',
    head: {
      header: 'Anteckningar från kommundirektörsnätverket i Dalarna',
      kind: 'anteckningar',
      date: '2023-02-10',
      time: '09:00-12:00',
      timeStart: null,
      place: 'Falu stadshus, lokal Kopparvågen',
      chair: 'Anna Lindqvist',
      secretary: 'Katarina Olsén',
    },
    present: [
      ['Anna Lindqvist', 'Falun', null],
      ['Henrik Sjöberg', 'Borlänge', null],
      ['Therese Dahlgren', 'Mora', null],
      ['Jan-Erik Hellgren', 'Ludvika', null],
      ['Pia Enström', 'Avesta', null],
      ['Magnus Hedin', 'Leksand', null],
      ['Katarina Olsén', 'Region Dalarna', null],
    ],
    regrets: [
      ['Gunnar Lind', 'Rättvik'],
      ['Sara Modig', 'Säter'],
    ],
    guests: [['Stefan Rydh', 'Länsstyrelsen Dalarna', null]],
    items: [
      [1, '1', 'Föregående anteckningar'],
      [2, '2', 'Räddningstjänstsamverkan'],
      [3, '3', 'Kompetensförsörjning'],
      [4, '4', 'Socialtjänstens digitalisering'],
      [5, '5', 'Regional utvecklingsstrategi'],
      [6, '6', 'Näringslivsfrågor'],
      [7, '7', 'Övrigt'],
    ],
    decisions: [
      [1, 'Anteckningarna läggs till handlingarna.', null, null, false],
      [2, 'att nätverket rekommenderar kommunerna att ingå i den gemensamma ledningscentralen', null, null, false],
      [2, 'att Henrik Sjöberg får i uppdrag att ta fram en tidplan till nästa möte', 'Henrik Sjöberg', null, true],
      [3, 'att genomföra en gemensam kampanj under hösten.', 'Therese Dahlgren', null, false],
      [4, 'Informationen noteras.', null, null, false],
      [4, 'Uppdras åt Magnus Hedin att sammankalla en arbetsgrupp inför mötet 230414.', 'Magnus Hedin', '2023-04-14', false],
      [5, 'att lämna ett gemensamt remissvar.', null, null, false],
      [5, 'Pia Enström ansvarar för att samordna kommunernas svar senast 15 mars.', 'Pia Enström', '2023-03-15', false],
      [6, 'att bjuda in Region Dalarnas näringslivsenhet till majmötet.', null, null, false],
      [6, 'Jan-Erik Hellgren återkommer med förslag på datum.', 'Jan-Erik Hellgren', null, false],
      [7, 'att kallelserna framöver skickas ut med en länk för digitalt deltagande.', 'Anna Lindqvist', null, false],
    ],
    noise: [
      [39, '1 / 2'],
      [57, '2 / 2'],
    ],
    notUnderstood: [[24, 'Ordföranden hälsade välkommen till årets första möte i de nya lokalerna.']],
  },
  {
    file: '08-noise.txt',
    about:
      'page markers 1(3), a running header on every page, Justerandes signatur, signature lines; "9.00 12.15" without its dash; a table with X/- after the name; (§ 84-89), (ej § 88-89), (deltog t.o.m. § 85); §84 without a space; Styrelsen beslutar att; a due date in the next year',
    head: {
      header: 'Kommundirektörsföreningen i Västra Götaland – Styrelsens protokoll 2004-11-19',
      kind: 'protokoll',
      date: '2004-11-19',
      time: '09:00-12:15',
      timeStart: null,
      place: 'Stadshuset i Trollhättan',
      chair: 'Karl-Erik Ljung',
      secretary: 'Linnea Boström',
    },
    present: [
      ['Karl-Erik Ljung', 'Vänersborg', null],
      ['Mona Tell', 'Uddevalla', { items: '1-6' }],
      ['Björn Alvarsson', 'Trollhättan', { items: '1-4,7-9' }],
      ['Henrik Wall', 'Strömstad', { items: '1-2' }],
      ['Agneta Frisk', 'Munkedal', null],
    ],
    absent: [['Gertrud Sahlin', 'Åmål']],
    items: [
      [1, '84', 'Val av justerare'],
      [2, '85', 'Föregående protokoll'],
      [3, '86', 'Ekonomisk rapport per oktober'],
      [4, '87', 'Medlemsavgift 2005'],
      [5, '88', 'Höstkonferensen 2005'],
      [6, '89', 'Yttrande över den regionala utvecklingsstrategin'],
      [7, '90', 'Rapporter'],
      [8, '91', 'Kommande sammanträden'],
      [9, '92', 'Avslutning'],
    ],
    decisions: [
      [1, 'att utse Agneta Frisk att jämte ordföranden justera dagens protokoll.', null, null, false],
      [2, 'Protokollet från den 15 oktober läggs till handlingarna.', null, null, false],
      [3, 'Rapporten godkänns.', null, null, false],
      [4, 'att medlemsavgiften för 2005 lämnas oförändrad.', null, null, false],
      [5, 'att höstkonferensen 2005 förläggs till Strömstad.', null, null, false],
      [5, 'Agneta Frisk får i uppdrag att boka konferenslokal senast 1 februari.', 'Agneta Frisk', '2005-02-01', false],
      [6, 'att anta yttrandet enligt bilaga 2.', null, null, false],
      [7, 'Informationen noteras.', null, null, false],
    ],
    noise: [
      [2, '1(3)'],
      [26, 'Justerandes signatur'],
      [27, '____________________'],
      [29, 'Kommundirektörsföreningen i Västra Götaland – Styrelsens protokoll 2004-11-19'],
      [30, '2(3)'],
      [47, 'Justerandes signatur'],
      [48, '____________________'],
      [50, 'Kommundirektörsföreningen i Västra Götaland – Styrelsens protokoll 2004-11-19'],
      [51, '3(3)'],
      [60, '____________________'],
      [64, '____________________          ____________________'],
    ],
  },
  {
    file: '09-flattened.txt',
    about: 'the meeting of 01 as a PDF converter flattens it: labels and entries run together on one line per block',
    head: SJUHARAD_HEAD,
    present: SJUHARAD_PRESENT,
    items: SJUHARAD_ITEMS,
    decisions: SJUHARAD_DECISIONS,
  },
  {
    file: '10-danish.txt',
    about: 'Danish: Referat, Dato/Tid/Sted, Deltagere, (formand), (ref.), "X for Y", Afbud, Fraværende, "besluttede at", Ansvarlig:',
    head: {
      header: 'Referat fra møde i Øresundsnetværket for kommunaldirektører',
      kind: 'anteckningar',
      date: '2017-06-07',
      time: '10:00-13:00',
      timeStart: null,
      place: 'Malmö rådhus, Malmö',
      chair: 'Anders Holmberg',
      secretary: 'Mette Sjöberg',
    },
    present: [
      ['Anders Holmberg', 'Malmö', null],
      ['Lotta Kjellin', 'Helsingborg', null],
      ['Karin Holm', 'København', null],
      ['Peter Lund', 'Helsingør', null],
      ['Birgitte Dahl', 'Frederiksberg', null],
      ['Nils Ekman', 'Region Skåne', null],
      ['Mette Sjöberg', null, null],
    ],
    substitutes: [['Erik Ström', 'Henrik Falk']],
    regrets: [
      ['Ulla Strand', 'Lund'],
      ['Sören Berg', 'Gentofte'],
    ],
    absent: [['Jonas Ek', 'Hillerød']],
    items: [
      [1, '1', 'Velkomst'],
      [2, '2', 'Trafikaftale for Øresundstog'],
      [3, '3', 'Fælles arbejdsmarked'],
      [4, '4', 'Næste møde'],
    ],
    decisions: [
      [2, 'Orienteringen tages til efterretning.', null, null, false],
      [3, 'at nedsætte en arbejdsgruppe om pendlerstatistik.', 'Karin Holm', null, false],
    ],
  },
  {
    file: '10-norwegian.txt',
    about:
      'Norwegian: Møtereferat, Dato 24.10.2012, Deltakere with the absent included, Forfall and Ikke til stede winning, leder, referent, Sak nr. 62/12, Vedtak:, Ansvarlig:',
    head: {
      header: 'Møtereferat – rådmannsgruppen i grenseregionen Østfold–Bohuslän',
      kind: 'anteckningar',
      date: '2012-10-24',
      time: '10:00-14:00',
      timeStart: null,
      place: 'Rådhuset, Halden',
      chair: 'Tore Bergman',
      secretary: 'Elin Moberg',
    },
    present: [
      ['Tore Bergman', 'Halden', null],
      ['Kari Holmen', 'Fredrikstad', null],
      ['Lars Wiklund', 'Strömstad', null],
      ['Anna Sandberg', 'Tanum', null],
      ['Elin Moberg', 'Grenserådet', null],
    ],
    // The municipality is written once for each person, in the Deltakere list.
    regrets: [['Gunnar Åslund', 'Sarpsborg']],
    absent: [['Ingrid Dahlberg', 'Aremark']],
    items: [
      [1, '62/12', 'Godkjenning av innkalling og saksliste'],
      [2, '63/12', 'Grensehinder i arbeidsmarkedet'],
      [3, '64/12', 'Felles næringslivsseminar 2013'],
      [4, '65/12', 'Neste møte'],
    ],
    decisions: [
      [1, 'Innkalling og saksliste godkjennes.', null, null, false],
      [2, 'Saken tas til orientering.', null, null, false],
      [3, 'Rådmannsgruppen arrangerer et felles næringslivsseminar i mars 2013.', 'Kari Holmen', null, false],
    ],
  },
];

describe('legacy notation families (tests/fixtures/legacy-families)', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.about}`, () => {
      const p = parseLegacy(readFileSync(path.join(DIR, c.file), 'utf8'), K);
      const pair = (list: NamedPerson[]) => list.map((x) => [x.name, where(x)]);
      expect.soft(head(p), 'head').toEqual(c.head);
      expect
        .soft(
          p.present.map((x) => [x.name, where(x), part(x, p.items)]),
          'present',
        )
        .toEqual(c.present);
      expect.soft(pair(p.regrets), 'regrets').toEqual(c.regrets ?? []);
      expect.soft(pair(p.absent), 'absent').toEqual(c.absent ?? []);
      expect.soft(pair(p.remote), 'remote').toEqual(c.remote ?? []);
      expect
        .soft(
          p.substitutes.map((s) => [s.name, s.for]),
          'substitutes',
        )
        .toEqual(c.substitutes ?? []);
      expect
        .soft(
          p.guests.map((g) => [g.name, g.organisation ?? null, g.role ?? null]),
          'guests',
        )
        .toEqual(c.guests ?? []);
      expect
        .soft(
          p.items.map((it) => [it.no, sourceNo(it), it.title]),
          'items',
        )
        .toEqual(c.items);
      expect
        .soft(
          p.items.flatMap((it) => it.decisions.map((d) => [it.no, d.text, d.owner ?? null, d.due ?? null, d.dueNextMeeting ?? false])),
          'decisions',
        )
        .toEqual(c.decisions);
      expect
        .soft(
          p.noise.map((n) => [n.line, n.text]),
          'noise',
        )
        .toEqual(c.noise ?? []);
      expect
        .soft(
          p.notUnderstood.map((n) => [n.line, n.text]),
          'notUnderstood',
        )
        .toEqual(c.notUnderstood ?? []);
      if (c.details) {
        expect
          .soft(
            p.present.map((x) => [
              x.name,
              x.municipality ?? null,
              x.organisation ?? null,
              x.role ?? null,
              x.party ?? null,
              x.acting ?? false,
              x.surnameOnly ?? false,
            ]),
            'details',
          )
          .toEqual(c.details);
      }
    });
  }
});

/** Family 1 in small: the other ways of writing the date, the time and the place. */
const HEADERS: { text: string; expected: Partial<Head> & Pick<Head, 'date'> }[] = [
  {
    text: 'Protokoll\n\nDag: 110314\nTid: 09:00-12:15\nPlats: Hylte kommunhus\n',
    expected: { kind: 'protokoll', date: '2011-03-14', time: '09:00-12:15', timeStart: null, place: 'Hylte kommunhus' },
  },
  {
    text: 'Minnesanteckningar\n\nDatum 14/3 2011\nTid 9.00 12.15\nPlats Stadshuset, Halmstad\n',
    expected: { kind: 'anteckningar', date: '2011-03-14', time: '09:00-12:15', timeStart: null, place: 'Stadshuset, Halmstad' },
  },
  {
    text: 'Anteckningar från kommunchefsträffen i Halland\n\nDatum:\n14 mars 2011\nTid:\nkl 13\nPlats:\nHylte kommunhus\n',
    expected: { kind: 'anteckningar', date: '2011-03-14', time: null, timeStart: '13:00', place: 'Hylte kommunhus' },
  },
  {
    text: 'Protokoll\n\nTid och plats: 2011-03-14 kl. 9.00–12.15, Kommunhuset, Hylte\n',
    expected: { kind: 'protokoll', date: '2011-03-14', time: '09:00-12:15', place: 'Kommunhuset, Hylte' },
  },
  {
    text: 'Protokoll\n\nPlats och tid: Kommunhuset, Hylte, 14 mars 2011, kl. 9.00–12.15\n',
    expected: { kind: 'protokoll', date: '2011-03-14', time: '09:00-12:15', place: 'Kommunhuset, Hylte' },
  },
  {
    text: 'Sammanträdesprotokoll\n\nBorås 2 april 2011\n\nMötesdatum: måndagen den 14 mars 2011\nTid: kl 9.00-12.15\n',
    expected: { kind: 'protokoll', date: '2011-03-14', time: '09:00-12:15', place: null },
  },
];

describe('header variants (family 1 in small)', () => {
  for (const h of HEADERS) {
    it(JSON.stringify(h.text.split('\n').filter(Boolean).slice(1).join(' | ')), () => {
      const got = head(parseLegacy(h.text, K));
      const picked = Object.fromEntries(Object.keys(h.expected).map((key) => [key, got[key as keyof Head]]));
      expect(picked).toEqual(h.expected);
    });
  }

  it('Sak 62/12: the source number keeps its year', () => {
    const p = parseLegacy(
      'Protokoll\n\nSak 62/12 Budget 2013\nKort information om läget.\n\nSak 63/12 Nästa möte\nNästa möte hålls i maj.\n',
      K,
    );
    expect(p.items.map((it) => [it.no, sourceNo(it), it.title])).toEqual([
      [1, '62/12', 'Budget 2013'],
      [2, '63/12', 'Nästa möte'],
    ]);
  });
});
