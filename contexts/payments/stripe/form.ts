/** A parameter value Stripe's API takes: scalars, lists and nested objects (metadata). */
export type StripeParam = string | number | boolean | null | undefined | StripeParam[] | StripeParams;
export interface StripeParams {
  readonly [key: string]: StripeParam;
}

/**
 * Encodes parameters as Stripe's API reads them (`application/x-www-form-urlencoded` with bracket
 * notation): `metadata[orderId]=…`, lists indexed as `a[0]=…` like the official libraries send them.
 * Undefined values are left out; null is sent empty (Stripe's way to unset a field).
 */
export const encodeForm = (params: StripeParams): string => {
  const pairs: [string, string][] = [];
  const walk = (key: string, value: StripeParam): void => {
    if (value === undefined) return;
    if (value === null) pairs.push([key, '']);
    else if (Array.isArray(value)) for (const [i, item] of value.entries()) walk(`${key}[${i}]`, item);
    else if (typeof value === 'object')
      for (const [child, v] of Object.entries(value)) walk(`${key}[${child}]`, v);
    else pairs.push([key, String(value)]);
  };
  for (const [key, value] of Object.entries(params)) walk(key, value);
  return new URLSearchParams(pairs).toString();
};
