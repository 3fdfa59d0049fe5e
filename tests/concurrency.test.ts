import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sv } from '../src/i18n/sv.js';
import { archiveWith, findings, gitdir, MINI, REPO, run } from './helpers.js';

/**
 * Several kd processes against one archive at once, and runs that die
 * midway. Real processes of the built CLI (bin/kd.js over dist/, built by
 * `tsc -p tsconfig.json` before the tests). Every assertion is about an
 * outcome (exit codes, files, sentences), never about timing.
 */

const BIN = path.join(REPO, 'bin', 'kd.js');
const HOST = os.hostname();
const REG = path.join(REPO, 'tests', 'fixtures', 'registers');
const NEW = ['new-protocol', '--date', '2020-01-09', '--time', '09:00-12:00', '--place', 'Bjuv'];

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `node bin/kd.js …` in `cwd`; resolves when it has ended. */
function kd(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    // These archives are temporary folders outside git: the CI variable of the run that tests kd would make
    // kd check demand the history rule (exit 2), which is not what these tests are about.
    const { CI: _ci, ...inherited } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...inherited, KD_CACHE: 'off', KD_LANG: 'sv', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The pid of a process that has ended: nothing on this host has it now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

const started = (msAgo = 0) => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');
const lockText = (pid: number, host: string, when: string) => `${JSON.stringify({ pid, host, started: when })}\n`;

/** Every file under `dir` (archive-relative, forward slashes), dot-files included. */
async function allFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await allFiles(dir, r)));
    else out.push(r);
  }
  return out.sort();
}

const leftovers = async (root: string) => (await allFiles(root)).filter((f) => /(^|\/)\.kd-tmp-|^\.kd\.lock$/.test(f));
const errors = async (root: string) => (await findings(root)).filter((f) => f.severity === 'error');

