import { invalidRequest } from './errors.ts';

/** A decoded form value: Stripe's bracket notation nests objects (`a[b]=`) and lists (`a[]=`). */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

// Far above anything the SDK sends for this subset; bounds the work one request can cause.
const MAX_PAIRS = 1000;
const MAX_DEPTH = 5;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const malformed = (key: string) =>
  invalidRequest('parameter_unknown', `Received unknown parameter: ${key}`, key, true);

/** `metadata[order][id]` → `['metadata', 'order', 'id']`; `items[]` ends with an empty segment. */
const segments = (key: string): string[] => {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match?.[1]) throw malformed(key);
  const rest = [...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '');
  const path = [match[1], ...rest];
  if (path.length > MAX_DEPTH || path.some((s) => FORBIDDEN.has(s))) throw malformed(key);
  return path;
};

const isObject = (value: FormValue | undefined): value is FormObject =>
  typeof value === 'object' && !Array.isArray(value);

const assign = (target: FormObject, path: string[], value: string, key: string): void => {
  let node: FormObject = target;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i] as string;
    const next = path[i + 1];
    if (next === '') {
      // `a[]=x` appends; nothing may follow the empty brackets.
      if (i + 2 !== path.length) throw malformed(key);
      const list = node[segment] ?? [];
      if (!Array.isArray(list)) throw malformed(key);
      list.push(value);
      node[segment] = list;
      return;
    }
    const child = node[segment] ?? {};
    if (!isObject(child)) throw malformed(key);
    node[segment] = child;
    node = child;
  }
  const last = path[path.length - 1] as string;
  if (last === '' || node[last] !== undefined) throw malformed(key);
  node[last] = value;
};

/**
 * Decodes an `application/x-www-form-urlencoded` body (or query string) the way Stripe reads it.
 * Indexed lists (`a[0]=x`, what stripe-node sends) come out as objects with numeric keys; the
 * parameter schemas turn those into arrays where a list is expected.
 */
export const parseForm = (body: string): FormObject => {
  const params = new URLSearchParams(body);
  const result: FormObject = {};
  let count = 0;
  for (const [key, value] of params) {
    if (++count > MAX_PAIRS)
      throw invalidRequest('parameter_unknown', `Too many parameters (at most ${MAX_PAIRS}).`, key, true);
    assign(result, segments(key), value, key);
  }
  return result;
};
