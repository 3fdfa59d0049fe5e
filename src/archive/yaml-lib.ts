import { createRequire } from 'node:module';

/**
 * The yaml package, loaded the first time a file needs it. kd reads clean
 * front matter with its own fast reader (fast-yaml.ts); the yaml package is
 * for what that reader hands on, for places in findings and for edits. Not
 * loading it saves a tenth of `kd check` on a small archive. It is required
 * (the package is CommonJS), so the readers that need it stay synchronous,
 * and this one copy is the one an `import from 'yaml'` elsewhere gets.
 */
type Yaml = typeof import('yaml');

let lib: Yaml | undefined;

export function yamlLib(): Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as Yaml;
  return lib;
}
