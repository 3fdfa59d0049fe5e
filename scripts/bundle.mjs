/**
 * Bundles the compiled CLI (dist/cli/main.js) into dist/kd, which bin/kd.js
 * runs. Node 20 has no compile cache, and loading modules was most of a
 * `kd check` on a small archive: the unbundled CLI loads some 170 ES modules
 * for it, 95 of them zod's. Bundled, it loads about twenty files, and
 * `kd check` on the sample takes about 40 % less time (4.3× `node -e 0` to 2.5×).
 *
 * Only the packages every command starts with are bundled. The others
 * (remark, docx, pdfkit, mammoth, unpdf, …) are loaded from node_modules by
 * the commands that need them, as before: pdfkit, for one, reads its font
 * metrics from files beside its own code, which a bundle would not carry.
 * So is yaml, which kd loads only when a file needs it (archive/yaml-lib.ts).
 *
 * The output keeps dist/cli's depth below the package (dist/kd/*.js), so the
 * paths kd finds relative to its own code (package.json, templates/, the
 * site's worker beside the command) are the same bundled or not. The site's
 * worker is an entry of its own, in the same folder as the chunk that starts it.
 * dist/kd/meta.json says which source each output holds (for the tests).
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const top = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(top, 'dist', 'kd');
const BUNDLED = new Set(['zod', 'commander', 'chalk']);

/** The package a bare specifier names: `zod/v4/core` → `zod`, `@scope/x/y` → `@scope/x`. */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

rmSync(out, { recursive: true, force: true });
const result = await build({
  absWorkingDir: top,
  entryPoints: { main: 'dist/cli/main.js', 'site-worker': 'dist/cli/commands/site-worker.js' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  // Whitespace and syntax only: names stay as written, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  // A CommonJS dependency's require() needs a require in an ES module.
  banner: { js: "import { createRequire as kdCreateRequire } from 'node:module'; const require = kdCreateRequire(import.meta.url);" },
  plugins: [
    {
      name: 'kd-bundle',
      setup(b) {
        // zod's translations of its own messages (40 languages, half of zod's code): kd words every finding itself,
        // and zod's English, which it does use, is imported by zod apart from them.
        b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
          args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'kd-empty' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'kd-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
        // Bare specifiers of packages not bundled stay imports; `#x` is a package's own import map, resolved inside it.
        b.onResolve({ filter: /^[^./#]/ }, (args) =>
          args.path.startsWith('node:') || !BUNDLED.has(packageOf(args.path)) ? { external: true } : undefined,
        );
      },
    },
  ],
});

const inputs = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([file, o]) => [path.relative(out, path.resolve(top, file)), Object.keys(o.inputs).sort()]),
);
writeFileSync(path.join(out, 'meta.json'), `${JSON.stringify(inputs, null, 1)}\n`);
