// The floor: a Node script that only reads every file of the archive.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

async function walk(dir) {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += await walk(p);
    else {
      await readFile(p);
      n++;
    }
  }
  return n;
}
console.log(await walk(process.argv[2]));
