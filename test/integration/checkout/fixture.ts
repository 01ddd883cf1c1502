import { CartService } from '#contexts/carts/data/cart-service.ts';
import { addItemChange, shippingMethodChange } from '#contexts/carts/data/lookup-changes.ts';
import { setEmail, setShippingAddress } from '#contexts/carts/domain/changes.ts';
import type { Product } from '#contexts/catalog/domain/schemas.ts';
import type { PlacerDeps } from '#contexts/checkout/workflow/place-order.ts';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { ShippingOptionRepository } from '#contexts/pricing/data/shipping-repository.ts';
import { germanAddress } from '../../support/orders.ts';
import { activeProduct, writeProduct } from '../carts/fixture.ts';
import { inventoryFixture } from '../inventory/harness.ts';

/** A table with stock, a shipping option, the placer, and a guest cart ready to check out. */
export const checkoutFixture = async (onHand = 10) => {
  const f = await inventoryFixture();
  const product: Product = activeProduct(2, 2000);
  await writeProduct(f.table, product, onHand);
  await f.locations.create({ id: 'wh', name: 'W', kind: 'warehouse', priority: 1, regions: [] });
  for (const v of product.variants)
    await f.admin.put(v.id, { levels: [{ locationId: 'wh', onHand }], reason: 'count' }, 'test');
  await new ShippingOptionRepository(f.table).create({
    id: 'std',
    name: 'Standard',
    countries: ['DE'],
    rate: { type: 'flat', amounts: { EUR: 500 } },
  });
  const carts = new CartService(f.table);
  const deps: PlacerDeps = {
    table: f.table,
    carts,
    orders: new OrderRepository(f.table),
    reservations: f.reservations,
    tokenSecret: 'test-secret',
    holdSeconds: 20 * 60,
  };
  const readyCart = async (quantity = 2) => {
    const created = await carts.create({ currency: 'EUR' }, {});
    const caller = { token: created.token! };
    const id = created.cart.id;
    await carts.change(id, caller, addItemChange(f.table, { variantId: product.variants[0]!.id, quantity }));
    await carts.change(id, caller, {
      apply: (c) => setShippingAddress(setEmail(c, 'g@example.com'), germanAddress),
    });
    await carts.change(id, caller, shippingMethodChange(f.table, 'std'));
    return { id, caller };
  };
  return { ...f, product, carts, deps, readyCart };
};
