import { noSuch } from './errors.ts';
import type { ChargeObject, PaymentIntentObject, RefundObject } from './objects.ts';

/** The account's objects, in memory: a restart starts from an empty account, as a new test account. */
export interface Store {
  readonly intents: Map<string, PaymentIntentObject>;
  readonly charges: Map<string, ChargeObject>;
  readonly refunds: Map<string, RefundObject>;
}

export const createStore = (): Store => ({ intents: new Map(), charges: new Map(), refunds: new Map() });

/** Looks an object up by id, raising Stripe's 404 `resource_missing` when there is none. */
export const find = <T>(map: Map<string, T>, id: string, kind: string, param: string): T => {
  const found = map.get(id);
  if (found === undefined) throw noSuch(kind, id, param);
  return found;
};
