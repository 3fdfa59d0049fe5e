import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { archiveWith, MINI, REPO, run } from './helpers.js';

/**
 * Every command that writes, with the disk failing in the middle (an
 * error injected into link or rename): kd says so in one sentence, exits 2,
 * and the archive is byte for byte as it was, without temporary files.
 */
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, default: real, link: vi.fn(real.link), rename: vi.fn(real.rename) };
});

const full = () => Object.assign(new Error('no space left on device'), { code: 'ENOSPC', path: '/arkiv' });
const REG = path.join(REPO, 'tests', 'fixtures', 'registers');

async function snapshot(root: string): Promise<string> {
  const hash = createHash('sha1');
  const walk = async (dir: string) => {
    for (const e of (await fsp.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      hash.update(path.relative(root, p));
      if (e.isDirectory()) await walk(p);
      else hash.update(await fsp.readFile(p));
    }
  };
  await walk(root);
  return hash.digest('hex');
}

async function failsCleanly(root: string, args: string[], inject: () => void) {
  const before = await snapshot(root);
  inject();
  const out = await run(args, { cwd: root });
  expect(out.code).toBe(2);
  expect(out.stderr).toMatch(/^kd: Kunde inte läsa eller skriva \/arkiv \(ENOSPC\); inget ändrades i arkivet\./);
  expect(out.stderr).not.toMatch(/\n\s+at /);
  expect(await snapshot(root)).toBe(before);
}

beforeEach(() => {
  vi.mocked(fsp.link).mockClear();
  vi.mocked(fsp.rename).mockClear();
});

describe('a write that fails midway leaves the archive as it was', () => {
  it('kd new-protocol', async () => {
    const root = await archiveWith(MINI);
    await failsCleanly(root, ['new-protocol', '--date', '2019-03-14', '--time', '09:00-12:00', '--place', 'Bjuv'], () =>
      vi.mocked(fsp.link).mockRejectedValueOnce(full()),
    );
  });

  it('kd new-protocol in a new year: the year folder made for it goes again', async () => {
    const root = await archiveWith(MINI);
    await failsCleanly(root, ['new-protocol', '--date', '2020-01-09', '--time', '09:00-12:00', '--place', 'Bjuv'], () =>
      vi.mocked(fsp.link).mockRejectedValueOnce(full()),
    );
  });

  it('kd report --out', async () => {
    const root = await archiveWith(REG);
    await failsCleanly(root, ['report', '--half', '2019H1', '--out', 'rapport.md'], () =>
      vi.mocked(fsp.link).mockRejectedValueOnce(full()),
    );
  });

  it('kd index, failing on the third register: the first two are put back', async () => {
    const root = await archiveWith(REG);
    const real = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).rename;
    await failsCleanly(root, ['index'], () =>
      vi.mocked(fsp.rename).mockImplementationOnce(real).mockImplementationOnce(real).mockRejectedValueOnce(full()),
    );
  });

  it('kd import --add-people: people.yml is restored when the protocol cannot be written', async () => {
    const text = await fsp.readFile(path.join(REPO, 'tests/fixtures/legacy/natverket-2019-05-20.txt'), 'utf8');
    const root = await archiveWith(MINI, {
      'networks/natverk/network.yml':
        'name: N\nmission: M.\ndecides: false\nsubstitutes: none\nroster:\n  - { person: siv-sekr, from: 2018-01-01, role: secretary }\n',
      'in/n.txt': text,
    });
    await failsCleanly(root, ['import', 'in/n.txt', '--network', 'natverk', '--add-people'], () =>
      vi.mocked(fsp.link).mockRejectedValueOnce(full()),
    );
    expect(vi.mocked(fsp.rename)).toHaveBeenCalled();
  });

  it('kd init, failing on the third file: nothing is left', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kd-init-fail-'));
    const real = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).link;
    const flags = [
      '--organisation',
      'Skåne Nordost',
      '--municipality',
      'Osby',
      '--network-name',
      'KD-gruppen',
      '--network',
      'kd-gruppen',
      '--decides',
      '--substitutes',
      'personal',
      '--secretary',
      'Lena Sjöholm',
      '--secretary-from',
      '2019-01-01',
    ];
    await failsCleanly(dir, ['init', '.', ...flags], () =>
      vi.mocked(fsp.link).mockImplementationOnce(real).mockImplementationOnce(real).mockRejectedValueOnce(full()),
    );
    expect(await fsp.readdir(dir)).toEqual([]);
  });
});

describe('writes go through a temporary file', () => {
  it('kd new-protocol links the finished file into place', async () => {
    const root = await archiveWith(MINI);
    await run(['new-protocol', '--date', '2019-03-14', '--time', '09:00-12:00', '--place', 'Bjuv'], { cwd: root });
    const [from, to] = vi.mocked(fsp.link).mock.calls[0]! as [string, string];
    expect(path.basename(from)).toMatch(/^\.kd-tmp-\d+-\d+-2019-03-14-3\.md$/);
    expect(to).toBe(path.join(root, 'networks/grupp/protocols/2019/2019-03-14-3.md'));
  });
});
