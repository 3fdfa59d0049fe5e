import { describe, expect, it } from 'vitest';
import {
  foldName,
  type Match,
  matchMunicipality,
  matchNetwork,
  matchOwner,
  matchPerson,
  municipalityVariants,
  nameKey,
} from '../src/core/names.js';

/**
 * One definition of "the same name" (core/names), run as tables: what a user
 * types → what it resolves to, or the error with exactly the suggestions the
 * user will see.
 */

const one = (value: string): Match<string> => ({ value });
const near = (...names: string[]): Match<string> => ({ near: names });
const ambiguous = (...values: string[]): Match<string> => ({ ambiguous: values });

describe('folding', () => {
  it.each([
    ['Upplands-Väsby', false, 'upplands väsby'],
    ['  UPPLANDS   VÄSBY ', false, 'upplands väsby'],
    ['Malung–Sälen', false, 'malung sälen'],
    ['Älmhult', false, 'älmhult'],
    ['Älmhult', true, 'almhult'],
    ['Herman Crespín', true, 'herman crespin'],
    ['Øjvind Ærø', true, 'ojvind aero'],
    ['Åsa Öberg', false, 'åsa öberg'],
  ] as const)('foldName(%j, loose %j) → %j', (text, loose, folded) => {
    expect(foldName(text, loose)).toBe(folded);
  });

  it('compares names without the spaces and hyphens between words', () => {
    expect(nameKey('Upplands Väsby')).toBe(nameKey('Upplands-Väsby'));
    expect(nameKey('UpplandsVäsby')).toBe(nameKey('upplands väsby'));
    // Å, ä and ö are letters of their own: only the loose key drops them.
    expect(nameKey('Håbo')).not.toBe(nameKey('Habo'));
    expect(nameKey('Håbo', true)).toBe(nameKey('Habo', true));
  });

  it.each([
    ['Nyköping', ['Nyköping']],
    ['Nyköpings', ['Nyköpings', 'Nyköping']],
    ['Nyköpings kommun', ['Nyköpings kommun', 'Nyköpings', 'Nyköping']],
    ['Nyköpings kommuns', ['Nyköpings kommuns', 'Nyköpings', 'Nyköping']],
    ['Stockholms stad', ['Stockholms stad', 'Stockholms', 'Stockholm']],
    ['Borås stads', ['Borås stads', 'Borås', 'Borå']],
    ['Hylte kommun', ['Hylte kommun', 'Hylte']],
    ['kommun', ['kommun']],
  ])('reads %j as %j, surest first', (text, variants) => {
    expect(municipalityVariants(text)).toEqual(variants);
  });
});

