import { KdError } from '../core/errors.js';
import { catalogue, type Lang } from '../i18n/index.js';
import { isRealDate, timeRange } from '../schema/index.js';

/** A date option (--date, --from, --as-of …) checked like the schema checks dates. */
export function checkDateOption(option: string, value: string, lang: Lang): string {
  if (!isRealDate(value)) throw new KdError('invalid-option-value', { option, found: value, expected: catalogue(lang).expect.date });
  return value;
}

/** A meeting time option (--time) checked like the schema checks it. */
export function checkTimeOption(option: string, value: string, lang: Lang): string {
  if (!timeRange.safeParse(value).success)
    throw new KdError('invalid-option-value', { option, found: value, expected: catalogue(lang).expect['time-range'] });
  return value;
}
