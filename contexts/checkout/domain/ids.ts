import { createHash, createHmac } from 'node:crypto';

/**
 * The order id of a checkout: derived from the cart and the Idempotency-Key, so a retried request names the
 * same order (and its reservation and PaymentIntent, which derive from the order id) without a lookup
 * table, while another key for the same cart names another order — which the closed cart then refuses.
 */
export const orderIdFor = (cartId: string, idempotencyKey: string): string => {
  const h = createHash('sha256').update(`checkout\n${cartId}\n${idempotencyKey}`).digest('hex');
  // UUID layout (version nibble 8: custom, RFC 9562), so order ids look like every other id here.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * A guest order's token: an HMAC of the order id under a server secret, so a replayed checkout answers
 * the same token while only its hash is stored and nobody without the secret can compute one.
 */
export const guestOrderToken = (secret: string, orderId: string): string =>
  createHmac('sha256', secret).update(`order-token\n${orderId}`).digest('base64url');
