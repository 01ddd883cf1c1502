import { z } from 'zod';
import {
  addItemInput,
  cartEmailInput,
  cartLinePath,
  cartPath,
  cartSchema,
  createCartInput,
  createdCartSchema,
  promotionCodeInput,
  shippingAddressInput,
  shippingMethodInput,
  updateItemInput,
} from '#contexts/carts/domain/schemas.ts';
import { shippingQuotesSchema } from '#contexts/carts/domain/shipping-quotes.ts';
import { defineOperations } from '#platform/contract/operation.ts';

/** The proof of a guest cart; a customer's cart is proved by the customer's token instead. */
const cartToken = z.object({
  'x-cart-token': z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'The token `POST /carts` returned for a guest cart' }),
});

const owned = { path: cartPath, headers: cartToken };
const ownedLine = { path: cartLinePath, headers: cartToken };
const cart = { 200: { description: 'The cart, repriced', schema: cartSchema } };
const gone = 'cart_not_found';
const closed = ['cart_checked_out', 'cart_merged', 'cart_version_conflict'];
const access =
  'A guest proves the cart with `X-Cart-Token`; a customer’s cart answers only to that customer’s token. ' +
  'Any other caller gets 404, as if the cart did not exist.';
const repriced =
  'Every figure is computed by the server from current prices, promotions, stock, shipping and tax.';

/** The store's cart: lines, e-mail, address, shipping, codes, totals; guest or customer. */
export const cartOperations = defineOperations([
  {
    route: 'POST /carts',
    operationId: 'createCart',
    summary: 'Start a cart',
    description:
      'Without a token: a guest cart, answered with `token` (shown once; only its hash is stored) and kept ' +
      '7 days after its last change. With a customer token: the customer’s cart, kept 30 days.',
    tags: ['carts'],
    request: { body: createCartInput },
    responses: { 201: { description: 'The new cart', schema: createdCartSchema } },
  },
  {
    route: 'GET /carts/{cartId}',
    operationId: 'getCart',
    summary: 'A cart with its totals',
    description: `${repriced} A changed price, an archived product or missing stock is a flagged line. ${access}`,
    tags: ['carts'],
    request: owned,
    responses: cart,
    problems: { 404: [gone] },
  },
  {
    route: 'POST /carts/{cartId}/items',
    operationId: 'addCartItem',
    summary: 'Add units of a variant',
    description: `Adding a variant already in the cart adds to its line. ${access}`,
    tags: ['carts'],
    request: { ...owned, body: addItemInput },
    responses: cart,
    problems: {
      404: [gone, 'variant_not_found'],
      409: closed,
      422: ['variant_unavailable', 'currency_not_priced', 'cart_full'],
    },
  },
  {
    route: 'PATCH /carts/{cartId}/items/{lineId}',
    operationId: 'updateCartItem',
    summary: 'Set a line’s quantity',
    tags: ['carts'],
    request: { ...ownedLine, body: updateItemInput },
    responses: cart,
    problems: { 404: [gone, 'line_not_found'], 409: closed },
  },
  {
    route: 'DELETE /carts/{cartId}/items/{lineId}',
    operationId: 'removeCartItem',
    summary: 'Remove a line',
    tags: ['carts'],
    request: ownedLine,
    responses: cart,
    problems: { 404: [gone, 'line_not_found'], 409: closed },
  },
  {
    route: 'PUT /carts/{cartId}/email',
    operationId: 'setCartEmail',
    summary: 'Set the shopper’s e-mail',
    description:
      'An open cart with an e-mail left unchanged for the idle time is reported as `CartAbandoned`.',
    tags: ['carts'],
    request: { ...owned, body: cartEmailInput },
    responses: cart,
    problems: { 404: [gone], 409: closed },
  },
  {
    route: 'PUT /carts/{cartId}/shipping-address',
    operationId: 'setCartShippingAddress',
    summary: 'Set the shipping address',
    description:
      'The destination decides tax and shipping. A `region` that is a state code (`CA`) selects that state’s tax.',
    tags: ['carts'],
    request: { ...owned, body: shippingAddressInput },
    responses: cart,
    problems: { 404: [gone], 409: closed },
  },
  {
    route: 'GET /carts/{cartId}/shipping-options',
    operationId: 'listCartShippingOptions',
    summary: 'Shipping options for the cart, each quoted',
    description:
      'Options serving the destination (the shipping address, else the store’s home country) in the cart’s ' +
      'currency, each priced with the whole cart: free thresholds, weight bands and promotions apply.',
    tags: ['carts'],
    request: owned,
    responses: { 200: { description: 'The quotes', schema: shippingQuotesSchema } },
    problems: { 404: [gone] },
  },
  {
    route: 'PUT /carts/{cartId}/shipping-method',
    operationId: 'setCartShippingMethod',
    summary: 'Choose a shipping option',
    tags: ['carts'],
    request: { ...owned, body: shippingMethodInput },
    responses: cart,
    problems: {
      404: [gone, 'shipping_option_not_found'],
      409: closed,
      422: ['shipping_address_required', 'shipping_option_unavailable'],
    },
  },
  {
    route: 'POST /carts/{cartId}/promotions',
    operationId: 'addCartPromotion',
    summary: 'Enter a promotion code',
    description:
      'A code that cannot be used by this shopper now is refused with the reason as its code. A code that ' +
      'may apply later (minimum not met, no matching items, a better deal wins) is kept and listed under ' +
      '`promotions.rejected` with the reason.',
    tags: ['carts'],
    request: { ...owned, body: promotionCodeInput },
    responses: cart,
    problems: {
      404: [gone],
      409: closed,
      422: [
        'promotion_code_unknown',
        'promotion_not_started',
        'promotion_expired',
        'promotion_exhausted',
        'promotion_customer_limit_reached',
        'promotion_sign_in_required',
        'promotion_first_order_only',
        'promotion_currency_not_supported',
        'too_many_codes',
      ],
    },
  },
  {
    route: 'DELETE /carts/{cartId}/promotions',
    operationId: 'removeCartPromotion',
    summary: 'Remove a promotion code',
    tags: ['carts'],
    request: { ...owned, body: promotionCodeInput },
    responses: cart,
    problems: { 404: [gone, 'promotion_code_not_in_cart'], 409: closed },
  },
  {
    route: 'POST /carts/{cartId}/claim',
    operationId: 'claimCart',
    summary: 'Take over a guest cart after signing in',
    description:
      'Send the customer token and the guest cart’s `X-Cart-Token`. The guest cart is merged into the ' +
      'customer’s most recent open cart in the same currency (quantities added; the guest cart closes as ' +
      '`merged`), or becomes the customer’s when they have none. Answers the customer’s cart.',
    tags: ['carts'],
    request: owned,
    responses: { 200: { description: 'The customer’s cart', schema: cartSchema } },
    problems: { 404: [gone], 409: closed, 422: ['cart_full'] },
  },
]);
