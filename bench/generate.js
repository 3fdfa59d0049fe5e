#!/usr/bin/env node
// Deterministic synthetic archive for the benchmark: 20 networks, rosters of
// about 15 that change over the years, protocols of 3–6 KB with every kind
// of attendance, six items, decisions, assignments and follow-ups.
// Usage: node bench/generate.js --out DIR --protocols N [--seed S]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function generate({ out, protocols, seed = 1 }) {
  let state = seed >>> 0 || 1;
  const rand = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];

  const MUNICIPALITIES = [
    'Ale',
    'Alingsås',
    'Bjuv',
    'Bromölla',
    'Båstad',
    'Eslöv',
    'Falkenberg',
    'Halmstad',
    'Helsingborg',
    'Hässleholm',
    'Höganäs',
    'Hörby',
    'Höör',
    'Klippan',
    'Kristianstad',
    'Landskrona',
    'Lerum',
    'Lund',
    'Malmö',
    'Osby',
    'Perstorp',
    'Simrishamn',
    'Svalöv',
    'Tomelilla',
    'Trelleborg',
    'Ystad',
    'Åstorp',
    'Älmhult',
    'Ängelholm',
    'Örkelljunga',
  ];
  const FIRST = [
    'Anna',
    'Erik',
    'Karin',
    'Lars',
    'Maria',
    'Johan',
    'Eva',
    'Per',
    'Sara',
    'Olof',
    'Lena',
    'Mats',
    'Ingrid',
    'Nils',
    'Helena',
    'Anders',
    'Sofia',
    'Gustav',
    'Elin',
    'Björn',
    'Åsa',
    'Örjan',
    'Linnéa',
    'Jörgen',
  ];
  const LAST = [
    'Andersson',
    'Berg',
    'Dahl',
    'Ek',
    'Forsberg',
    'Holm',
    'Lind',
    'Lundqvist',
    'Nyström',
    'Sjöberg',
    'Strand',
    'Wallin',
    'Åberg',
    'Öberg',
    'Hägg',
    'Månsson',
    'Bergström',
    'Karlsson',
    'Persson',
    'Engström',
  ];
  const TOPICS = [
    'kompetensförsörjning',
    'digitalisering',
    'näringsliv',
    'kollektivtrafik',
    'miljö och klimat',
    'socialtjänst',
    'skola',
    'äldreomsorg',
    'samhällsbyggnad',
    'kultur',
    'folkhälsa',
    'upphandling',
    'ekonomi',
    'personal',
    'kommunikation',
    'säkerhet',
    'turism',
    'bostäder',
    'integration',
    'vatten och avlopp',
  ];
  const ITEMS = [
    'Budget och ekonomi',
    'Gemensam upphandling',
    'Rapport från arbetsgruppen',
    'Remiss från regionen',
    'Verksamhetsplan',
    'Omvärldsbevakning',
    'Kommande konferens',
    'Uppföljning av nyckeltal',
    'Information från förbundet',
    'Samverkansavtal',
    'Övriga frågor',
  ];
  const WORDS =
    'nätverket diskuterade läget i kommunerna och konstaterade att arbetet går enligt plan men att flera frågor återstår innan beslut kan fattas gemensamt sekretariatet redogjorde för underlaget och svarade på frågor från ledamöterna om tidplan kostnader och ansvarsfördelning mellan kommunerna regionen och förbundet'.split(
      ' ',
    );
  const sentence = () => {
    const n = 10 + Math.floor(rand() * 14);
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const pad = (n) => String(n).padStart(2, '0');

  rmSync(out, { recursive: true, force: true });
  const write = (rel, text) => {
    const file = path.join(out, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };

  const people = new Map();
  let serial = 0;
  const person = (municipality) => {
    serial++;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const id = `p${String(serial).padStart(5, '0')}`;
    people.set(id, { name, municipality });
    return id;
  };
  const secretariat = [];
  for (let i = 0; i < 5; i++) {
    serial++;
    const id = `s${pad(i)}`;
    people.set(id, { name: `${pick(FIRST)} ${pick(LAST)}`, organisation: 'Förbundet' });
    secretariat.push(id);
  }

  const NETWORKS = 20;
  const perNetwork = Math.ceil(protocols / NETWORKS);
  const years = Math.max(1, Math.ceil(perNetwork / 10));
  const firstYear = 2030 - years;
  let written = 0;
  for (let n = 0; n < NETWORKS; n++) {
    const id = `net-${pad(n + 1)}`;
    const decides = n % 4 !== 3;
    const seats = 14 + Math.floor(rand() * 3);
    // Each seat is a municipality; every third year a third of the seats get a new member.
    const roster = [];
    const seatMunicipality = Array.from({ length: seats }, (_, i) => MUNICIPALITIES[(i + n) % MUNICIPALITIES.length]);
    const holders = seatMunicipality.map((m) => person(m));
    const termStart = holders.map(() => `${firstYear}-01-01`);
    const secretary = secretariat[n % secretariat.length];
    roster.push({ person: secretary, from: `${firstYear}-01-01`, role: 'secretary' });
    const chairSeat = 0;
    for (let y = firstYear; y < firstYear + years; y++) {
      if (y > firstYear && (y - firstYear) % 3 === 0) {
        for (let s = 1; s < seats; s += 3) {
          roster.push({ person: holders[s], from: termStart[s], to: `${y - 1}-12-31` });
          holders[s] = person(seatMunicipality[s]);
          termStart[s] = `${y}-01-01`;
        }
      }
    }
    holders.forEach((h, s) => roster.push({ person: h, from: termStart[s], ...(s === chairSeat ? { role: 'chair' } : {}) }));
    const membersOn = (date) => roster.filter((m) => m.from <= date && (m.to === undefined || date <= m.to));

    const netYml = [
      `name: Nätverket för ${TOPICS[n % TOPICS.length]}`,
      `mission: Nätverket samordnar kommunernas arbete med ${TOPICS[n % TOPICS.length]}.`,
      `decides: ${decides}`,
      'substitutes: any',
      'roster:',
      ...roster.map(
        (m) => `  - { person: ${m.person}, from: ${m.from}${m.to ? `, to: ${m.to}` : ''}${m.role ? `, role: ${m.role}` : ''} }`,
      ),
      '',
    ].join('\n');
    write(`networks/${id}/network.yml`, netYml);

    const calendar = ['meetings:'];
    let previousAssignment;
    let count = 0;
    for (let y = firstYear; y < firstYear + years && written < protocols; y++) {
      const months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11];
      for (let k = 0; k < 10 && count < perNetwork && written < protocols; k++) {
        const date = `${y}-${pad(months[k])}-${pad(10 + ((n + k) % 15))}`;
        const number = k + 1;
        const members = membersOn(date);
        const chair = members.find((m) => m.role === 'chair').person;
        const cats = { present: [], partial: [], remote: [], substitutes: [], regrets: [], absent: [] };
        for (const m of members) {
          if (m.person === chair || m.person === secretary) {
            cats.present.push(m.person);
            continue;
          }
          const r = rand();
          if (r < 0.78) cats.present.push(m.person);
          else if (r < 0.83)
            cats.partial.push(rand() < 0.5 ? `{ person: ${m.person}, until: "11:00" }` : `{ person: ${m.person}, items: "1-3" }`);
          else if (r < 0.87) cats.remote.push(m.person);
          else if (r < 0.9) cats.substitutes.push(`{ for: ${m.person}, person: ${secretariat[(n + 1) % secretariat.length]} }`);
          else if (r < 0.96) cats.regrets.push(m.person);
          else cats.absent.push(m.person);
        }
        // One substitute person can only stand in once per meeting.
        cats.substitutes = cats.substitutes.slice(0, 1);
        const substituted = new Set(cats.substitutes.map((s) => s.split(' ')[2].replace(',', '')));
        for (const m of members) {
          const listed =
            [...cats.present, ...cats.remote, ...cats.regrets, ...cats.absent].includes(m.person) ||
            cats.partial.some((p) => p.includes(`${m.person},`)) ||
            substituted.has(m.person);
          if (!listed) cats.regrets.push(m.person);
        }
        const key = decides ? 'decisions' : 'agreements';
        const titles = ['Uppföljning av uppdrag', ...Array.from({ length: 5 }, (_, i) => ITEMS[(k + i + n) % ITEMS.length])];
        const nextDate = `${y}-${pad(Math.min(months[k] + 1, 12))}-28`;
        const owner = members.find((m) => m.person !== secretary && m.person !== chair)?.person ?? chair;
        const items = titles.map((title, i) => {
          const lines = [`  - no: ${i + 1}`, `    title: ${title}`];
          if (i === 0 && previousAssignment) lines.push(`    follows_up: ["${previousAssignment}"]`);
          lines.push(`    ${key}:`);
          if (i === 1)
            lines.push(
              `      - { text: att ${people.get(owner).name} tar fram ett underlag till nästa möte., owner: ${owner}, due: ${nextDate} }`,
            );
          lines.push(`      - att ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} noteras.`);
          return lines.join('\n');
        });
        previousAssignment = `${id} ${number}/${y} §2:1`;
        const fm = [
          '---',
          `network: ${id}`,
          `number: ${number}`,
          `date: ${date}`,
          'time: "09:00-12:00"',
          `place: Kommunhuset, ${seatMunicipality[k % seats]}`,
          `kind: ${decides ? 'protokoll' : 'anteckningar'}`,
          `status: ${k === 9 ? 'utkast' : 'justerat'}`,
          `chair: ${chair}`,
          `secretary: ${secretary}`,
          ...(k % 3 === 0 ? [`theme: ${TOPICS[(k + n) % TOPICS.length]}`] : []),
          'attendance:',
          ...Object.entries(cats)
            .filter(([, v]) => v.length > 0)
            .map(([c, v]) => `  ${c}: [${v.join(', ')}]`),
          ...(k % 4 === 0
            ? ['guests:', `  - { name: ${pick(FIRST)} ${pick(LAST)}, organisation: Regionen, role: Strateg, items: [2] }`]
            : []),
          'items:',
          ...items,
          '---',
          '',
        ].join('\n');
        const target = 3000 + Math.floor(rand() * 3000);
        let body = `# Protokoll ${number}/${y}\n\n`;
        titles.forEach((title, i) => {
          body += `## ${i + 1}. ${title}\n\n`;
          const paragraphs = 1 + Math.floor(rand() * 2);
          for (let p = 0; p < paragraphs; p++) body += `${Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' ')}\n\n`;
        });
        while (fm.length + body.length < target) body += `${sentence()}\n\n`;
        write(`networks/${id}/protocols/${y}/${date}-${number}.md`, fm + body);
        calendar.push(`  - { date: ${date}, time: "09:00-12:00", place: "Kommunhuset, ${seatMunicipality[k % seats]}" }`);
        written++;
        count++;
      }
    }
    write(`networks/${id}/calendar.yml`, `${calendar.join('\n')}\n`);
  }
  write('kd.yml', `organisation: Syntetiska förbundet\nlocale: sv\nmunicipalities: [${MUNICIPALITIES.join(', ')}]\n`);
  write(
    'people.yml',
    `${[...people]
      .map(
        ([id, p]) =>
          `${id}: { name: ${p.name}, ${p.municipality ? `municipality: ${p.municipality}` : `organisation: ${p.organisation}`} }`,
      )
      .join('\n')}\n`,
  );
  return { protocols: written, networks: NETWORKS, people: people.size, firstYear, years };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const result = generate({
    out: path.resolve(arg('out', 'bench/archive')),
    protocols: Number(arg('protocols', 1000)),
    seed: Number(arg('seed', 1)),
  });
  console.log(JSON.stringify(result));
}
