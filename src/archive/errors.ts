import type { Catalogue } from '../i18n/index.js';

type CliErrors = Catalogue['cli']['errors'];
export type KdErrorKey = { [K in keyof CliErrors]: CliErrors[K] extends string ? never : K }[keyof CliErrors];

/**
 * A failure the user can cause and kd cannot run past (exit 2): no archive,
 * a path outside it, a bad option. Printed as one sentence from the
 * catalogue, never with a stack trace.
 */
export class KdError extends Error {
  constructor(
    readonly key: KdErrorKey,
    readonly data: Record<string, string | number>,
  ) {
    super(key);
    this.name = 'KdError';
  }
}
