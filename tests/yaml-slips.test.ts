import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { SLIPS } from '../src/archive/slips.js';
import { checkArchive } from '../src/check/archive.js';
import { EXAMPLE_ARCHIVE, EXAMPLE_NETWORK, EXAMPLE_PROTOCOL } from '../src/core/examples.js';
import type { FileKind } from '../src/core/kinds.js';
import { formatMessage } from '../src/i18n/index.js';
import { processFile } from '../src/model/file.js';
import { made, REPO } from './helpers.js';

/**
 * The table of YAML slips, as a secretary makes them: each scenario is an
 * edit of a valid file of the rule examples' archive, the exact findings it
 * gives (where the slip is, in Swedish and in English), and the fix the
 * message asks for, done as the secretary would do it, after which kd check
 * finds nothing. Every scenario runs in-process; those marked `bin` run
 * through bin/kd.js too, as CI and the pre-commit hook run it.
 */

interface Expected {
  line: number;
  column: number;
  rule: 'yaml-syntax' | 'yaml-slip' | 'schema';
  key: string;
  sv: string;
  en: string;
}

interface Scenario {
  name: string;
  file: string;
  /** The slip: passages of the valid file replaced, each `[old, new]`. */
  edit: [string, string][];
  found: Expected[];
  /** What the message says to do, done to the edited file's text. */
  fix: (text: string) => string;
  bin?: boolean;
}

// The fixes, as the messages word them, on 1-based line numbers.
const onLine = (n: number, change: (line: string) => string) => (text: string) => {
  const lines = text.split('\n');
  lines[n - 1] = change(lines[n - 1]!);
  return lines.join('\n');
};
/** "Flytta raden N steg in/ut": positive is in (right). */
const move = (n: number, steps: number) =>
  onLine(n, (l) => (steps > 0 ? ' '.repeat(steps) + l : l.slice(-steps).startsWith(' ') || steps === 0 ? l.slice(-steps) : fail(l)));
/** "Sätt hela texten inom citattecken": the text after `key: ` or `- `, in the quotes the message names. */
const quote = (n: number, q: '"' | "'") =>
  onLine(n, (l) => {
    const at = /^(\s*(?:- )*(?:[a-z_]+: )?)(.*)$/.exec(l)!;
    const text = at[2]!;
    return `${at[1]}${q}${q === "'" ? text.replaceAll("'", "''") : text}${q}`;
  });
/** "Lägg ett mellanslag efter kolonet" (or after the dash): a space after the first `:` (or `-`). */
const spaceAfter = (n: number, mark: ':' | '-') => onLine(n, (l) => l.replace(mark, `${mark} `));
/** "Skriv ett kolon efter …": a colon after the key. */
const colonAfter = (n: number, key: string) => onLine(n, (l) => l.replace(`${key} `, `${key}: `));
/** "Sätt ett streck och mellanslag först på raden, rakt under strecken ovanför". */
const dashAt = (n: number, column: number) => onLine(n, (l) => `${' '.repeat(column - 1)}- ${l.trimStart()}`);
/** "Byt de typografiska citattecknen mot raka". */
const straighten = (n: number) => onLine(n, (l) => l.replace(/[”“„]/g, '"'));
/** "Byt det hårda mellanslaget mot ett vanligt", "Byt tabben mot mellanslag". */
const replaceAll = (n: number, from: string, to: string) => onLine(n, (l) => l.replaceAll(from, to));
/** "Sätt ett " sist i texten", "Sätt ] sist på raden". */
const append = (n: number, end: string) => onLine(n, (l) => l + end);
function fail(line: string): never {
  throw new Error(`cannot move ${JSON.stringify(line)} that far out`);
}

const P = EXAMPLE_PROTOCOL;
const N = EXAMPLE_NETWORK;
/** The example protocol's first decision ends its `due:` line; a second decision goes after it. */
const DUE = '        due: 2024-04-30';
const second = (line: string): [string, string] => [DUE, `${DUE}\n${line}`];

