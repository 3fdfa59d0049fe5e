import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import { KdError } from '../core/errors.js';
import { resolveInside } from './paths.js';

/** kd's own templates, shipped with the package. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The largest template kd renders, and how deep its sections may nest. */
const MAX_TEMPLATE = 64 * 1024;
const MAX_DEPTH = 6;

/**
 * Templates are logic-less and bounded: no partials, no change of
 * delimiters, a size cap, and no section inside a section of the same name
 * (a list inside itself multiplies the work with every level), so that no
 * template (they come with the archive, from pull requests) can make
 * rendering run away.
 */
export function boundedTemplate(text: string, file: string): void {
  if (text.length > MAX_TEMPLATE) throw new KdError('template-invalid', { file, found: `${Math.ceil(text.length / 1024)} kB` });
  let tokens: unknown[];
  try {
    tokens = Mustache.parse(text) as unknown[];
  } catch (error) {
    throw new KdError('template-invalid', { file, found: (error as Error).message.split('\n')[0]! });
  }
  const walk = (list: unknown[], open: string[]): void => {
    for (const token of list as [string, string, number, number, unknown[]?][]) {
      const [type, value] = token;
      if (type === '>' || type === '=') throw new KdError('template-invalid', { file, found: `{{${type} ${value}}}` });
      if (type === '#' || type === '^') {
        if (open.length + 1 > MAX_DEPTH || open.includes(value))
          throw new KdError('template-invalid', { file, found: `{{${type}${value}}}` });
        walk(token[4] ?? [], [...open, value]);
      }
    }
  };
  walk(tokens, []);
}

/**
 * A template by name and language: the archive's own `templates/` first (so
 * a secretariat can change the wording without touching kd), then kd's.
 */
export async function readTemplate(root: string, name: string, lang: string): Promise<string> {
  const file = `${name}.${lang}.md`;
  // The archive's own template is read only if it really is inside the archive (a link to a secret is refused).
  const own = await resolveInside(root, `templates/${file}`);
  for (const candidate of [own, path.join(BUILTIN_TEMPLATES, file)]) {
    if (candidate === undefined) throw new KdError('path-outside', { path: `templates/${file}` });
    let text: string;
    try {
      text = await readFile(candidate, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      throw new KdError('template-invalid', { file: `templates/${file}`, found: code ?? String(error) });
    }
    boundedTemplate(text, candidate === own ? `templates/${file}` : file);
    return text;
  }
  throw new Error(`template ${file} is missing from ${BUILTIN_TEMPLATES}`);
}
