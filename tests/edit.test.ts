import { describe, expect, it } from 'vitest';
import { addPeople, addTerm, changeRoster, protocolText } from '../src/archive/edit.js';

/** The YAML edits, one file's text in and out; the commands that use them are pinned byte for byte in written-bytes.test.ts. */
describe('archive/edit', () => {
  it('adds people as one flow line each, to an empty people.yml too, and keeps the comments', () => {
    expect(addPeople('', [{ id: 'eva-ek', person: { name: 'Eva Ek', municipality: 'Bjuv' } }])).toBe(
      'eva-ek: { name: Eva Ek, municipality: Bjuv }\n',
    );
    expect(addPeople('# Personer\nanna: { name: Anna }\n', [{ id: 'bo', person: { name: 'Bo', organisation: 'X' } }])).toBe(
      '# Personer\nanna: { name: Anna }\nbo: { name: Bo, organisation: X }\n',
    );
    // Two at once, in order; the rest of the file (a list written without spaces, no newline at the end) as it was.
    expect(
      addPeople('anna:\n  name: Anna\n  aliases: [Ana]', [
        { id: 'bo', person: { name: 'Bo', organisation: 'X' } },
        { id: 'cia', person: { name: 'Cia', municipality: 'Y' } },
      ]),
    ).toBe('anna:\n  name: Anna\n  aliases: [Ana]\nbo: { name: Bo, organisation: X }\ncia: { name: Cia, municipality: Y }\n');
  });

  it('adds roster members after the others, keeping the comments on the lines it does not touch', () => {
    expect(
      changeRoster('name: N # namnet\nroster:\n  - { person: a, from: 2018-01-01 } # först\n', {
        ending: [],
        endsOn: '2018-12-31',
        joining: [{ person: 'b', from: '2019-01-01', acting: true }],
      }),
    ).toBe('name: N # namnet\nroster:\n  - { person: a, from: 2018-01-01 } # först\n  - { person: b, from: 2019-01-01, acting: true }\n');
  });

  it('ends a membership with `to` after its `from`, and leaves every byte it does not change as it was', () => {
    const text = [
      'name: N',
      'mission: >',
      '  Ett uppdrag som är skrivet',
      '  på två rader.',
      'candidates: [a, b]',
      'roster:',
      '  - { person: a, from: 2018-01-01, role: chair } # ordförande',
      '  - {person: b, from: 2018-01-01, substitute: s}',
      '  - person: c',
      '    from: 2018-01-01 # blockform',
      '    acting: true',
      '  - { person: d, from: 2018-01-01, to: 2020-12-31 }',
      '',
    ].join('\n');
    const out = changeRoster(text, {
      ending: [1, 2, 3],
      endsOn: '2019-06-30',
      joining: [
        { person: 'e', from: '2019-07-01' },
        { person: 'f', from: '2019-07-01', acting: true },
      ],
    });
    expect(out).toBe(
      text
        .replace('{person: b, from: 2018-01-01, substitute: s}', '{person: b, from: 2018-01-01, to: 2019-06-30, substitute: s}')
        .replace('    from: 2018-01-01 # blockform\n', '    from: 2018-01-01 # blockform\n    to: 2019-06-30\n')
        .replace(
          'to: 2020-12-31 }\n',
          'to: 2019-06-30 }\n  - { person: e, from: 2019-07-01 }\n  - { person: f, from: 2019-07-01, acting: true }\n',
        ),
    );
    // CRLF stays CRLF.
    expect(changeRoster('roster:\r\n  - { person: a, from: 2018-01-01 }\r\n', { ending: [0], endsOn: '2019-06-30', joining: [] })).toBe(
      'roster:\r\n  - { person: a, from: 2018-01-01, to: 2019-06-30 }\r\n',
    );
  });

  it('writes the whole tree when the roster is in a layout it cannot splice (one flow list)', () => {
    expect(
      changeRoster('roster: [{ person: a, from: 2018-01-01 }]\n', {
        ending: [0],
        endsOn: '2019-06-30',
        joining: [{ person: 'b', from: '2019-07-01' }],
      }),
    ).toBe('roster: [ { person: a, from: 2018-01-01, to: 2019-06-30 }, { person: b, from: 2019-07-01 } ]\n');
  });

  it('adds a term after the others, ending the memberships it names and adding the joining ones', () => {
    const text =
      'terms:\n  - { id: a, from: 2018-01-01, to: 2019-12-31 }\nroster:\n  - { person: x, from: 2018-01-01 }\n  - { person: y, from: 2018-01-01 }\n';
    expect(
      addTerm(text, {
        term: { id: 'b', from: '2020-01-01', to: '2021-12-31' },
        ending: [1],
        endsOn: '2019-12-31',
        joining: [{ person: 'z', from: '2020-01-01' }],
      }),
    ).toBe(
      'terms:\n  - { id: a, from: 2018-01-01, to: 2019-12-31 }\n  - { id: b, from: 2020-01-01, to: 2021-12-31 }\nroster:\n  - { person: x, from: 2018-01-01 }\n  - { person: y, from: 2018-01-01, to: 2019-12-31 }\n  - { person: z, from: 2020-01-01 }\n',
    );
  });

  it('writes a draft protocol with every value that begins with a clock time quoted', () => {
    expect(protocolText({ time: '09:00-12:00', place: 'Rum 9:30', title: '9:30 Fika', number: 1 }, 'Text\n')).toBe(
      '---\ntime: "09:00-12:00"\nplace: Rum 9:30\ntitle: "9:30 Fika"\nnumber: 1\n---\n\nText\n',
    );
  });
});