describe('municipalities, against kd.yml', () => {
  const KD_YML = [
    'Bollnäs',
    'Borås',
    'Gotland',
    'Habo',
    'Hällefors',
    'Håbo',
    'Malung-Sälen',
    'Nyköping',
    'Ockelbo',
    'Stockholm',
    'Upplands Väsby',
    'Vännäs',
    'Älmhult',
    'Östra Göinge',
  ];

  it.each<[string, Match<string>]>([
    // Case, spaces and "kommun"/"stad", with or without the genitive.
    ['Nyköping', one('Nyköping')],
    ['nyköping', one('Nyköping')],
    ['NYKÖPING', one('Nyköping')],
    ['  Nyköping  ', one('Nyköping')],
    ['Nyköpings kommun', one('Nyköping')],
    ['nyköpings KOMMUN', one('Nyköping')],
    ['Nyköpings kommuns', one('Nyköping')],
    ['Nyköpings', one('Nyköping')],
    ['Nyköping kommun', one('Nyköping')],
    ['Stockholms stad', one('Stockholm')],
    ['Stockholms stads', one('Stockholm')],
    ['Östra Göinges kommun', one('Östra Göinge')],
    ['östra  göinge', one('Östra Göinge')],
    ['Upplands-Väsby', one('Upplands Väsby')],
    ['upplandsväsby kommun', one('Upplands Väsby')],
    // Names that end in s keep it: the name as written is tried before the genitive.
    ['Borås', one('Borås')],
    ['Borås stad', one('Borås')],
    ['Borås stads', one('Borås')],
    ['Hällefors', one('Hällefors')],
    ['Hällefors kommun', one('Hällefors')],
    ['Hällefors kommuns', one('Hällefors')],
    ['Bollnäs', one('Bollnäs')],
    ['Bollnäs kommun', one('Bollnäs')],
    ['Vännäs', one('Vännäs')],
    // Å, ä, ö are letters: Habo and Håbo are two municipalities, each found as written.
    ['Habo', one('Habo')],
    ['Håbo', one('Håbo')],
    ['HÅBO KOMMUN', one('Håbo')],
    ['Habos kommun', one('Habo')],
    ['Håbos kommun', one('Håbo')],
    // Without the dots and rings only as a fallback, and never a guess between two.
    ['almhult', one('Älmhult')],
    ['Almhults kommun', one('Älmhult')],
    ['ALMHULT', one('Älmhult')],
    ['Boras stad', one('Borås')],
    ['Hallefors', one('Hällefors')],
    ['Ostra Goinge', one('Östra Göinge')],
    ['Öckelbo', one('Ockelbo')],
    ['Häbo', ambiguous('Habo', 'Håbo')],
    // Region Gotland is the municipality's own name; Malung its former one. No other "Region" is dropped.
    ['Region Gotland', one('Gotland')],
    ['Gotlands kommun', one('Gotland')],
    ['Malung', one('Malung-Sälen')],
    ['Region Stockholm', near()],
    // Unknown: the nearest names, by what the name is without "kommun".
    ['Nyköpingg', near('Nyköping')],
    ['Nyköpingg kommun', near('Nyköping')],
    ['Nyköpinggs kommun', near('Nyköping')],
    ['Ockelb', near('Ockelbo')],
    ['Malmö', near()],
    ['kommun', near()],
    ['', near()],
  ])('%j → %j', (text, expected) => {
    expect(matchMunicipality(text, KD_YML)).toEqual(expected);
  });

  it('tells Ockelbo from Öckelbo when both are listed, and falls back only when one is missing', () => {
    const both = ['Ockelbo', 'Öckelbo'];
    expect(matchMunicipality('Öckelbo', both)).toEqual(one('Öckelbo'));
    expect(matchMunicipality('ockelbo', both)).toEqual(one('Ockelbo'));
    expect(matchMunicipality('Öckelbos kommun', both)).toEqual(one('Öckelbo'));
    expect(matchMunicipality('Ôckelbo', both)).toEqual(ambiguous('Ockelbo', 'Öckelbo'));
    expect(matchMunicipality('Ockelbo', ['Öckelbo'])).toEqual(one('Öckelbo'));
  });

  it('answers with the archive’s spelling, whatever was typed', () => {
    expect(matchMunicipality('almhult', ['Älmhult'])).toEqual(one('Älmhult'));
    expect(matchMunicipality('göteborgs stad', ['Göteborgs Stad'])).toEqual(one('Göteborgs Stad'));
  });
});