describe('two writers at once', () => {
  it('two kd new-protocol in a new year: each one that says it wrote has its file, the year folder stays, kd check finds nothing new', async () => {
    const dry = await run([...NEW, '--dry-run'], { cwd: await archiveWith(MINI) });
    expect(dry.code).toBe(0);
    const file = 'networks/grupp/protocols/2020/2020-01-09-1.md';
    const second = 'networks/grupp/protocols/2020/2020-01-09-2.md';
    for (let i = 0; i < 10; i++) {
      const root = await archiveWith(MINI);
      const before = await errors(root);
      const runs = await Promise.all([kd(root, NEW), kd(root, NEW)]);
      const written: string[] = [];
      for (const r of runs) {
        if (r.code === 0) {
          // The one that wrote first has the meeting as planned; one that read the archive after it is numbered after it.
          const shown = /^Skapade (.+)\n/.exec(r.stdout)?.[1];
          expect([file, second]).toContain(shown);
          expect(existsSync(path.join(root, shown!))).toBe(true);
          written.push(shown!);
        } else {
          // Planned from the same reading as the other: it refuses to replace the other's file.
          expect(r.code).toBe(1);
          expect(r.stderr).toBe(`kd: ${sv.cli.errors['file-exists']({ file })}\n`);
        }
      }
      expect(written).toContain(file);
      expect(new Set(written).size).toBe(written.length);
      expect(await readFile(path.join(root, file), 'utf8')).toBe(dry.stdout);
      expect((await readdir(path.join(root, 'networks/grupp/protocols/2020'))).sort()).toEqual(written.map((w) => path.basename(w)).sort());
      expect(await errors(root)).toEqual(before);
      expect(await leftovers(root)).toEqual([]);
    }
  }, 180_000);

  it('two kd new-protocol with different dates in one year never share a number: planned again under the lock', async () => {
    for (let i = 0; i < 5; i++) {
      const root = await archiveWith(MINI);
      const before = await errors(root);
      const early = NEW.map((a) => (a === '2020-01-09' ? '2020-01-09' : a));
      const late = NEW.map((a) => (a === '2020-01-09' ? '2020-02-13' : a));
      const runs = await Promise.all([kd(root, early), kd(root, late)]);
      const files = (await readdir(path.join(root, 'networks/grupp/protocols/2020'))).sort();
      const numbers = files.map((f) => /-(\d+)\.md$/.exec(f)![1]);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const r of runs) {
        // The earlier meeting after the later one was written: refused, as numbers follow dates.
        if (r.code !== 0) expect(r.stderr).toMatch(/^kd: Mötet 2020-01-09 ligger före /);
      }
      expect(await errors(root)).toEqual(before);
      expect(await leftovers(root)).toEqual([]);
    }
  }, 120_000);

  it('two kd import --add-people of different files at once: both new people are in people.yml', async () => {
    const meeting = (date: string, extra: string) =>
      `Minnesanteckningar\n\nDatum: ${date}\nTid: kl 9-12\nPlats: Bjuv\n\nNärvarande: Anna Ahl, Bjuv, Siv Sekr${extra}\n\n1. Läget\n\nBeslut: att notera läget.\n`;
    for (let i = 0; i < 5; i++) {
      const root = await archiveWith(MINI, {
        // A second network, so that the two drafts never compete for a number.
        'networks/natverk/network.yml':
          'name: Nätverket\nmission: Prov.\ndecides: false\nsubstitutes: none\nroster:\n  - { person: anna-ahl, from: 2018-01-01 }\n  - { person: siv-sekr, from: 2018-01-01, role: secretary }\n',
        'in/a.txt': meeting('2019-03-14', ', Øjvind Bæk, Regionen'),
        'in/b.txt': meeting('2019-04-11', ', Frida Fisk, Åstorp'),
      });
      const [a, b] = await Promise.all([
        kd(root, ['import', 'in/a.txt', '--network', 'grupp', '--add-people']),
        kd(root, ['import', 'in/b.txt', '--network', 'natverk', '--add-people']),
      ]);
      expect([a.code, a.stderr]).toEqual([0, '']);
      expect([b.code, b.stderr]).toEqual([0, '']);
      const people = await readFile(path.join(root, 'people.yml'), 'utf8');
      expect(people).toContain('ojvind-baek: { name: Øjvind Bæk, organisation: Regionen }\n');
      expect(people).toContain('frida-fisk: { name: Frida Fisk, municipality: Åstorp }\n');
      expect(existsSync(path.join(root, 'networks/grupp/protocols/2019/2019-03-14-3.md'))).toBe(true);
      expect(existsSync(path.join(root, 'networks/natverk/protocols/2019/2019-04-11-1.md'))).toBe(true);
      expect(await leftovers(root)).toEqual([]);
    }
  }, 120_000);
});

