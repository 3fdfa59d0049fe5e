import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Body, itemContent, parsedItems, plainItems } from '../src/archive/body.js';
import type { Section } from '../src/archive/outline.js';

/**
 * An item's text is read without remark when the body is only headings and
 * paragraphs of words (src/archive/body.ts): that reading must be remark's
 * wherever it is taken, and must not be taken where a line could be more.
 */

const BODY_LINE = 12;

/** A body of `## N.` sections and the sections kd's outline finds in it. */
function bodyOf(lines: string[]): { body: Body; sections: Section[] } {
  const sections: Section[] = [];
  lines.forEach((line, i) => {
    const m = /^## (\d+)\. (.*)$/.exec(line);
    if (m) sections.push({ no: Number(m[1]), title: m[2]!, heading: line, line: BODY_LINE + i, column: 1 });
  });
  return { body: { body: lines.join('\n'), bodyLine: BODY_LINE }, sections };
}

describe('an item’s text read without remark', () => {
  it('is remark’s reading of a body of paragraphs', () => {
    const { body, sections } = bodyOf([
      '# Protokoll 3/2026',
      'Inledande rad som inte hör till någon punkt.',
      '## 1. Öppnande',
      'Ordföranden öppnade mötet kl. 10:30.',
      'Raden fortsätter stycket: 2026 års plan.',
      '',
      '',
      'Ett andra stycke – med tankstreck, "citat" och (parentes)!',
      '## 2. Ärende',
      '## 3. Ekonomi',
      '',
      'Åtta miljoner = 8 000 000 kr; 1.5 är inte en lista men 1,5 är ord.',
    ]);
    const plain = plainItems(body, sections);
    expect(plain).toEqual(parsedItems(body, sections));
    expect(plain?.get(1)).toEqual([
      {
        type: 'paragraph',
        children: [{ type: 'text', value: 'Ordföranden öppnade mötet kl. 10:30.\nRaden fortsätter stycket: 2026 års plan.' }],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'Ett andra stycke – med tankstreck, "citat" och (parentes)!' }] },
    ]);
    expect(plain?.has(2)).toBe(false);
  });

  it.each([
    ['a list', '- punkt'],
    ['a numbered list', '3. punkt'],
    ['a numbered list with a parenthesis', '3) punkt'],
    ['emphasis', 'Detta är *viktigt*.'],
    ['strong text', 'Detta är __viktigt__.'],
    ['a link', 'Se [bilagan](bilaga.pdf).'],
    ['an autolink', 'Se https://exempel.se för mer.'],
    ['a web address', 'Se www.exempel.se.'],
    ['an e-mail address', 'Skriv till kansli@exempel.se.'],
    ['HTML', 'Text <b>fet</b>.'],
    ['an entity', 'Text &amp; mer.'],
    ['a table', 'A | B'],
    ['code', 'Kör `kd check`.'],
    ['a hard break', 'Rad med två mellanslag  '],
    ['a hard break by backslash', 'Rad med snedstreck\\'],
    ['an indented line', '    kod'],
    ['a setext underline', 'Rubrik\n==='],
    ['a thematic break', '---'],
    ['a tab', 'Text\tmed tabb'],
    ['strikethrough', 'Text ~~struken~~.'],
    ['a heading inside an item', '### Underrubrik'],
    ['a carriage return', 'Rad\r'],
  ])('leaves a body with %s to remark', (_, text) => {
    const { body, sections } = bodyOf(['## 1. Punkt', '', ...text.split('\n')]);
    expect(plainItems(body, sections)).toBeUndefined();
    expect(itemContent(body, sections)).toEqual(parsedItems(body, sections));
  });

  it('agrees with remark on generated bodies wherever it reads one', () => {
    // Mostly words, now and then a character that may be markup: bodies the fast reading takes, and the near misses.
    const word = fc.constantFrom(
      'ord',
      'Åsa',
      'ärende',
      'öppnas',
      '2026',
      '10:30',
      'ja,',
      'slut.',
      'nej!',
      'var?',
      '–',
      '"citat"',
      "'så'",
      '(så)',
      'kl.',
      'a-b',
      'x:',
    );
    const opening = fc.constantFrom('Ord', 'Åsa', 'Ärende', 'öppnas', '2026', 'Beslut:');
    const mark = fc.constantFrom(
      '*ord*',
      '**ord**',
      '_ord_',
      '__ord__',
      '`kod`',
      '[l](u)',
      '[x]',
      '![b](u)',
      '<b>',
      '<https://a.se>',
      '&amp;',
      '&#35;',
      'a|b',
      '~~ord~~',
      '~ord~',
      '\\*',
      '\\',
      'e@post.se',
      'www.a.se',
      'https://a.se',
      'http://a.se',
      'HTTP://A.SE',
      '  ',
      '\t',
      '\u00a0',
      '1.',
      '3)',
      '#',
      '=',
      '+',
      '---',
      '===',
      '- ',
      '> ',
    );
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(opening, fc.array(word, { maxLength: 10 })).map(([o, w]) => [o, ...w].join(' ')) },
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 2, arbitrary: fc.nat({ max: 9 }).map((n) => `## ${n + 1}. Punkt`) },
      { weight: 1, arbitrary: fc.constantFrom('# Titel', '---', '===', '- lista', '    kod', '```', '> citat', '| a | b |') },
    );
    // A body of lines, and in most runs one piece of markup put somewhere in it.
    const body = fc
      .tuple(fc.array(line, { maxLength: 14 }), fc.option(mark, { freq: 4 }), fc.nat(), fc.nat())
      .map(([lines, m, at, col]) => {
        if (m === null || lines.length === 0) return lines;
        const i = at % lines.length;
        const c = col % (lines[i]!.length + 1);
        return lines.with(i, lines[i]!.slice(0, c) + m + lines[i]!.slice(c));
      });
    let read = 0;
    const runs = Number(process.env.FUZZ_RUNS ?? 3000);
    fc.assert(
      fc.property(body, (lines) => {
        const { body, sections } = bodyOf(lines);
        const plain = plainItems(body, sections);
        if (plain === undefined) return;
        read++;
        expect(plain).toEqual(parsedItems(body, sections));
      }),
      { numRuns: runs, seed: 11 },
    );
    // The property is only worth something where the fast reading was taken.
    expect(read).toBeGreaterThan(runs / 5);
  });
});
