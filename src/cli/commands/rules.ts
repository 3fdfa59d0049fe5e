import { allRules } from '../../check/rules.js';
import { closest } from '../../core/closest.js';
import { KdError } from '../../core/errors.js';
import { isLang, type Lang } from '../../i18n/index.js';
import { RULES_FORMATS } from '../../render/formats.js';
import { explainRule, rulesReporters } from '../../render/rules.js';
import { argument, defineCommand } from '../command.js';
import { chalkFor } from '../io.js';
import { formatOption } from '../options.js';

/** These read no archive: --lang, then KD_LANG, then Swedish. */
const langOf = (lang: Lang | undefined, env: Record<string, string | undefined>): Lang =>
  lang ?? (isLang(env.KD_LANG) ? env.KD_LANG : 'sv');

/** Every rule of kd check, with its severities and what it checks. */
export const rulesCommand = defineCommand('rules', 'rules', {
  options: [formatOption(RULES_FORMATS, 'text')],
  async run({ format, lang, color }, io) {
    io.stdout.write(await rulesReporters[format](allRules, { lang: langOf(lang, io.env), chalk: chalkFor(io.stdout, io.env, color) }));
    return 0;
  },
});

/** What one rule checks, the findings it gives, and its examples with what kd check says of them. */
export const explainCommand = defineCommand('explain', 'explain', {
  arguments: [argument('<rule>', 'commands.explainRule')],
  async run({ rule: id, lang }, io) {
    const rule = allRules.find((r) => r.id === id);
    if (!rule)
      throw new KdError('unknown-rule', {
        id,
        known: closest(
          id,
          allRules.map((r) => r.id),
        ).join(', '),
      });
    io.stdout.write(explainRule(rule, langOf(lang, io.env)));
    return 0;
  },
});
