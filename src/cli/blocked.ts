import type { Finding } from '../core/finding.js';
import type { Lang } from '../i18n/index.js';

/**
 * The archive's errors that touch what a command was asked: it stops on
 * them, as `kd report` does. Light on purpose: main.ts catches it on every
 * start, so it imports nothing but types.
 */
export class BlockedError extends Error {
  constructor(
    readonly findings: Finding[],
    readonly root: string,
    readonly lang: Lang,
  ) {
    super('blocked');
    this.name = 'BlockedError';
  }
}
