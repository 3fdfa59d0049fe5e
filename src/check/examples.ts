/**
 * The small archive every rule example is laid over: one deciding network
 * of three municipal directors and a secretary, with personal substitutes,
 * and one approved protocol. It passes kd check; an example replaces or adds
 * the files it is about (archive-relative path → text).
 */
export const EXAMPLE_ARCHIVE: Readonly<Record<string, string>> = {
  'kd.yml': `organisation: Mellanbygdens kommuner
municipalities: [Alby, Berga, Dalsjö]
default_network: ledning
`,
  'people.yml': `astrid-alm: { name: Astrid Alm, municipality: Alby }
bertil-bok: { name: Bertil Bok, municipality: Berga }
doris-dal: { name: Doris Dal, municipality: Dalsjö }
erik-ek: { name: Erik Ek, municipality: Dalsjö }
sara-sund: { name: Sara Sund, organisation: Mellanbygdens kommuner }
`,
  'networks/ledning/network.yml': `name: Kommundirektörsgruppen
mission: Samordnar kommunernas gemensamma frågor.
decides: true
substitutes: personal
roster:
  - { person: astrid-alm, from: 2023-01-01, role: chair }
  - { person: bertil-bok, from: 2023-01-01 }
  - { person: doris-dal, from: 2023-01-01, substitute: erik-ek }
  - { person: sara-sund, from: 2023-01-01, role: secretary }
`,
  'networks/ledning/protocols/2024/2024-02-08-1.md': `---
network: ledning
number: 1
date: 2024-02-08
time: "09:00-11:30"
place: Kommunhuset, Alby
kind: protokoll
status: justerat
chair: astrid-alm
secretary: sara-sund
attendance:
  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]
items:
  - no: 1
    title: Gemensam upphandling
    decisions:
      - text: att sekretariatet tar fram ett förslag till avtal.
        owner: sara-sund
        due: 2024-04-30
---

## 1. Gemensam upphandling

Gruppen diskuterade en gemensam upphandling av larmtjänster.
`,
};

/** The path of the example archive's protocol, for examples that change it. */
export const EXAMPLE_PROTOCOL = 'networks/ledning/protocols/2024/2024-02-08-1.md';

/** The example archive's protocol with its attendance lines (the lines under `attendance:`) replaced. */
export function protocolWith(attendance: string): string {
  const text = EXAMPLE_ARCHIVE[EXAMPLE_PROTOCOL]!;
  return text.replace('  present: [astrid-alm, bertil-bok, doris-dal, sara-sund]', attendance);
}
