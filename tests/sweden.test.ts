import { describe, expect, it } from 'vitest';
import {
  CITY_MUNICIPALITIES,
  isOrganisation,
  leadingMunicipality,
  MUNICIPALITIES,
  municipalityIn,
  ORGANISATION_WORDS,
  REGIONS,
} from '../src/import/sweden.js';

const swedish = new Intl.Collator('sv').compare;

describe('the municipality list', () => {
  it('has exactly 290 unique names', () => {
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(new Set(MUNICIPALITIES).size).toBe(290);
  });

  it('is in Swedish alphabetical order, Å Ä Ö after Z', () => {
    expect([...MUNICIPALITIES].sort(swedish)).toEqual(MUNICIPALITIES);
    expect(MUNICIPALITIES[0]).toBe('Ale');
    expect(MUNICIPALITIES.indexOf('Ystad')).toBeLessThan(MUNICIPALITIES.indexOf('Åmål'));
    expect(MUNICIPALITIES.at(-1)).toBe('Övertorneå');
  });

  it('names municipalities all over the country, with their exact spelling', () => {
    for (const m of [
      'Knivsta',
      'Nykvarn',
      'Lekeberg',
      'Gotland',
      'Malung-Sälen',
      'Dals-Ed',
      'Upplands-Bro',
      'Upplands Väsby',
      'Östra Göinge',
      'Lilla Edet',
      'Sollefteå',
      'Övertorneå',
      'Älvdalen',
      'Åre',
      'Haparanda',
      'Pajala',
      'Stockholm',
      'Göteborg',
      'Malmö',
      'Kiruna',
      'Habo',
      'Håbo',
      'Hylte',
      'Vännäs',
      'Härjedalen',
    ]) {
      expect(MUNICIPALITIES, m).toContain(m);
    }
  });

  it('holds short names only, without "kommun", "stad" or obsolete names', () => {
    for (const m of MUNICIPALITIES) expect(m).not.toMatch(/\s(kommun|stad)$/i);
    for (const gone of ['Malung', 'Upplands Bro', 'Dals Ed', 'Visby', 'Region Gotland']) expect(MUNICIPALITIES).not.toContain(gone);
  });

  it('lists the 14 municipalities that call themselves stad, all among the 290', () => {
    expect(CITY_MUNICIPALITIES).toHaveLength(14);
    for (const c of CITY_MUNICIPALITIES) expect(MUNICIPALITIES).toContain(c);
    for (const c of ['Stockholm', 'Göteborg', 'Malmö', 'Solna', 'Lidingö', 'Vaxholm', 'Sundbyberg', 'Västerås']) {
      expect(CITY_MUNICIPALITIES).toContain(c);
    }
  });

  it('lists the 21 regions', () => {
    expect(REGIONS).toHaveLength(21);
    expect(new Set(REGIONS).size).toBe(21);
    for (const r of ['Region Skåne', 'Region Halland', 'Västra Götalandsregionen', 'Region Stockholm', 'Region Jämtland Härjedalen']) {
      expect(REGIONS).toContain(r);
    }
  });

  it('keeps organisation words in lower case', () => {
    for (const w of ORGANISATION_WORDS) expect(w).toBe(w.toLowerCase());
    expect(ORGANISATION_WORDS).not.toContain('kommun');
  });
});

describe('municipalityIn', () => {
  it.each([
    ['Hylte', 'Hylte'],
    ['Hylte kommun', 'Hylte'],
    ['Hyltes kommun', 'Hylte'],
    ['Göteborgs Stad', 'Göteborg'],
    ['Stockholms stad', 'Stockholm'],
    ['Upplands Väsby kommun', 'Upplands Väsby'],
    ['Upplands-Väsby', 'Upplands Väsby'],
    ['MALUNG-SÄLEN', 'Malung-Sälen'],
    ['malung sälen', 'Malung-Sälen'],
    ['Vännäs', 'Vännäs'],
    ['Vännäs kommun', 'Vännäs'],
    ['Borås stad', 'Borås'],
    ['Västerås', 'Västerås'],
    ['Hylte kommun.', 'Hylte'],
    ['Hylte kommun,', 'Hylte'],
    ['Ostra Goinge', 'Östra Göinge'],
    ['Östra Göinges kommun', 'Östra Göinge'],
    ['Dals-Eds kommun', 'Dals-Ed'],
    ['Upplands Bro', 'Upplands-Bro'],
    ['Hagfors kommun', 'Hagfors'],
    ['Mönsterås', 'Mönsterås'],
    ['Ljusdals kommun', 'Ljusdal'],
    ['Habo', 'Habo'],
    ['Håbo kommun', 'Håbo'],
    ['Region Gotland', 'Gotland'],
  ])('%s → %s', (text, expected) => {
    expect(municipalityIn(text)).toBe(expected);
  });

  it.each([['Maja Ek'], ['Region Halland'], ['Maja Berg'], ['Stockholms län'], ['Kommunförbundet Skåne'], [''], ['kommun']])(
    '%s → undefined',
    (text) => {
      expect(municipalityIn(text)).toBeUndefined();
    },
  );
});

describe('isOrganisation', () => {
  it.each([
    ['Region Halland'],
    ['Västra Götalandsregionen'],
    ['Kommunförbundet Skåne'],
    ['GR'],
    ['SKR'],
    ['SKR:s'],
    ['FBK'],
    ['Länsstyrelsen i Skåne'],
    ['Trafikverket'],
    ['sekretariatet'],
    ['Regionen'],
    ['Sveriges Kommuner och Regioner'],
    ['Socialnämnden'],
    ['Lunds universitet'],
    ['Polisen'],
    ['Arbetsförmedlingen'],
    ['Försäkringskassan'],
    ['Räddningstjänsten Syd'],
    ['Sjuhärads samordningsförbund'],
    ['Kommunernes Landsforening'],
    ['Aarhus Kommune'],
    ['Region Jämtland Härjedalen'],
  ])('%s is an organisation', (text) => {
    expect(isOrganisation(text)).toBe(true);
  });

  it.each([
    ['Maja Ek'],
    ['Hylte'],
    ['Hylte kommun'],
    ['Göteborgs Stad'],
    ['Konrad Berg'],
    ['Alan Lindqvist'],
    ['Åsa Öberg'],
    ['Ås Lind'],
    ['Nora Ek'],
    ['Ek'],
    [''],
  ])('%s is not an organisation', (text) => {
    expect(isOrganisation(text)).toBe(false);
  });
});

describe('leadingMunicipality', () => {
  it.each([
    ['Upplands Väsby Maja Ek', 'Upplands Väsby', 'Maja Ek'],
    ['Hylte: Ek/Lind', 'Hylte', 'Ek/Lind'],
    ['Östra Göinge Olle Lind', 'Östra Göinge', 'Olle Lind'],
    ['Östra Göinge: Ek/Lind', 'Östra Göinge', 'Ek/Lind'],
    ['Hylte kommun, Maja Ek', 'Hylte', 'Maja Ek'],
    ['Upplands-Bro Olle Lind', 'Upplands-Bro', 'Olle Lind'],
    ['Nora: Lind', 'Nora', 'Lind'],
  ])('%s → %s + %s', (text, municipality, rest) => {
    expect(leadingMunicipality(text)).toEqual({ municipality, rest });
  });

  it.each([['Maja Ek'], ['Hylte'], ['Hylte kommun'], ['Nora Lind'], ['Mark Olsson'], ['Lunds universitet'], ['']])(
    '%s → undefined',
    (text) => {
      expect(leadingMunicipality(text)).toBeUndefined();
    },
  );
});
