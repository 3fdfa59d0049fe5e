import { parentPort, workerData } from 'node:worker_threads';
import { KdError } from '../../core/errors.js';
import type { Lang } from '../../i18n/index.js';
import { style } from '../../render/registers.js';
import { openArchive } from '../load.js';
import { buildPart, type PartOptions } from '../site-build.js';

/**
 * A worker thread of kd site: it loads the archive as the command does
 * (from the same cache) while the command loads and checks it, waits to be
 * told to go, then makes and writes the pages it claims from the shared
 * counter, and sends back what the command needs.
 */

export interface WorkerInput {
  cwd: string;
  env: Record<string, string | undefined>;
  archive?: string | undefined;
  lang?: Lang | undefined;
  part: Omit<PartOptions, 'before'>;
  counter: SharedArrayBuffer;
}

/** What a worker sends back: its part, or the failure it met (a KdError by its key and data). */
export type WorkerOutput =
  | { ok: true; result: Awaited<ReturnType<typeof buildPart>> }
  | { ok: false; error: { key: string; data: Record<string, unknown> } | { message: string } };

async function work(input: WorkerInput): Promise<WorkerOutput> {
  try {
    const { archive, lang } = await openArchive({ cwd: input.cwd, env: input.env, archive: input.archive, lang: input.lang });
    // The command says go (with the files of the last build) once it has checked the archive, or stops this thread.
    const before = await new Promise<[string, string][]>((resolve) =>
      parentPort!.once('message', (m: { go: [string, string][] }) => resolve(m.go)),
    );
    const result = await buildPart(
      archive,
      style(archive, lang),
      { ...input.part, before: new Map(before) },
      {
        counter: input.counter,
      },
    );
    return { ok: true, result };
  } catch (error) {
    if (error instanceof KdError) return { ok: false, error: { key: error.key, data: error.data as Record<string, unknown> } };
    return { ok: false, error: { message: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
  }
}

if (parentPort !== null) parentPort.postMessage(await work(workerData as WorkerInput));
