import Mustache from 'mustache';
import { isMap, isScalar, isSeq, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { frontMatterText } from '../archive/edit.js';
import { catalogue, type Lang } from '../i18n/index.js';
import type { Archive } from '../model/index.js';
import type { ProtocolPlan } from '../query/plan.js';

export interface Scaffold {
  /** Archive-relative path of the new protocol. */
  file: string;
  text: string;
}

/**
 * The text of a new protocol: front matter serialised by `yaml` from data
 * (quoting is right by construction), the body from a Mustache template the
 * secretariat can edit. Output is Markdown, so nothing is HTML-escaped.
 */
export function renderScaffold(archive: Archive, plan: ProtocolPlan, template: string, lang: Lang): Scaffold {
  const c = catalogue(lang).scaffold;
  const net = plan.network;
  const followUp = { no: 1, title: c.followUpTitle };
  const items = [followUp, ...plan.agenda.map((title, i) => ({ no: i + 2, title }))];
  const year = plan.date.slice(0, 4);
  const file = `networks/${net.id}/protocols/${year}/${plan.date}-${plan.number}.md`;

  const data: Record<string, unknown> = {
    network: net.id,
    number: plan.number,
    date: plan.date,
    time: plan.time,
    place: plan.place,
    kind: plan.kind,
    status: 'utkast',
    ...(plan.chair !== undefined ? { chair: plan.chair } : {}),
    ...(plan.secretary !== undefined ? { secretary: plan.secretary } : {}),
    ...(plan.theme !== undefined ? { theme: plan.theme } : {}),
    attendance: { present: plan.members.map((m) => m.person), partial: [], remote: [], substitutes: [], regrets: [], absent: [] },
    guests: [],
    items: items.map((i) => ({ no: i.no, title: i.title })),
  };
  const frontMatter = frontMatterText(data, (doc) => {
    // Times are quoted so that a YAML 1.1 reader never takes 17:45 for a number.
    const time = doc.get('time', true);
    if (isScalar(time)) time.type = Scalar.QUOTE_DOUBLE;
    const attendance = doc.get('attendance') as YAMLMap;
    for (const pair of attendance.items) {
      const list = pair.value as YAMLSeq;
      if (isSeq(list) && list.items.length === 0) list.flow = true;
    }
    const present = attendance.get('present') as YAMLSeq<Scalar>;
    plan.members.forEach((m, i) => {
      const node = present.items[i]!;
      const name = archive.people?.[m.person]?.name ?? m.person;
      node.comment = ` ${name}${m.acting ? `, ${c.acting}` : ''}`;
    });
    (doc.get('guests') as YAMLSeq).flow = true;
    const followUpNode = (doc.get('items') as YAMLSeq).items[0];
    if (isMap(followUpNode) && plan.open.length > 0) {
      // No space after the second line's #: removing the # as the hint says leaves the key at the item's indentation.
      followUpNode.comment = ` ${c.followsUpHint}\nfollows_up: [${plan.open.map((o) => JSON.stringify(o.assignment.id)).join(', ')}]`;
    }
  });

  const view = {
    frontMatter,
    networkName: net.config?.name ?? net.id,
    kindTitle: c.kindTitle[plan.kind],
    number: plan.number,
    year,
    items: items.map((i) => ({
      ...i,
      followUp: i === followUp,
      hasOpen: plan.open.length > 0,
      open: plan.open.map(({ assignment: a, overdue }) => ({
        id: a.id,
        text: a.text,
        owner: archive.people?.[a.owner]?.name ?? a.owner,
        due: a.due,
        overdue,
      })),
    })),
  };
  const text = Mustache.render(template, view, {}, { escape: (s: string) => s });
  return { file, text: text.replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n') };
}
