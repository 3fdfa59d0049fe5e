import { describe, expect, it } from 'vitest';
import { addPeople, addRosterMembers, addTerm, protocolText } from '../src/archive/edit.js';

/** The YAML edits, one file's text in and out; the commands that use them are pinned byte for byte in written-bytes.test.ts. */
describe('archive/edit', () => {
  it('adds people as one flow line each, to an empty people.yml too, and keeps the comments', () => {
    expect(addPeople('', [{ id: 'eva-ek', person: { name: 'Eva Ek', municipality: 'Bjuv' } }])).toBe(
      'eva-ek: { name: Eva Ek, municipality: Bjuv }\n',
    );
    expect(addPeople('# Personer\nanna: { name: Anna }\n', [{ id: 'bo', person: { name: 'Bo', organisation: 'X' } }])).toBe(
      '# Personer\nanna: { name: Anna }\nbo: { name: Bo, organisation: X }\n',
    );
  });

  it('adds roster members after the others, keeping the comments on the lines it does not touch', () => {
    expect(
      addRosterMembers('name: N # namnet\nroster:\n  - { person: a, from: 2018-01-01 } # först\n', [
        { person: 'b', from: '2019-01-01', acting: true },
      ]),
    ).toBe('name: N # namnet\nroster:\n  - { person: a, from: 2018-01-01 } # först\n  - { person: b, from: 2019-01-01, acting: true }\n');
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