describe('the archive lock', () => {
  it('a live lock (this test’s process) makes a writer wait, then stop with a sentence naming the holder, exit 2, writing nothing', async () => {
    const root = await archiveWith(MINI);
    const when = started();
    const lock = lockText(process.pid, HOST, when);
    await writeFile(path.join(root, '.kd.lock'), lock);
    const out = await kd(root, NEW, { KD_LOCK_WAIT_MS: '300' });
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      `kd: Arkivet skrivs av en annan körning av kd (process ${process.pid} på ${HOST}, startad ${when}); försök igen när den är klar, eller ta bort .kd.lock om den processen inte längre finns.\n`,
    );
    expect(await readFile(path.join(root, '.kd.lock'), 'utf8')).toBe(lock);
    expect(existsSync(path.join(root, 'networks/grupp/protocols/2020'))).toBe(false);
  });

  it('says the same in English with --lang en', async () => {
    const root = await archiveWith(MINI);
    const when = started();
    await writeFile(path.join(root, '.kd.lock'), lockText(process.pid, HOST, when));
    const out = await kd(root, ['--lang', 'en', ...NEW], { KD_LOCK_WAIT_MS: '0' });
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      `kd: The archive is being written by another run of kd (process ${process.pid} on ${HOST}, started ${when}); try again when it is done, or remove .kd.lock if that process no longer exists.\n`,
    );
  });

  it('a lock from another host is respected while it is young', async () => {
    const root = await archiveWith(MINI);
    const when = started(60_000);
    await writeFile(path.join(root, '.kd.lock'), lockText(4_000_000, 'en-annan-dator', when));
    const out = await kd(root, NEW, { KD_LOCK_WAIT_MS: '0' });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`(process 4000000 på en-annan-dator, startad ${when})`);
  });

  it('a stale lock (the pid of a process that has ended) is taken over with a notice, and released afterwards', async () => {
    const root = await archiveWith(MINI);
    const pid = deadPid();
    const when = started();
    await writeFile(path.join(root, '.kd.lock'), lockText(pid, HOST, when));
    const out = await kd(root, NEW, { KD_LOCK_WAIT_MS: '0' });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe(
      `kd: Tog över låset .kd.lock efter process ${pid} på ${HOST} (startad ${when}); den körningen har avslutats eller är för gammal för att pågå.\n`,
    );
    expect(existsSync(path.join(root, 'networks/grupp/protocols/2020/2020-01-09-1.md'))).toBe(true);
    expect(await leftovers(root)).toEqual([]);
  });

  it('a lock older than any run is stale even when its pid is alive, and so is one that cannot be read', async () => {
    const root = await archiveWith(MINI);
    const when = started(2 * 60 * 60 * 1000);
    await writeFile(path.join(root, '.kd.lock'), lockText(process.pid, 'en-annan-dator', when));
    const out = await kd(root, NEW, { KD_LOCK_WAIT_MS: '0' });
    expect(out.code).toBe(0);
    expect(out.stderr).toBe(
      `kd: Tog över låset .kd.lock efter process ${process.pid} på en-annan-dator (startad ${when}); den körningen har avslutats eller är för gammal för att pågå.\n`,
    );

    const other = await archiveWith(MINI);
    const file = path.join(other, '.kd.lock');
    await writeFile(file, '');
    const { utimes } = await import('node:fs/promises');
    await utimes(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const again = await kd(other, NEW, { KD_LOCK_WAIT_MS: '0' });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(
      `kd: Tog över låset .kd.lock efter process ? på ? (startad ?); den körningen har avslutats eller är för gammal för att pågå.\n`,
    );
    expect(await leftovers(other)).toEqual([]);
  });

  it('read-only commands never take the lock: they run while a writer holds it', async () => {
    const root = await archiveWith(REG);
    await writeFile(path.join(root, '.kd.lock'), lockText(process.pid, HOST, started()));
    const checked = await kd(root, ['check'], { KD_LOCK_WAIT_MS: '0' });
    expect(checked.stdout).toMatch(/^Inga anmärkningar i \d+ filer\.\n$/);
    expect((await kd(root, ['index', '--check'], { KD_LOCK_WAIT_MS: '0' })).code).toBe(1);
    expect((await kd(root, ['attendance'], { KD_LOCK_WAIT_MS: '0' })).code).toBe(0);
    expect(
      (
        await kd(root, ['new-protocol', '--date', '2020-01-09', '--time', '09:00-12:00', '--place', 'Bjuv', '--dry-run'], {
          KD_LOCK_WAIT_MS: '0',
        })
      ).code,
    ).toBe(0);
    expect((await kd(root, ['index'], { KD_LOCK_WAIT_MS: '0' })).code).toBe(2);
  }, 60_000);
});

