import { bodyRule, frontMatterRule } from '../archive/frontmatter.js';
import { fileRule } from '../archive/read.js';
import { yamlSlipRule } from '../archive/slips.js';
import { yamlAliasRule, yamlSyntaxRule } from '../archive/yaml.js';
import type { RuleInfo } from '../core/rule.js';
import { encodingRule, todoRule } from '../model/file.js';
import type { Archive } from '../model/index.js';
import { schemaRule } from '../model/validate.js';
import { approvalRecord, frozenProtocol } from './history.js';
import { archiveRules } from './index.js';

/**
 * Every rule of kd check, in the order a file meets them: reading, YAML,
 * schema, the text, history, then the rules over the whole archive. The
 * rule tester, `kd rules`, `kd explain` and the README's table read this list.
 */
export const allRules: readonly RuleInfo<Archive>[] = [
  fileRule,
  encodingRule,
  frontMatterRule,
  yamlSyntaxRule,
  yamlSlipRule,
  yamlAliasRule,
  schemaRule,
  bodyRule,
  todoRule,
  frozenProtocol,
  approvalRecord,
  ...archiveRules,
];
