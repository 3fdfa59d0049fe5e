import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers.js';

/*
 * The digest and the intro go to members: the fixture's protocol 2/2019 has a
 * confidential item (3) and a confidential decision under item 4, and
 * neither's text may reach them, in Markdown or HTML; the reasons must.
 */
const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'render');
const SECRET_TEXTS = [
  // Item 3's text in the protocol's body (the digest's summary of it).
  'Kommunpolisen beskrev hoten',
  // Item 3's decision.
  'att kommunerna stärker skyddet vid nämndsammanträden enligt polisens bedömning.',
  // The confidential decision under item 4.
  'att notera att en tjänsteperson i Ekholm har skyddade personuppgifter.',
];
const REASONS = ['Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen', 'Sekretess: 21 kap. 3 § offentlighets- och sekretesslagen'];

async function output(args: string[]): Promise<string> {
  const out = await run([...args, '--archive', FIXTURE]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return out.stdout;
}

describe('digest and intro: confidential items and decisions by number, title and reason only', () => {
  it.each([
    ['digest', 'md', ['digest', '--municipality', 'Alsered', '--half', '2019H1']],
    ['digest', 'html', ['digest', '--municipality', 'Alsered', '--half', '2019H1', '--format', 'html']],
    ['intro', 'md', ['intro', '--network', 'ledning', '--as-of', '2019-04-30']],
    ['intro', 'html', ['intro', '--network', 'ledning', '--as-of', '2019-04-30', '--format', 'html']],
    ['intro --person', 'md', ['intro', '--network', 'ledning', '--as-of', '2019-04-30', '--person', 'anna-ahl']],
  ])('%s (%s)', async (_name, _format, args) => {
    const text = await output(args);
    for (const secret of SECRET_TEXTS) expect(text).not.toContain(secret);
    for (const reason of REASONS) expect(text).toContain(reason);
    expect(text).toContain('Lägesbild om hot mot förtroendevalda');
    // What is not confidential is still there.
    expect(text).toContain('att nästa möte hålls i Dalby.');
  });

  it('the digest shows the confidential item with its number and title and the reason in place of its summary', async () => {
    const text = await output(['digest', '--municipality', 'Alsered', '--half', '2019H1']);
    expect(text).toContain(
      '- **3. Lägesbild om hot mot förtroendevalda.** Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen.\n  - Beslut: Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen (ledning 2/2019 §3:1, att ta hem)\n',
    );
    expect(text).toContain('  - Beslut: Sekretess: 21 kap. 3 § offentlighets- och sekretesslagen (ledning 2/2019 §4:1)\n');
  });
});

describe('the half-year report is internal: it keeps the text and marks it', () => {
  it('shows the confidential item and decisions with the reason after them', async () => {
    const text = await output(['report', '--half', '2019H1']);
    expect(text).toContain(
      '- **3. Lägesbild om hot mot förtroendevalda.** Kommunpolisen beskrev hoten mot politiker i Björkvik under våren och vilka skyddsåtgärder som planeras. Sekretess: 18 kap. 13 § offentlighets- och sekretesslagen.\n',
    );
    expect(text).toContain(
      '  - Beslut: att notera att en tjänsteperson i Ekholm har skyddade personuppgifter. (Sekretess: 21 kap. 3 § offentlighets- och sekretesslagen) (ledning 2/2019 §4:1)\n',
    );
    // Marked at the top, under the networks line, before anyone passes it on.
    expect(text).toMatch(/^# .*\n\n.*\n\n.*\n\n\*\*Internt – innehåller uppgifter som inte publiceras\*\*\n/);
  });

  it('has no mark when nothing in it is confidential', async () => {
    // As of 1 March only the February meeting has been held, and nothing in it is secret.
    const text = await output(['report', '--half', '2019H1', '--as-of', '2019-03-01']);
    expect(text).toContain('1 möte hölls');
    expect(text).not.toContain('Internt');
  });
});
