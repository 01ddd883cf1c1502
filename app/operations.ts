import { cartOperations } from '#contexts/carts/operations/contract.ts';
import { catalogOperations } from '#contexts/catalog/operations/contract.ts';
import { checkoutOperations } from '#contexts/checkout/operations/contract.ts';
import { customerOperations } from '#contexts/customers/operations/contract.ts';
import { inventoryOperations } from '#contexts/inventory/operations/contract.ts';
import { orderOperations } from '#contexts/orders/operations/contract.ts';
import { paymentOperations } from '#contexts/payments/operations/contract.ts';
import { promotionOperations } from '#contexts/pricing/operations/promotions-contract.ts';
import { shippingTaxOperations } from '#contexts/pricing/operations/shipping-tax-contract.ts';
import { platformOperations } from '#contexts/system/operations/contract.ts';
import type { ContractOperation } from '#platform/contract/operation.ts';

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
