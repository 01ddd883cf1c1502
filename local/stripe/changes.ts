import { isDeepStrictEqual } from 'node:util';

/**
 * The fields `after` changed, with the values they had in `before`: an update event's
 * `previous_attributes`. A field `before` lacked is not listed (the SDK's types have no way to say
 * "was absent"; Stripe's JSON would show it as null).
 */
export const previousAttributes = <T extends object>(before: T, after: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(before).filter(
      ([key, value]) => !isDeepStrictEqual(value, (after as Record<string, unknown>)[key]),
    ),
  ) as Partial<T>;