describe('people, against people.yml', () => {
  const PEOPLE = {
    'goran-akerlund': { name: 'Göran Åkerlund' },
    'anna-karin-berg': { name: 'Anna-Karin Berg' },
    'herman-crespin': { name: 'Herman Crespín', aliases: ['H. Crespin'] },
    'anna-ek': { name: 'Anna Ek' },
    'anna-ek-2': { name: 'Anna Ek' },
    'asa-oberg': { name: 'Åsa Öberg' },
    'asa-oberg-2': { name: 'Asa Oberg' },
  };

  it.each<[string, Match<string>]>([
    // The id, in any case.
    ['goran-akerlund', one('goran-akerlund')],
    ['GORAN-AKERLUND', one('goran-akerlund')],
    // The name, first name first or last, with or without a comma.
    ['Göran Åkerlund', one('goran-akerlund')],
    ['göran åkerlund', one('goran-akerlund')],
    ['  Göran   Åkerlund ', one('goran-akerlund')],
    ['Åkerlund, Göran', one('goran-akerlund')],
    ['Åkerlund Göran', one('goran-akerlund')],
    ['Goran Akerlund', one('goran-akerlund')],
    ['Akerlund, Goran', one('goran-akerlund')],
    ['Anna-Karin Berg', one('anna-karin-berg')],
    ['Anna Karin Berg', one('anna-karin-berg')],
    ['Berg, Anna-Karin', one('anna-karin-berg')],
    // Aliases count as names; diacritics matter only when nothing matches with them.
    ['Herman Crespín', one('herman-crespin')],
    ['Herman Crespin', one('herman-crespin')],
    ['Crespin, H.', one('herman-crespin')],
    ['Åsa Öberg', one('asa-oberg')],
    ['Asa Oberg', one('asa-oberg-2')],
    ['Öberg, Åsa', one('asa-oberg')],
    ['Asa Öberg', ambiguous('asa-oberg', 'asa-oberg-2')],
    // Two people of one name: only the id tells them apart.
    ['Anna Ek', ambiguous('anna-ek', 'anna-ek-2')],
    ['Ek, Anna', ambiguous('anna-ek', 'anna-ek-2')],
    ['anna-ek', one('anna-ek')],
    ['anna-ek-2', one('anna-ek-2')],
    // Unknown: the nearest id or name, in the form it was typed.
    ['goran-akerlnd', near('goran-akerlund')],
    ['Göran Åkerlnd', near('Göran Åkerlund')],
    ['Göran', near()],
    ['constructor', near()],
  ])('%j → %j', (text, expected) => {
    expect(matchPerson(text, PEOPLE)).toEqual(expected);
  });
});

describe('networks, against network.yml', () => {
  const NETWORKS = [
    { id: 'kd-gruppen', name: 'Kommundirektörsgruppen', short: 'KD-gruppen' },
    { id: 'digital', name: 'Nätverket för digitalisering', short: 'Digitaliseringsnätverket' },
    { id: 'kompetens', name: 'Strategiskt nätverk för kompetensförsörjning' },
  ];

  it.each<[string, Match<string>]>([
    ['kd-gruppen', one('kd-gruppen')],
    ['KD-gruppen', one('kd-gruppen')],
    ['Kommundirektörsgruppen', one('kd-gruppen')],
    ['kommundirektorsgruppen', one('kd-gruppen')],
    ['digital', one('digital')],
    ['Nätverket för digitalisering', one('digital')],
    ['natverket for digitalisering', one('digital')],
    ['Digitaliseringsnätverket', one('digital')],
    ['strategiskt nätverk för kompetensförsörjning', one('kompetens')],
    ['kompetns', near('kompetens')],
    ['digitl', near('digital')],
    ['Kommundirektörsgrupen', near('Kommundirektörsgruppen')],
    ['kd', near()],
  ])('%j → %j', (text, expected) => {
    expect(matchNetwork(text, NETWORKS)).toEqual(expected);
  });
});

describe('owners: a person, or a label of kd.yml', () => {
  const PEOPLE = { 'goran-akerlund': { name: 'Göran Åkerlund' }, 'siv-sekr': { name: 'Siv Sekr' } };
  const LABELS = ['sekretariatet', 'styrgruppen'];

  it.each<[string, Match<string>]>([
    ['sekretariatet', one('sekretariatet')],
    ['Sekretariatet', one('sekretariatet')],
    ['STYRGRUPPEN', one('styrgruppen')],
    ['goran-akerlund', one('goran-akerlund')],
    ['Göran Åkerlund', one('goran-akerlund')],
    ['Åkerlund, Göran', one('goran-akerlund')],
    ['siv sekr', one('siv-sekr')],
    ['sekretaritet', near('sekretariatet')],
    ['styrgrupen', near('styrgruppen')],
    ['kansliet', near()],
  ])('%j → %j', (text, expected) => {
    expect(matchOwner(text, PEOPLE, LABELS)).toEqual(expected);
  });
});