const scenarios: Scenario[] = [
  {
    name: 'a colon in a title: the title in double quotes',
    file: P,
    edit: [
      ['title: Gemensam upphandling', 'title: Upphandling: larm och bevakning'],
      ['## 1. Gemensam upphandling', '## 1. Upphandling: larm och bevakning'],
    ],
    found: [
      {
        line: 15,
        column: 23,
        rule: 'yaml-syntax',
        key: 'yaml.colon',
        sv: 'Oväntat kolon följt av mellanslag i texten ”Upphandling: larm och bevakning”, förväntade en text: YAML läser kolonet som början på en ny nyckel. Sätt hela texten inom raka citattecken, "…" (innehåller texten själv ", använd \'…\').',
        en: 'Unexpected colon followed by a space in the text "Upphandling: larm och bevakning", expected a text: YAML reads the colon as the start of a new key. Put the whole text inside straight quotes, "…" (if the text itself holds ", use \'…\').',
      },
    ],
    fix: quote(15, '"'),
    bin: true,
  },
  {
    name: 'a colon in a decision of its own: read as a key, not a decision',
    file: P,
    edit: [second('      - att anta planen. Bilaga: budget 2024')],
    found: [
      {
        line: 20,
        column: 32,
        rule: 'yaml-syntax',
        key: 'yaml.colon',
        sv: 'Oväntat kolon följt av mellanslag i texten ”att anta planen. Bilaga: budget 2024”, förväntade en text: YAML läser kolonet som början på en ny nyckel. Sätt hela texten inom raka citattecken, "…" (innehåller texten själv ", använd \'…\').',
        en: 'Unexpected colon followed by a space in the text "att anta planen. Bilaga: budget 2024", expected a text: YAML reads the colon as the start of a new key. Put the whole text inside straight quotes, "…" (if the text itself holds ", use \'…\').',
      },
    ],
    fix: quote(20, '"'),
  },
  {
    name: 'a colon in a text that holds a double quote: single quotes',
    file: N,
    edit: [['mission: Samordnar kommunernas gemensamma frågor.', 'mission: Samordnar "Mellanbygden 2030": planen för kommunerna.']],
    found: [
      {
        line: 2,
        column: 39,
        rule: 'yaml-syntax',
        key: 'yaml.colon',
        sv: "Oväntat kolon följt av mellanslag i texten ”Samordnar \"Mellanbygden 2030\": planen för kommunerna.”, förväntade en text: YAML läser kolonet som början på en ny nyckel. Sätt hela texten inom enkla raka citattecken, '…', eftersom den själv innehåller \" eller \\ (ett ' i texten skrivs då '').",
        en: 'Unexpected colon followed by a space in the text "Samordnar "Mellanbygden 2030": planen för kommunerna.", expected a text: YAML reads the colon as the start of a new key. Put the whole text inside straight single quotes, \'…\', since it holds " or \\ itself (a \' in the text is then written \'\').',
      },
    ],
    fix: quote(2, "'"),
  },
  {
    name: 'a text that starts with a quote and goes on after it: the whole text in quotes',
    file: P,
    edit: [second('      - "Handlingsplan 2024" antogs.')],
    found: [
      {
        line: 20,
        column: 9,
        rule: 'yaml-syntax',
        key: 'yaml.quote-rest',
        sv: "Oväntad text efter det avslutande citattecknet i ”\"Handlingsplan 2024\" antogs.”, förväntade att citattecknen omsluter hela texten. Sätt hela texten inom enkla raka citattecken, '…', eftersom den själv innehåller \" eller \\ (ett ' i texten skrivs då '').",
        en: 'Unexpected text after the closing quote in ""Handlingsplan 2024" antogs.", expected the quotes to enclose the whole text. Put the whole text inside straight single quotes, \'…\', since it holds " or \\ itself (a \' in the text is then written \'\').',
      },
    ],
    fix: quote(20, "'"),
  },
  {
    name: 'no space after a colon',
    file: N,
    edit: [['decides: true', 'decides:true']],
    found: [
      {
        line: 3,
        column: 8,
        rule: 'yaml-syntax',
        key: 'yaml.colon-space',
        sv: 'Oväntat ”decides:true”, förväntade ett mellanslag efter kolonet: utan det läser YAML nyckeln ”decides” och värdet som en enda text. Lägg ett mellanslag efter kolonet.',
        en: 'Unexpected "decides:true", expected a space after the colon: without it YAML reads the key "decides" and the value as one text. Put a space after the colon.',
      },
    ],
    fix: spaceAfter(3, ':'),
    bin: true,
  },
  {
    name: 'no space after a colon in a list item',
    file: P,
    edit: [['  - no: 1', '  - no:1']],
    found: [
      {
        line: 14,
        column: 7,
        rule: 'yaml-syntax',
        key: 'yaml.colon-space',
        sv: 'Oväntat ”no:1”, förväntade ett mellanslag efter kolonet: utan det läser YAML nyckeln ”no” och värdet som en enda text. Lägg ett mellanslag efter kolonet.',
        en: 'Unexpected "no:1", expected a space after the colon: without it YAML reads the key "no" and the value as one text. Put a space after the colon.',
      },
    ],
    fix: spaceAfter(14, ':'),
  },
  {
    name: 'no colon after a key',
    file: 'kd.yml',
    edit: [['organisation: Mellanbygdens kommuner', 'organisation Mellanbygdens kommuner']],
    found: [
      {
        line: 1,
        column: 13,
        rule: 'yaml-syntax',
        key: 'yaml.colon-missing',
        sv: 'Oväntad rad ”organisation Mellanbygdens kommuner” utan kolon, förväntade en nyckel följd av kolon och mellanslag. Skriv ett kolon efter ”organisation”.',
        en: 'Unexpected line "organisation Mellanbygdens kommuner" without a colon, expected a key followed by a colon and a space. Write a colon after "organisation".',
      },
    ],
    fix: colonAfter(1, 'organisation'),
  },
  {
    name: 'a list item one step too far in',
    file: P,
    edit: [second('       - att anta budgeten.')],
    found: [
      {
        line: 20,
        column: 8,
        rule: 'yaml-syntax',
        key: 'yaml.indent',
        sv: 'Oväntad indragning med 7 mellanslag, förväntade 6 som raderna på samma nivå. Flytta raden 1 steg ut (åt vänster).',
        en: 'Unexpected indentation of 7 spaces, expected 6 like the lines at the same level. Move the line 1 space left.',
      },
    ],
    fix: move(20, -1),
  },
  {
    name: 'a key one step too far out: the parser stops on the line above it',
    file: P,
    edit: [['    decisions:', '   decisions:']],
    found: [
      {
        line: 16,
        column: 4,
        rule: 'yaml-syntax',
        key: 'yaml.indent',
        sv: 'Oväntad indragning med 3 mellanslag, förväntade 4 som raderna på samma nivå. Flytta raden 1 steg in (åt höger).',
        en: 'Unexpected indentation of 3 spaces, expected 4 like the lines at the same level. Move the line 1 space right.',
      },
    ],
    fix: move(16, 1),
  },
  {
    name: 'a key two steps too far in: the parser stops on the line above it',
    file: P,
    edit: [['    title: Gemensam', '      title: Gemensam']],
    found: [
      {
        line: 15,
        column: 7,
        rule: 'yaml-syntax',
        key: 'yaml.indent',
        sv: 'Oväntad indragning med 6 mellanslag, förväntade 4 som raderna på samma nivå. Flytta raden 2 steg ut (åt vänster).',
        en: 'Unexpected indentation of 6 spaces, expected 4 like the lines at the same level. Move the line 2 spaces left.',
      },
    ],
    fix: move(15, -2),
  },
  {
    name: 'a key moved to the left margin inside a decision: the parser stops on the next line',
    file: P,
    edit: [['        owner: sara-sund', 'owner: sara-sund']],
    found: [
      {
        line: 18,
        column: 1,
        rule: 'yaml-syntax',
        key: 'yaml.indent',
        sv: 'Oväntad indragning med 0 mellanslag, förväntade 8 som raderna på samma nivå. Flytta raden 8 steg in (åt höger).',
        en: 'Unexpected indentation of 0 spaces, expected 8 like the lines at the same level. Move the line 8 spaces right.',
      },
    ],
    fix: move(18, 8),
    bin: true,
  },
  {
    name: 'a roster line one step too far in',
    file: N,
    edit: [['  - { person: bertil-bok', '   - { person: bertil-bok']],
    found: [
      {
        line: 7,
        column: 4,
        rule: 'yaml-syntax',
        key: 'yaml.indent',
        sv: 'Oväntad indragning med 3 mellanslag, förväntade 2 som raderna på samma nivå. Flytta raden 1 steg ut (åt vänster).',
        en: 'Unexpected indentation of 3 spaces, expected 2 like the lines at the same level. Move the line 1 space left.',
      },
    ],
    fix: move(7, -1),
  },
  {
    name: 'a decision without its dash, at the dashes',
    file: P,
    edit: [second('      att anta budgeten.')],
    found: [
      {
        line: 20,
        column: 7,
        rule: 'yaml-syntax',
        key: 'yaml.dash',
        sv: 'Oväntad text ”att anta budgeten.” utan streck, förväntade en ny punkt i listan. Sätt ett streck och mellanslag först på raden, ”- ”, med strecket rakt under strecken i listan ovanför.',
        en: 'Unexpected text "att anta budgeten." without a dash, expected a new item of the list. Put a dash and a space at the start of the line, "- ", with the dash straight below the dashes of the list above.',
      },
    ],
    fix: dashAt(20, 7),
  },
  {
    name: 'a decision without its dash, under the text of the one above (after a mapping)',
    file: P,
    edit: [second('        att anta budgeten.')],
    found: [
      {
        line: 20,
        column: 9,
        rule: 'yaml-syntax',
        key: 'yaml.dash',
        sv: 'Oväntad text ”att anta budgeten.” utan streck, förväntade en ny punkt i listan. Sätt ett streck och mellanslag först på raden, ”- ”, med strecket rakt under strecken i listan ovanför.',
        en: 'Unexpected text "att anta budgeten." without a dash, expected a new item of the list. Put a dash and a space at the start of the line, "- ", with the dash straight below the dashes of the list above.',
      },
    ],
    fix: dashAt(20, 7),
  },
  {
    name: 'a decision without its dash under one that is a text: read as the same decision (a warning)',
    file: P,
    edit: [second('      - att anta planen.\n        att anta budgeten.')],
    found: [
      {
        line: 21,
        column: 9,
        rule: 'yaml-slip',
        key: 'yaml.dash-fold',
        sv: 'Oväntad rad ”att anta budgeten.” utan streck efter en text som slutar med punkt, förväntade en ny punkt i listan: YAML läser raden som fortsättning på texten ovanför. Är det en ny punkt, sätt ett streck och mellanslag först på raden, ”- ”, rakt under strecket ovanför; hör den till texten ovanför, skriv den på samma rad.',
        en: 'Unexpected line "att anta budgeten." without a dash after a text that ends with a full stop, expected a new item of the list: YAML reads the line as the rest of the text above. If it is a new item, put a dash and a space at the start of the line, "- ", straight below the dash above; if it belongs to the text above, write it on the same line.',
      },
    ],
    fix: dashAt(21, 7),
    bin: true,
  },
  {
    name: 'a dash without its space',
    file: P,
    edit: [second('      -att anta budgeten.')],
    found: [
      {
        line: 20,
        column: 7,
        rule: 'yaml-syntax',
        key: 'yaml.dash-space',
        sv: 'Oväntat ”-att anta budgeten.”, förväntade ett mellanslag efter strecket som inleder en punkt i listan. Lägg ett mellanslag efter strecket.',
        en: 'Unexpected "-att anta budgeten.", expected a space after the dash that starts an item of a list. Put a space after the dash.',
      },
    ],
    fix: spaceAfter(20, '-'),
  },
  {
    name: 'a tab in the indentation',
    file: N,
    edit: [['  - { person: doris-dal', '\t- { person: doris-dal']],
    found: [
      {
        line: 8,
        column: 1,
        rule: 'yaml-syntax',
        key: 'yaml.tab',
        sv: 'Oväntad tabb i indragningen, förväntade mellanslag: YAML räknar bara mellanslag. Byt tabben mot mellanslag, lika många som på raderna på samma nivå.',
        en: 'Unexpected tab in the indentation, expected spaces: YAML counts only spaces. Replace the tab with spaces, as many as on the lines at the same level.',
      },
    ],
    fix: replaceAll(8, '\t', '  '),
    bin: true,
  },
  {
    name: 'a hard space in the indentation',
    file: N,
    edit: [['  - { person: doris-dal', ' \u00a0- { person: doris-dal']],
    found: [
      {
        line: 8,
        column: 2,
        rule: 'yaml-syntax',
        key: 'yaml.nbsp',
        sv: 'Oväntat hårt mellanslag (ofta inklistrat från Word eller e-post) i indragningen, förväntade ett vanligt mellanslag: YAML räknar inte det hårda. Byt det hårda mellanslaget mot ett vanligt.',
        en: 'Unexpected non-breaking space (often pasted from Word or e-mail) in the indentation, expected an ordinary space: YAML does not count the non-breaking one. Replace the non-breaking space with an ordinary one.',
      },
    ],
    fix: replaceAll(8, '\u00a0', ' '),
  },
  {
    name: 'a hard space after a dash',
    file: P,
    edit: [second('      -\u00a0att anta budgeten.')],
    found: [
      {
        line: 20,
        column: 8,
        rule: 'yaml-syntax',
        key: 'yaml.nbsp',
        sv: 'Oväntat hårt mellanslag (ofta inklistrat från Word eller e-post) efter strecket, förväntade ett vanligt mellanslag: YAML räknar inte det hårda. Byt det hårda mellanslaget mot ett vanligt.',
        en: 'Unexpected non-breaking space (often pasted from Word or e-mail) after the dash, expected an ordinary space: YAML does not count the non-breaking one. Replace the non-breaking space with an ordinary one.',
      },
    ],
    fix: replaceAll(20, '\u00a0', ' '),
  },
  {
    name: 'a hard space before a key of the top level: the parser takes it as part of the key',
    file: P,
    edit: [['place: Kommunhuset', '\u00a0place: Kommunhuset']],
    found: [
      {
        line: 6,
        column: 1,
        rule: 'yaml-syntax',
        key: 'yaml.nbsp',
        sv: 'Oväntat hårt mellanslag (ofta inklistrat från Word eller e-post) i indragningen, förväntade ett vanligt mellanslag: YAML räknar inte det hårda. Byt det hårda mellanslaget mot ett vanligt.',
        en: 'Unexpected non-breaking space (often pasted from Word or e-mail) in the indentation, expected an ordinary space: YAML does not count the non-breaking one. Replace the non-breaking space with an ordinary one.',
      },
    ],
    // The line is at the top level: an ordinary space there would be one too many.
    fix: replaceAll(6, '\u00a0', ''),
  },
  {
    name: "Word's quotation marks around a decision with a colon",
    file: P,
    edit: [second('      - ”att anta planen: budget 2024”')],
    found: [
      {
        line: 20,
        column: 9,
        rule: 'yaml-syntax',
        key: 'yaml.smart-quotes',
        sv: 'Oväntat typografiskt citattecken ” (från Word) först i ””att anta planen: budget 2024””, förväntade ett rakt citattecken: YAML läser ” som en vanlig bokstav, så kolonet i texten blir början på en ny nyckel. Byt de typografiska citattecknen runt texten mot raka, "…".',
        en: 'Unexpected typographic quotation mark ” (from Word) at the start of "”att anta planen: budget 2024”", expected a straight quote: YAML reads ” as an ordinary letter, so the colon in the text starts a new key. Replace the typographic quotation marks around the text with straight ones, "…".',
      },
    ],
    fix: straighten(20),
  },
  {
    name: "Word's quotation marks around a title with a colon: the parser stops",
    file: N,
    edit: [['name: Kommundirektörsgruppen', 'name: “Kommundirektörsgruppen: Mellanbygden”']],
    found: [
      {
        line: 1,
        column: 7,
        rule: 'yaml-syntax',
        key: 'yaml.smart-quotes',
        sv: 'Oväntat typografiskt citattecken “ (från Word) först i ”“Kommundirektörsgruppen: Mellanbygden””, förväntade ett rakt citattecken: YAML läser “ som en vanlig bokstav, så kolonet i texten blir början på en ny nyckel. Byt de typografiska citattecknen runt texten mot raka, "…".',
        en: 'Unexpected typographic quotation mark “ (from Word) at the start of "“Kommundirektörsgruppen: Mellanbygden”", expected a straight quote: YAML reads “ as an ordinary letter, so the colon in the text starts a new key. Replace the typographic quotation marks around the text with straight ones, "…".',
      },
    ],
    fix: straighten(1),
  },
  {
    name: "Word's quotation marks around a place: kept in it (a warning)",
    file: P,
    edit: [['place: Kommunhuset, Alby', 'place: ”Kommunhuset, Alby”']],
    found: [
      {
        line: 6,
        column: 8,
        rule: 'yaml-slip',
        key: 'yaml.smart-quotes-kept',
        sv: 'Oväntade typografiska citattecken ” (från Word) runt texten ””Kommunhuset, Alby””, förväntade raka citattecken om de ska omge texten: YAML behåller ” som tecken i texten. Byt dem mot raka citattecken, "…"; ska de synas i texten, låt dem stå.',
        en: 'Unexpected typographic quotation marks ” (from Word) around the text "”Kommunhuset, Alby”", expected straight quotes if they are to enclose the text: YAML keeps ” as characters of the text. Replace them with straight quotes, "…"; if they are to show in the text, leave them.',
      },
    ],
    fix: straighten(6),
  },
  {
    name: 'a # that cuts a decision short (a warning)',
    file: P,
    edit: [second('      - att anta handlingsplan #2')],
    found: [
      {
        line: 20,
        column: 32,
        rule: 'yaml-slip',
        key: 'yaml.hash-cut',
        sv: 'Oväntad kommentar ”#2” direkt efter texten ”att anta handlingsplan”, förväntade fortsättningen på texten eller ett mellanslag efter #: YAML läser allt från # till radens slut som en kommentar, som inte kommer med. Hör ”#2” till texten? Sätt hela texten inom raka citattecken, "…" (innehåller texten själv ", använd \'…\'). Är det en kommentar, skriv ett mellanslag efter #.',
        en: 'Unexpected comment "#2" right after the text "att anta handlingsplan", expected the rest of the text or a space after #: YAML reads everything from # to the end of the line as a comment, which is left out. Does "#2" belong to the text? Put the whole text inside straight quotes, "…" (if the text itself holds ", use \'…\'). Is it a comment? Write a space after #.',
      },
    ],
    fix: quote(20, '"'),
    bin: true,
  },
  {
    name: 'a # that starts a decision: the decision is empty',
    file: P,
    edit: [second('      - #2 i handlingsplanen antogs.')],
    found: [
      {
        line: 20,
        column: 9,
        rule: 'yaml-syntax',
        key: 'yaml.hash-empty',
        sv: 'Oväntat # först i värdet ”#2 i handlingsplanen antogs.”, förväntade en text: YAML läser allt från # till radens slut som en kommentar, och värdet blir tomt. Sätt hela texten inom raka citattecken, "…" (innehåller texten själv ", använd \'…\').',
        en: 'Unexpected # at the start of the value "#2 i handlingsplanen antogs.", expected a text: YAML reads everything from # to the end of the line as a comment, and the value is empty. Put the whole text inside straight quotes, "…" (if the text itself holds ", use \'…\').',
      },
    ],
    fix: quote(20, '"'),
  },
  {
    name: 'a quote never closed: the parser reads on to the end',
    file: P,
    edit: [['place: Kommunhuset, Alby', 'place: "Kommunhuset, Alby']],
    found: [
      {
        line: 6,
        column: 8,
        rule: 'yaml-syntax',
        key: 'yaml.quote-unclosed',
        sv: 'Oväntat radslut i texten ”"Kommunhuset, Alby”, förväntade ett avslutande ": YAML läser vidare till nästa " längre ner. Sätt ett " sist i texten.',
        en: 'Unexpected end of line in the text ""Kommunhuset, Alby", expected a closing ": YAML reads on to the next " further down. Put a " at the end of the text.',
      },
    ],
    fix: append(6, '"'),
  },
  {
    name: 'a bracket never closed',
    file: 'kd.yml',
    edit: [['municipalities: [Alby, Berga, Dalsjö]', 'municipalities: [Alby, Berga, Dalsjö']],
    found: [
      {
        line: 2,
        column: 17,
        rule: 'yaml-syntax',
        key: 'yaml.bracket-unclosed',
        sv: 'Oväntat radslut i ”[Alby, Berga, Dalsjö”, förväntade ett avslutande ]: YAML läser raderna under som en del av samma lista. Sätt ] sist på raden.',
        en: 'Unexpected end of line in "[Alby, Berga, Dalsjö", expected a closing ]: YAML reads the lines below as part of the same list. Put ] at the end of the line.',
      },
    ],
    fix: append(2, ']'),
  },
  {
    name: 'an item one step too far in under a text: read as the rest of that text',
    file: P,
    edit: [second('      - att anta planen.\n       - att anta budgeten.')],
    found: [
      {
        line: 21,
        column: 8,
        rule: 'yaml-syntax',
        key: 'yaml.indent',
        sv: 'Oväntad indragning med 7 mellanslag, förväntade 6 som raderna på samma nivå. Flytta raden 1 steg ut (åt vänster).',
        en: 'Unexpected indentation of 7 spaces, expected 6 like the lines at the same level. Move the line 1 space left.',
      },
    ],
    fix: move(21, -1),
  },
  {
    name: 'a dash without its space, the only item: read as a text',
    file: P,
    edit: [
      [
        '      - text: att sekretariatet tar fram ett förslag till avtal.\n        owner: sara-sund\n        due: 2024-04-30',
        '      -att anta avtalet.',
      ],
    ],
    found: [
      {
        line: 17,
        column: 7,
        rule: 'yaml-syntax',
        key: 'yaml.dash-space',
        sv: 'Oväntat ”-att anta avtalet.”, förväntade ett mellanslag efter strecket som inleder en punkt i listan. Lägg ett mellanslag efter strecket.',
        en: 'Unexpected "-att anta avtalet.", expected a space after the dash that starts an item of a list. Put a space after the dash.',
      },
    ],
    fix: spaceAfter(17, '-'),
  },
  {
    name: 'a list written one a line, without dashes: one text to YAML',
    file: P,
    edit: [
      [
        '  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]',
        '  present:\n    astrid-alm\n    bertil-bok\n    doris-dal\n    sara-sund',
      ],
    ],
    found: [
      {
        line: 13,
        column: 5,
        rule: 'schema',
        key: 'schema.list-dash',
        sv: 'Oväntad text ”astrid-alm…” på raden under nyckeln, förväntade en lista, där varje punkt börjar med ett streck och mellanslag. Sätt ”- ” först på raden, och på varje rad under den som är en egen punkt.',
        en: 'Unexpected text "astrid-alm…" on the line below the key, expected a list, each item of which starts with a dash and a space. Put "- " at the start of the line, and of each line below it that is an item of its own.',
      },
    ],
    fix: (text) => [13, 14, 15, 16].reduce((t, n) => dashAt(n, 5)(t), text),
  },
];

