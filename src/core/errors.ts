import type { Catalogue } from '../i18n/index.js';

type CliErrors = Catalogue['cli']['errors'];
export type KdErrorKey = { [K in keyof CliErrors]: CliErrors[K] extends string ? never : K }[keyof CliErrors];
/** What the catalogue's sentence for `K` needs. */
export type KdErrorData<K extends KdErrorKey> = K extends KdErrorKey ? (CliErrors[K] extends (data: infer D) => string ? D : never) : never;

/**
 * A failure the user can cause and kd cannot run past (exit 2): no archive,
 * a path outside it, a bad option. Printed as one sentence from the
 * catalogue, never with a stack trace.
 */
export class KdError<K extends KdErrorKey = KdErrorKey> extends Error {
  constructor(
    readonly key: K,
    readonly data: KdErrorData<K>,
  ) {
    super(key);
    this.name = 'KdError';
  }

  /** The sentence in the catalogue's language. */
  say(errors: CliErrors): string {
    return (errors[this.key] as (data: KdErrorData<K>) => string)(this.data);
  }
}
