import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** kd's own templates, shipped with the package. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * A template by name and language: the archive's own `templates/` first (so
 * a secretariat can change the wording without touching kd), then kd's.
 */
export async function readTemplate(root: string, name: string, lang: string): Promise<string> {
  const file = `${name}.${lang}.md`;
  for (const dir of [path.join(root, 'templates'), BUILTIN_TEMPLATES]) {
    try {
      return await readFile(path.join(dir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`template ${file} is missing from ${BUILTIN_TEMPLATES}`);
}
