import type { ContractOperation } from '../operation.ts';
import { cartOperations } from './carts.ts';
import { catalogOperations } from './catalog.ts';
import { checkoutOperations } from './checkout.ts';
import { customerOperations } from './customers.ts';
import { inventoryOperations } from './inventory.ts';
import { orderOperations } from './orders.ts';
import { paymentOperations } from './payments.ts';
import { platformOperations } from './platform.ts';
import { promotionOperations } from './promotions.ts';
import { shippingTaxOperations } from './shipping-tax.ts';

/**
 * Every operation of the HTTP API. A new context adds its file here; a unit test checks that this
 * list and the definition's routes match one to one.
 */
export const operations: readonly ContractOperation[] = [
  ...platformOperations,
  ...catalogOperations,
  ...customerOperations,
  ...inventoryOperations,
  ...promotionOperations,
  ...shippingTaxOperations,
  ...cartOperations,
  ...checkoutOperations,
  ...paymentOperations,
  ...orderOperations,
];
