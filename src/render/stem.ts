/**
 * Swedish words for the site's search: cutting a text into words, the
 * Snowball Swedish stemmer, and folding å, ä, ö and other marked letters
 * to their plain letter.
 *
 * Everything lives in the body of `swedish()` because the search's client
 * script carries this very function to the browser (search.ts writes
 * `(${swedish})()` into it): the index is built and the query is read by
 * the same lines, so a word can never be cut one way in kd and another way
 * in the browser. The function may therefore use nothing from outside its
 * body but the language's built-ins; the tests run its text alone in an
 * empty context to hold it to that.
 */
export function swedish() {
  const VOWELS = 'aeiouyäåö';
  /** The letters after which a final s is an ending. */
  const S_ENDING = 'bcdfghjklmnoprtvy';
  /** The letters after which -öst becomes -ös (grandiöst → grandiös). */
  const OST_ENDING = 'iklnprtuv';
  /** Step 1's suffixes, longest first, so the first that fits in R1 is the longest. */
  const MAIN = [
    'heterna',
    'hetens',
    'anden',
    'andes',
    'andet',
    'arens',
    'arnas',
    'ernas',
    'heten',
    'heter',
    'ornas',
    'ades',
    'ande',
    'aren',
    'arna',
    'arne',
    'aste',
    'erna',
    'erns',
    'orna',
    'ade',
    'are',
    'ast',
    'ens',
    'ern',
    'het',
    'ad',
    'ar',
    'as',
    'at',
    'en',
    'er',
    'es',
    'et',
    'or',
    'a',
    'e',
    's',
  ];
  /** Words in -et whose -et is part of the stem: frihet, societet, alfabet, paket, staket … */
  const ET_KEPT = [
    'h',
    'iet',
    'uit',
    'fab',
    'cit',
    'dit',
    'alit',
    'ilit',
    'mit',
    'nit',
    'pit',
    'rit',
    'sit',
    'tit',
    'ivit',
    'kvit',
    'xit',
    'kom',
    'rak',
    'pak',
    'stak',
  ];
  const FOLDED: Record<string, string> = { ø: 'o', œ: 'oe', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd', þ: 'th' };
  const PAIRS = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];
  const OTHER = ['fullt', 'els', 'lig', 'öst', 'ig'];
  /** Longer than this is no word but a pasted link or a code; such a run is not indexed. */
  const MAX_TOKEN = 64;

  function isVowel(c: string | undefined): boolean {
    return c !== undefined && VOWELS.includes(c);
  }

  /** Where R1 begins: after the first non-vowel that follows a vowel, but no earlier than the fourth letter. */
  function r1(w: string): number {
    if (w.length < 3) return w.length;
    let i = 0;
    while (i < w.length && !isVowel(w[i])) i++;
    while (i < w.length && isVowel(w[i])) i++;
    if (i >= w.length) return w.length;
    return Math.max(i + 1, 3);
  }

  /** -et (and -ets) is an ending after a consonant after a vowel, with a letter before that, unless the word is one of ET_KEPT's. */
  function etIsEnding(w: string, at: number): boolean {
    if (at < 3 || isVowel(w[at - 1]) || !isVowel(w[at - 2])) return false;
    const before = w.slice(0, at);
    return !ET_KEPT.some((kept) => before.endsWith(kept));
  }

  /**
   * The Snowball Swedish stemmer (snowballstem.org, the algorithm as of
   * Snowball 3: with the -et and -öst rules). Expects a lowercased word.
   */
  function stem(word: string): string {
    // The algorithm counts letters; a letter outside the BMP would be two. No Swedish word has one.
    if (/[\ud800-\udfff]/.test(word)) return word;
    let w = word;
    const p1 = r1(w);
    const inR1 = (suffix: string) => w.endsWith(suffix) && w.length - suffix.length >= p1;

    const main = MAIN.find(inR1);
    if (main === 's') {
      // -ets goes when -et is an ending (the -et itself may lie before R1); else the s goes after a valid s-ending.
      if (w.endsWith('ets') && etIsEnding(w, w.length - 3)) w = w.slice(0, -3);
      else if (S_ENDING.includes(w.at(-2) ?? ' ')) w = w.slice(0, -1);
    } else if (main === 'et') {
      if (etIsEnding(w, w.length - 2)) w = w.slice(0, -2);
    } else if (main !== undefined) {
      w = w.slice(0, -main.length);
    }

    if (PAIRS.some(inR1)) w = w.slice(0, -1);

    const other = OTHER.find(inR1);
    if (other === 'fullt') w = w.slice(0, -1);
    else if (other === 'öst') {
      if (OST_ENDING.includes(w.at(-4) ?? ' ')) w = w.slice(0, -1);
    } else if (other !== undefined) w = w.slice(0, -other.length);
    return w;
  }

  /**
   * The words of a text, lowercased the Swedish way: runs of letters and
   * digits (å, ä, ö and é are letters; § and punctuation are not), so
   * "§ 3:1" gives "3" and "1". Composed first, so that an å typed as a and
   * a combining ring is the same word as å.
   */
  function tokens(text: string): string[] {
    const words =
      text
        .normalize('NFC')
        .toLocaleLowerCase('sv')
        .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    return words.filter((w) => w.length <= MAX_TOKEN);
  }

  /** A word without its marks: å, ä → a, ö → o, é → e, ü → u …, for a query typed without them. */
  function fold(word: string): string {
    return word
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[øœæßłđþ]/g, (c) => FOLDED[c] ?? c);
  }

  return { stem, tokens, fold };
}

export type Swedish = ReturnType<typeof swedish>;

const sv = swedish();
export const stem: Swedish['stem'] = sv.stem;
export const tokens: Swedish['tokens'] = sv.tokens;
export const fold: Swedish['fold'] = sv.fold;
