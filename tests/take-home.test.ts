import { describe, expect, it } from 'vitest';
import { toTakeHome } from '../src/query/act.js';
import { archiveWith, findings, MINI, replace, run, SAMPLE } from './helpers.js';

/** Which decisions the municipalities are to take home and act on: kd's phrases, or `act:` on the decision. */
describe('the decisions to take home', () => {
  it.each([
    ['att varje kommun själv fattar beslut om anslutning.', true],
    ['att arbetet sker i varje kommun.', true],
    ['att respektive kommun lämnar sitt remissvar.', true],
    ['att alla kommuner inför rutinen.', true],
    ['att Samtliga kommunerna deltar.', true],
    ['att lägesbilden sprids till kommunernas ledningsgrupper.', true],
    ['att bilda en arbetsgrupp med en deltagare per kommun.', true],
    ['att medlemskommunerna informeras.', true],
    ['att ordföranden rapporterar till kommundirektörsgruppen.', false],
    ['att kommunalförbundet tar fram ett förslag.', false],
    ['att notera informationen.', false],
  ])('%s → %s', (text, expected) => {
    expect(toTakeHome({ text })).toBe(expected);
  });

  it('names a municipality with Swedish letters and in the genitive, only as a whole word', () => {
    expect(toTakeHome({ text: 'att Åstorps kommun upplåter lokalen.' }, 'Åstorp')).toBe(true);
    expect(toTakeHome({ text: 'att ÖSTRA GÖINGE bjuder in.' }, 'Östra Göinge')).toBe(true);
    expect(toTakeHome({ text: 'att Osbyholm används.' }, 'Osby')).toBe(false);
  });

  it('act: on the decision wins over the wording, either way', () => {
    expect(toTakeHome({ text: 'att notera informationen.', act: true })).toBe(true);
    expect(toTakeHome({ text: 'att kommunerna informerades i höstas.', act: false })).toBe(false);
  });

  it('act: is read from the protocol, shown in kd decisions and counted in the report; a value that is not true or false is a finding', async () => {
    const P1 = 'networks/grupp/protocols/2019/2019-01-10-1.md';
    const root = await archiveWith(MINI, {
      [P1]: replace('      - att notera informationen.', '      - { text: att notera informationen., act: true }'),
    });
    const json = JSON.parse((await run(['decisions', '--format', 'json'], { cwd: root })).stdout) as { id: string; takeHome: boolean }[];
    expect(json.filter((d) => d.takeHome).map((d) => d.id)).toEqual(['grupp 1/2019 §1:2']);
    const report = JSON.parse((await run(['report', '--half', '2019H1', '--format', 'json'], { cwd: root })).stdout) as {
      overview: { takeHome: number };
    };
    expect(report.overview.takeHome).toBe(1);
    const bad = await archiveWith(MINI, {
      [P1]: replace('      - att notera informationen.', '      - { text: att notera informationen., act: ja }'),
    });
    expect(await findings(bad)).toEqual([
      { rule: 'schema', file: P1, line: 20, column: 49, severity: 'error', key: 'items[0].decisions[1].act' },
    ]);
  });

  it('in HTML the rows to take home stand out, styled; the Markdown is plain', async () => {
    const html = (await run(['digest', '--municipality', 'Hässleholm', '--half', '2019H1', '--format', 'html', '--archive', SAMPLE]))
      .stdout;
    expect(html.match(/<tr class="take-home">/g)).toHaveLength(5);
    expect(html).toContain('tr.take-home td { background: var(--soft); }');
    const md = (await run(['digest', '--municipality', 'Hässleholm', '--half', '2019H1', '--archive', SAMPLE])).stdout;
    expect(md).not.toContain('take-home');
  });

  it('on the sample: the report counts the half-year’s decisions to take home on its first page, and marks them', async () => {
    const md = (await run(['report', '--half', '2019H1', '--archive', SAMPLE])).stdout;
    expect(md).toMatch(/\n\| varav att ta hem till kommunerna +\| +5 \|/);
    expect(md.split('\n').filter((l) => l.endsWith(', att ta hem)'))).toHaveLength(5);
  });
});
