import type { ChalkInstance } from 'chalk';
import type { PhrasingContent, RootContent } from 'mdast';
import type { Example, RuleInfo } from '../core/rule.js';
import { catalogue, formatMessage, type Lang, type MessageKey } from '../i18n/index.js';
import type { RulesFormat } from './formats.js';
import { md, renderMarkdown } from './markdown.js';
import { json, type Reporter } from './reporter.js';
import { renderTextTable, type Table } from './table.js';

type AnyRule = RuleInfo<never>;

/** Text with `code` spans, as the catalogue writes rule descriptions. */
function inline(text: string): PhrasingContent[] {
  return text
    .split('`')
    .flatMap((part, i): PhrasingContent[] => (part === '' ? [] : [i % 2 === 1 ? md.code(part) : { type: 'text', value: part }]));
}

/** The severities a rule's messages have, in words: "fel", "varning" or "fel, varning". */
function severities(rule: AnyRule, lang: Lang): string {
  const words = catalogue(lang).ui.severity;
  const used = new Set(Object.values(rule.messages));
  return (['error', 'warning'] as const)
    .filter((s) => used.has(s))
    .map((s) => words[s])
    .join(', ');
}

/** One row a rule: its id, its severities and its title, for `kd rules`. */
export function rulesTable(rules: readonly AnyRule[], lang: Lang): Table {
  const c = catalogue(lang);
  return {
    columns: [{ title: c.ruleDocs.columns.rule }, { title: c.ruleDocs.columns.severity }, { title: c.ruleDocs.columns.checks }],
    rows: rules.map((r) => [r.id, severities(r, lang), c.rules[r.id].title]),
  };
}

/** The README's rule table: each rule with what it checks, generated so that it cannot drift from the rules. */
export function rulesMarkdown(rules: readonly AnyRule[], lang: Lang): string {
  const c = catalogue(lang);
  const row = (cells: PhrasingContent[][]) => ({
    type: 'tableRow' as const,
    children: cells.map((children) => ({ type: 'tableCell' as const, children })),
  });
  const warnsOnly = (r: AnyRule) => Object.values(r.messages).every((s) => s === 'warning');
  return renderMarkdown(
    [
      {
        type: 'table',
        align: [null, null],
        children: [
          row([[{ type: 'text', value: c.ruleDocs.columns.rule }], [{ type: 'text', value: c.ruleDocs.columns.checks }]]),
          ...rules.map((r) =>
            row([
              [md.code(r.id), ...(warnsOnly(r) ? [{ type: 'text' as const, value: ` (${c.ruleDocs.warningOnly})` }] : [])],
              inline(c.rules[r.id].description),
            ]),
          ),
        ],
      },
    ],
    { alignTables: false },
  );
}

function exampleBlocks(example: Example, lang: Lang): RootContent[] {
  const c = catalogue(lang).ruleDocs;
  const fence = (file: string, text: string): RootContent => ({
    type: 'code',
    lang: file.endsWith('.md') ? 'markdown' : 'yaml',
    value: text.replace(/\n$/, ''),
  });
  return [
    ...Object.entries(example.committed ?? {}).flatMap(([file, text]) =>
      text === null ? [] : [md.paragraph(c.committed({ file })), fence(file, text)],
    ),
    ...Object.entries(example.files).flatMap(([file, text]) =>
      text === null ? [md.paragraph(c.removed({ file }))] : [md.paragraph(c.file({ file })), fence(file, text)],
    ),
  ];
}

/** What a rule checks, the findings it can give, and its examples with what kd check says of them: `kd explain RULE`. */
export function explainRule(rule: AnyRule, lang: Lang): string {
  const cat = catalogue(lang);
  const c = cat.ruleDocs;
  const said = new Map<MessageKey, string>();
  for (const e of rule.examples.notOk) for (const f of e.findings) if (!said.has(f.key)) said.set(f.key, formatMessage(lang, f));
  return renderMarkdown([
    md.heading(1, `${rule.id}: ${cat.rules[rule.id].title}`),
    { type: 'paragraph', children: inline(cat.rules[rule.id].description) },
    md.heading(2, c.messages),
    md.list(
      (Object.entries(rule.messages) as [MessageKey, 'error' | 'warning'][]).map(([key, severity]) => [
        md.code(key),
        ` (${cat.ui.severity[severity]})${said.has(key) ? `: ${said.get(key)}` : ''}`,
      ]),
    ),
    ...rule.examples.notOk.flatMap((e) => [
      md.heading(2, c.notOk),
      ...exampleBlocks(e, lang),
      md.paragraph(c.gives),
      md.list(
        e.findings.map((f) => [
          `${f.file}:${f.line}:${f.column} ${cat.ui.severity[rule.messages[f.key] ?? 'error']}: ${formatMessage(lang, f)}`,
        ]),
      ),
    ]),
    ...rule.examples.ok.flatMap((e) => [md.heading(2, c.ok), ...exampleBlocks(e, lang)]),
  ]);
}

/** `kd rules` in each format: a terminal table, the README's Markdown table, or JSON with every rule's messages and severities. */
export const rulesReporters: Record<RulesFormat, Reporter<readonly AnyRule[], { lang: Lang; chalk: ChalkInstance }>> = {
  text: (rules, { lang, chalk }) => renderTextTable(rulesTable(rules, lang), chalk),
  md: (rules, { lang }) => rulesMarkdown(rules, lang),
  json: (rules, { lang }) =>
    json(
      rules.map((r) => ({
        id: r.id,
        title: catalogue(lang).rules[r.id].title,
        description: catalogue(lang).rules[r.id].description,
        messages: r.messages,
      })),
    ),
};