/** What is not a slip: the ok side of the rules, as scenarios with no finding. */
const clean: { name: string; file: string; edit: [string, string][] }[] = [
  {
    name: 'a comment after a time, with or without a space',
    file: P,
    edit: [['time: "09:00-11:30"', 'time: 09:00-11:30 #kaffe från 08:30']],
  },
  { name: 'a comment after an id', file: P, edit: [['owner: sara-sund', 'owner: sara-sund # tills vidare']] },
  {
    name: 'a comment after a text, with a space after #',
    file: P,
    edit: [['place: Kommunhuset, Alby', 'place: Kommunhuset, Alby # sal 2']],
  },
  { name: 'Swedish quotation marks inside a text', file: P, edit: [['place: Kommunhuset, Alby', 'place: Kommunhuset, sal ”Ekan”, Alby']] },
  { name: 'a decision broken over two lines mid-sentence', file: P, edit: [second('      - att anta planen\n        och budgeten.')] },
  {
    name: 'a colon in a quoted text',
    file: N,
    edit: [['mission: Samordnar kommunernas gemensamma frågor.', 'mission: "Uppdrag: samordna kommunernas gemensamma frågor."']],
  },
  { name: 'a time without quotes', file: P, edit: [['time: "09:00-11:30"', 'time: 09:00-11:30']] },
];

