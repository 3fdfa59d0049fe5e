import { expect, it } from 'vitest';
import { run, SAMPLE } from './helpers.js';

it('the report opens with what a director needs: per network the meetings, attendance, decisions to take home and overdue assignments with owner and due date; what it is built from closes it', async () => {
  const out = await run(['report', '--half', '2019H2', '--archive', SAMPLE]);
  expect(out.code).toBe(0);
  const md = out.stdout;
  expect(md.slice(md.indexOf('## Sammanfattning'), md.indexOf('## Översikt'))).toBe(
    [
      '## Sammanfattning',
      '',
      '**Kommundirektörsgruppen.** 3 av 3 planerade möten hölls, med 93\u00a0% närvaro.',
      '',
      '- **Försenat uppdrag:** att Göran Nilsson återkommer med ett förslag till gemensamt utbildningsprogram för ledningsgrupperna. – Göran Nilsson, senast 22 nov. 2019 (kd-gruppen 6/2019 §3:1)',
      '',
      '**Nätverket för digitalisering.** 3 av 3 planerade möten hölls, med 87\u00a0% närvaro.',
      '',
      '- **Att ta hem:** att rekommendera kommunerna att erbjuda utbildningen till alla medarbetare. (digital 4/2019 §1:1)',
      '',
      '**Strategiskt nätverk för kompetensförsörjning.** 3 av 4 planerade möten hölls (1 ställdes in), med 90\u00a0% närvaro.',
      '',
      '- **Att ta hem:** att kommunerna använder en gemensam metod för lönekartläggning från 2020. (kompetens 5/2019 §1:1)',
      '',
      '',
    ].join('\n'),
  );
  // The summary comes before everything else but the title lines; the provenance is the last line.
  expect(md.indexOf('## Sammanfattning')).toBeLessThan(md.indexOf('## Översikt'));
  expect(md.trimEnd().split('\n').at(-1)).toMatch(
    /^Underlag: arkivet vid commit [0-9a-f]{12}( med ändringar som inte är incheckade)?, kd \d+\.\d+\.\d+\.$/,
  );
});
