import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from './helpers.js';

/**
 * Data flows one way: files → parse → validate → model → check/query →
 * render → cli. A module may import at run time only from its own layer or
 * one below; types may be named across (the catalogue words the model's
 * values), since they leave nothing behind at run time.
 */
const LEVEL: Record<string, number> = {
  core: 0,
  i18n: 0,
  archive: 1,
  schema: 1,
  model: 2,
  check: 3,
  query: 3,
  import: 4,
  render: 4,
  cli: 5,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

it('no module imports at run time from a layer above its own, nor archive and schema from each other', () => {
  const src = path.join(REPO, 'src');
  const wrong: string[] = [];
  for (const file of sources(src)) {
    const layer = path.relative(src, file).split(path.sep)[0]!;
    const text = readFileSync(file, 'utf8');
    const imports = [
      ...[...text.matchAll(/^import\s+(?!type\s)[^;]*?\sfrom\s+'(\.[^']+)'/gms)].map((m) => m[1]!),
      ...[...text.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => m[1]!),
    ];
    for (const spec of imports) {
      const target = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep)[0]!;
      if (target === layer) continue;
      if (LEVEL[target]! > LEVEL[layer]! || (LEVEL[target] === LEVEL[layer] && LEVEL[layer] !== 0))
        wrong.push(`${path.relative(src, file)} → ${spec}`);
    }
  }
  expect(wrong).toEqual([]);
  // The layers named are the folders there are: a new folder needs its place decided.
  expect(readdirSync(src).sort()).toEqual(Object.keys(LEVEL).sort());
});