function edited(file: string, edit: [string, string][]): string {
  let text = EXAMPLE_ARCHIVE[file]!;
  for (const [old, replacement] of edit) {
    expect(text, `the example ${file} has ${JSON.stringify(old)}`).toContain(old);
    text = text.replace(old, replacement);
  }
  return text;
}

async function archive(file: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kd-slip-'));
  made.push(dir);
  for (const [rel, body] of Object.entries({ ...EXAMPLE_ARCHIVE, [file]: text })) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), body);
  }
  return dir;
}

async function inProcess(dir: string) {
  const out = await checkArchive({ cwd: dir, env: { KD_CACHE: 'off' } });
  return out.findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    rule: f.rule,
    key: f.message.key,
    sv: formatMessage('sv', f.message),
    en: formatMessage('en', f.message),
  }));
}

/** kd check through the bin, as CI runs it (with CI itself out of the environment, so the format is the one asked for). */
async function throughBin(dir: string, lang: 'sv' | 'en') {
  const { CI: _, ...env } = process.env;
  const run = await promisify(execFile)(process.execPath, [path.join(REPO, 'bin', 'kd.js'), 'check', '--format', 'json', '--lang', lang], {
    cwd: dir,
    env: { ...env, KD_CACHE: 'off' },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  const findings = (
    JSON.parse(run.stdout) as {
      findings: { file: string; line: number; column: number; rule: string; messageId: string; message: string }[];
    }
  ).findings;
  return { code: run.code, findings };
}

describe.each(scenarios.map((s) => [s.name, s] as const))('%s', (_, s) => {
  it('gives exactly its findings, where the slip is, in Swedish and English; the fix the message asks for makes the file check clean', async () => {
    const text = edited(s.file, s.edit);
    const found = await inProcess(await archive(s.file, text));
    expect(found).toEqual(s.found.map((f) => ({ file: s.file, ...f })));
    const fixed = s.fix(text);
    expect(fixed).not.toBe(text);
    expect(await inProcess(await archive(s.file, fixed))).toEqual([]);
  });
});

describe.each(scenarios.filter((s) => s.bin).map((s) => [s.name, s] as const))('through bin/kd.js: %s', (_, s) => {
  it('says the same in Swedish and English, exits 1 for an error and 0 for a warning, and nothing after the fix', async () => {
    const dir = await archive(s.file, edited(s.file, s.edit));
    for (const lang of ['sv', 'en'] as const) {
      const out = await throughBin(dir, lang);
      expect(out.code).toBe(s.found.some((f) => f.rule !== 'yaml-slip') ? 1 : 0);
      expect(
        out.findings.map((f) => ({ file: f.file, line: f.line, column: f.column, rule: f.rule, key: f.messageId, [lang]: f.message })),
      ).toEqual(s.found.map((f) => ({ file: s.file, line: f.line, column: f.column, rule: f.rule, key: f.key, [lang]: f[lang] })));
    }
    await writeFile(path.join(dir, s.file), s.fix(await readFile(path.join(dir, s.file), 'utf8')));
    expect(await throughBin(dir, 'sv')).toEqual({ code: 0, findings: [] });
  });
});

it('every slip of the table has a scenario here, where the parser stopped and where it took the text, as the table says', () => {
  // Where the table says kd finds each slip, and where the scenarios show it: the YAML stopped the parser, or it did not.
  const shown: Record<string, Set<string>> = {};
  for (const s of scenarios) {
    const text = edited(s.file, s.edit);
    const yaml = s.file.endsWith('.md') ? text.slice(4, text.indexOf('\n---\n') + 1) : text;
    const stopped = parseDocument(yaml, { version: '1.2', strict: true, uniqueKeys: true }).errors.length > 0;
    for (const f of s.found) (shown[f.key] ??= new Set()).add(stopped ? 'stopped' : 'parsed');
  }
  expect(Object.fromEntries(Object.keys(SLIPS).map((key) => [key, [...(shown[key] ?? [])].sort()]))).toEqual(
    Object.fromEntries(Object.entries(SLIPS).map(([key, slip]) => [key, [...slip.found].sort()])),
  );
});

it('the bin runs scenarios of each severity', () => {
  const bin = scenarios.filter((s) => s.bin).flatMap((s) => s.found.map((f) => f.rule));
  expect(new Set(bin)).toEqual(new Set(['yaml-syntax', 'yaml-slip']));
});

describe.each(clean.map((c) => [c.name, c] as const))('not a slip: %s', (_, c) => {
  it('gives no finding', async () => {
    expect(await inProcess(await archive(c.file, edited(c.file, c.edit)))).toEqual([]);
  });
});

/**
 * The families, slip by slip, over whole files of the sample archive: every
 * line that can take the slip gets it, one at a time, and kd names it on
 * that line. A line moved may leave a text the parser takes (the schema
 * then names what is wrong) or one where it reads a key twice (its own
 * message for that); otherwise kd names the line moved and the steps back.
 */
describe('each slip, on every line that can take it', () => {
  const SAMPLES: [string, FileKind][] = [
    ['tests/fixtures/mini/networks/grupp/protocols/2019/2019-01-10-1.md', 'protocol'],
    ['archive/networks/kd-gruppen/protocols/2019/2019-02-15-2.md', 'protocol'],
    ['archive/networks/digital/protocols/2019/2019-01-31-1.md', 'protocol'],
    ['archive/networks/kd-gruppen/network.yml', 'network'],
    ['archive/networks/kompetens/calendar.yml', 'calendar'],
    ['archive/kd.yml', 'config'],
  ];
  const files = SAMPLES.map(([file, kind]) => ({ file, kind, lines: readFileSync(path.join(REPO, file), 'utf8').split('\n') }));
  /** The lines of the YAML: the front matter of a protocol, the whole of a YAML file. */
  const yamlLines = (f: (typeof files)[number]) => {
    const end = f.kind === 'protocol' ? f.lines.indexOf('---', 1) : f.lines.length;
    return [...f.lines.keys()].slice(f.kind === 'protocol' ? 1 : 0, end).filter((i) => /^ *(- |[a-z_]+:)/.test(f.lines[i]!));
  };
  const check = (f: (typeof files)[number], i: number, line: string) => {
    const lines = [...f.lines];
    lines[i] = line;
    return processFile(f.file.replace(/^archive\//, ''), f.kind, Buffer.from(lines.join('\n'))).findings;
  };

  it.each(files.map((f) => [f.file, f] as const))('a key or item moved 1, 2 or 4 steps, or to the left margin: %s', (_, f) => {
    const wrong: string[] = [];
    let named = 0;
    for (const i of yamlLines(f)) {
      const line = f.lines[i]!;
      const indent = line.length - line.trimStart().length;
      for (const to of new Set([0, indent - 4, indent - 2, indent - 1, indent + 1, indent + 2, indent + 4])) {
        if (to < 0 || to === indent) continue;
        const found = check(f, i, ' '.repeat(to) + line.trimStart());
        const yaml = found.filter((x) => x.rule.startsWith('yaml'));
        const hit = yaml.find((x) => x.message.key === 'yaml.indent' && x.line === i + 1);
        if (hit && (hit.message.data as { expected: number }).expected === indent) named++;
        else if (yaml.length > 0 && !yaml.some((x) => (x.message.data as { code?: string }).code === 'DUPLICATE_KEY')) {
          wrong.push(`${i + 1}: ${JSON.stringify(line)} at ${to}: ${yaml.map((x) => `${x.line}:${x.column} ${x.message.key}`).join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(named).toBeGreaterThan(20);
  });

  const families: [string, (line: string) => [string, string, number] | undefined][] = [
    [
      'no space after a colon',
      (l) =>
        at(/^( *(?:- )?)([a-z_]+): ([^"'[{\s].*)$/.exec(l), (m) => [
          `${m[1]}${m[2]}:${m[3]}`,
          'yaml.colon-space',
          m[1]!.length + m[2]!.length + 1,
        ]),
    ],
    ['a tab for the indentation', (l) => at(/^( +)(\S.*)$/.exec(l), (m) => [`\t${m[1]!.slice(2)}${m[2]}`, 'yaml.tab', 1])],
    [
      'a hard space in the indentation',
      (l) => at(/^( +)(\S.*)$/.exec(l), (m) => [`${m[1]!.slice(1)}\u00a0${m[2]}`, 'yaml.nbsp', m[1]!.length]),
    ],
    [
      'a hard space after a colon',
      (l) => at(/^( *(?:- )?[a-z_]+:) (\S.*)$/.exec(l), (m) => [`${m[1]}\u00a0${m[2]}`, 'yaml.nbsp', m[1]!.length + 1]),
    ],
    [
      'a dash without its space',
      (l) =>
        at(/^( *)- ([^{["].*)$/.exec(l), (m) =>
          /^[a-z_]+:( |$)/.test(m[2]!) ? undefined : [`${m[1]}-${m[2]}`, 'yaml.dash-space', m[1]!.length + 1],
        ),
    ],
    [
      'a quote never closed',
      (l) => at(/^( *(?:- )?[a-z_]+: )([^"'[{#|>].*)$/.exec(l), (m) => [`${m[1]}"${m[2]}`, 'yaml.quote-unclosed', m[1]!.length + 1]),
    ],
  ];
  it.each(families)('%s', (_, slip) => {
    const wrong: string[] = [];
    let named = 0;
    for (const f of files) {
      for (const i of yamlLines(f)) {
        const change = slip(f.lines[i]!);
        if (!change) continue;
        const [line, key, column] = change;
        const found = check(f, i, line);
        if (found.some((x) => x.message.key === key && x.line === i + 1 && x.column === column)) named++;
        else
          wrong.push(
            `${f.file}:${i + 1}: ${JSON.stringify(line)}: ${found.map((x) => `${x.line}:${x.column} ${x.message.key}`).join(', ')}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(named).toBeGreaterThan(20);
  });
});

function at<T>(m: RegExpExecArray | null, then: (m: RegExpExecArray) => T): T | undefined {
  return m ? then(m) : undefined;
}