describe('holding the lock across reading and writing', () => {
  it('withArchiveLock: a Transaction.run inside it uses the lock it holds, another process waits for it', async () => {
    const root = await archiveWith(MINI);
    const { withArchiveLock } = await import('../src/archive/lock.js');
    const { Transaction } = await import('../src/archive/transaction.js');
    const target = path.join(root, 'networks/grupp/protocols/2020/2020-01-09-1.md');
    const outside = await withArchiveLock({ root, io: { env: { KD_LOCK_WAIT_MS: '0' } } }, async () => {
      const lock = JSON.parse(await readFile(path.join(root, '.kd.lock'), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(process.pid);
      await Transaction.run((tx) => tx.create(target, 'x'), { root, io: { env: { KD_LOCK_WAIT_MS: '0' } } });
      return kd(root, NEW, { KD_LOCK_WAIT_MS: '0' });
    });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(new RegExp(`^kd: Arkivet skrivs av en annan körning av kd \\(process ${process.pid} på `));
    expect(await readFile(target, 'utf8')).toBe('x');
    expect(await leftovers(root)).toEqual([]);
  });
});

describe('kd passes over the lock and temporary files', () => {
  it('kd check --changed in a git archive reports neither', async () => {
    const root = await gitdir(MINI);
    const before = await run(['check', '--changed', '--format', 'json'], { cwd: root });
    const { mkdir } = await import('node:fs/promises');
    await writeFile(path.join(root, '.kd.lock'), lockText(process.pid, HOST, started()));
    await writeFile(path.join(root, `networks/grupp/protocols/2019/.kd-tmp-${process.pid}-1-2019-03-14-3.md`), '---\nnetwork: gr');
    await mkdir(path.join(root, 'index'));
    await writeFile(path.join(root, `index/.kd-tmp-${process.pid}-2-beslut.md`), '# Be');
    const after = await run(['check', '--changed', '--format', 'json'], { cwd: root });
    expect([after.code, after.stdout]).toEqual([before.code, before.stdout]);
    expect(JSON.parse(after.stdout).findings).toEqual([]);
  });
});

describe('a run that dies midway', () => {
  it('kd index killed (SIGKILL) after its first rename: --check names exactly the stale registers, the next kd index repairs and leaves nothing behind', async () => {
    const root = await archiveWith(REG);
    const stale = (r: Ran) =>
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('  '))
        .map((l) => l.trim());
    const all = stale(await kd(root, ['index', '--check']));
    expect(all.length).toBeGreaterThan(2);

    const killed = await kd(root, ['index'], { KD_TEST_KILL_AFTER_RENAMES: '1' });
    expect(killed.signal).toBe('SIGKILL');
    // What a dead run leaves: its lock, and the temporary files of the registers not yet renamed.
    const lock = JSON.parse(await readFile(path.join(root, '.kd.lock'), 'utf8')) as { pid: number; host: string; started: string };
    expect(lock.host).toBe(HOST);
    const temps = (await leftovers(root)).filter((f) => f !== '.kd.lock');
    expect(temps.map((f) => f.replace(/\.kd-tmp-\d+-\d+-/, '')).sort()).toEqual(all.slice(1).sort());
    expect(temps.every((f) => path.basename(f).startsWith(`.kd-tmp-${lock.pid}-`))).toBe(true);

    const check = await kd(root, ['index', '--check']);
    expect(check.code).toBe(1);
    expect(stale(check)).toEqual(all.slice(1));
    expect(check.stderr).toBe(`kd: ${sv.cli.errors['stale-index']({ count: all.length - 1 })}\n`);
    // kd check passes over the leftovers.
    expect(await errors(root)).toEqual([]);

    const repaired = await kd(root, ['index']);
    expect(repaired.code).toBe(0);
    expect(repaired.stderr).toBe(
      `kd: Tog över låset .kd.lock efter process ${lock.pid} på ${HOST} (startad ${lock.started}); den körningen har avslutats eller är för gammal för att pågå.\n`,
    );
    expect(repaired.stdout).toBe(`${sv.ui.index.written({ count: all.length - 1, dir: 'index' })}\n`);
    expect(await leftovers(root)).toEqual([]);
    const after = await kd(root, ['index', '--check']);
    expect([after.code, after.stderr]).toEqual([0, '']);
  }, 60_000);

  it('leftovers a dead run left anywhere in the archive: kd check passes over them, the next writer removes them, a live writer’s temporary file stays', async () => {
    const dead = deadPid();
    const root = await archiveWith(MINI);
    const baseline = await findings(root);
    const left = {
      '.kd.lock': lockText(dead, HOST, started()),
      [`networks/grupp/protocols/2019/.kd-tmp-${dead}-1700000000000001-2019-03-14-3.md`]: '---\nnetwork: gr',
      [`.kd-tmp-${dead}-1700000000000002-people.yml`]: 'anna-ahl:\n  name: An',
      [`index/.kd-tmp-${dead}-1700000000000003-beslut.md`]: '# Besl',
    };
    const live = `networks/grupp/.kd-tmp-${process.pid}-1700000000000004-network.yml`;
    for (const [rel, text] of Object.entries({ ...left, [live]: 'name: N' })) {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    }
    expect(await findings(root)).toEqual(baseline);
    const out = await kd(root, NEW, { KD_LOCK_WAIT_MS: '0' });
    expect(out.code).toBe(0);
    expect(await leftovers(root)).toEqual([live]);
  });

  it('SIGINT during a transaction: the write stops at its next step, what it wrote is undone, the lock is released', async () => {
    const root = await archiveWith(MINI);
    const url = pathToFileURL(path.join(REPO, 'dist', 'archive', 'transaction.js')).href;
    const script = `
      import { Transaction } from ${JSON.stringify(url)};
      import path from 'node:path';
      const root = process.argv[1];
      // A signal handle alone does not keep Node running; kd always has a write pending here.
      const keep = setInterval(() => {}, 1000);
      try {
        await Transaction.run(async (tx) => {
          await tx.create(path.join(root, 'networks/grupp/protocols/2021/a.md'), 'a');
          const seen = new Promise((resolve) => process.once('SIGINT', resolve));
          process.kill(process.pid, 'SIGINT');
          await seen;
          await tx.create(path.join(root, 'networks/grupp/protocols/2021/b.md'), 'b');
        }, { root });
        console.log('written');
      } catch (error) {
        console.log(error.name, error.key, error.data.signal);
      }
      clearInterval(keep);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, root], { encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'KdError interrupted SIGINT\n', '']);
    expect(existsSync(path.join(root, 'networks/grupp/protocols/2021'))).toBe(false);
    expect(await leftovers(root)).toEqual([]);
    expect(sv.cli.errors.interrupted({ signal: 'SIGINT' })).toBe(
      'Avbruten (SIGINT); det som hunnit skrivas togs bort igen, så inget ändrades i arkivet.',
    );
  });
});

describe('rollback removes only what its own run made', () => {
  it('a folder this run made is kept, with the file, when another run has put a file in it meanwhile', async () => {
    const root = await archiveWith(MINI);
    const { Transaction } = await import('../src/archive/transaction.js');
    const dir = path.join(root, 'networks/grupp/protocols/2020');
    await expect(
      Transaction.run(async (tx) => {
        await tx.create(path.join(dir, 'mine.md'), 'mine');
        // Another run writes into the folder this run made.
        await writeFile(path.join(dir, 'theirs.md'), 'theirs');
        throw new Error('fails later');
      }),
    ).rejects.toThrow('fails later');
    expect(await readdir(dir)).toEqual(['theirs.md']);
  });

  it('a folder that existed before is never removed, even when this run’s file was its only one', async () => {
    const root = await archiveWith(MINI);
    const { mkdir } = await import('node:fs/promises');
    const { Transaction } = await import('../src/archive/transaction.js');
    const dir = path.join(root, 'networks/grupp/protocols/2020');
    await mkdir(dir);
    await expect(
      Transaction.run(async (tx) => {
        await tx.create(path.join(dir, 'mine.md'), 'mine');
        throw new Error('fails later');
      }),
    ).rejects.toThrow('fails later');
    expect(await readdir(dir)).toEqual([]);
  });
});
