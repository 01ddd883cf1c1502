import { ShippingOptionRepository } from '#contexts/pricing/data/shipping-repository.ts';
import { operationOf } from '#platform/http/operation.ts';
import { CartService } from './data/cart-service.ts';
import type { CodeAttemptLimits } from './domain/code-attempts.ts';

/** What the cart operations use, wired once per Lambda instance over one table. */
export const cartServices = (table: string, codeAttempts: CodeAttemptLimits) => ({
  table,
  codeAttempts,
  carts: new CartService(table),
  shippingOptions: new ShippingOptionRepository(table),
});
export type CartServices = ReturnType<typeof cartServices>;

/** Declares an operation of the `carts` function (typed with its services). */
export const cartOperation = operationOf<CartServices>();
