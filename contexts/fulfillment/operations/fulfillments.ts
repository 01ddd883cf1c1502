import { z } from 'zod';
import { orderPath } from '#contexts/orders/domain/queries.ts';
import { idempotencyKey, replayedHeader, requiredIdempotencyKey } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';
import { cancel, deliver, fulfil, listFulfillments, ship } from '../data/fulfil.ts';
import {
  fulfillmentListSchema,
  fulfillmentRequest,
  fulfillmentSchema,
  shipmentRequest,
} from '../domain/schemas.ts';
import { fulfillmentOperation } from '../wiring.ts';
import { returnAdminOperations } from './returns.ts';

const noStore = { 'cache-control': 'no-store' } as const;
const headers = z.object({
  'idempotency-key': idempotencyKey.meta({
    description: 'Required. Names this request: a retry with the same key answers the same result',
  }),
});
const fulfillmentPath = orderPath.extend({ fulfillmentId: z.string().min(1).max(64) });
const one = { description: 'The fulfillment', schema: fulfillmentSchema };
const STATE_CONFLICTS = [
  'fulfillment_shipped',
  'fulfillment_delivered',
  'fulfillment_canceled',
  'fulfillment_open',
];

/** POST /admin/orders/{orderId}/fulfillments: units of a paid order, leaving from one stock location. */
export const createFulfillment = fulfillmentOperation({
  route: 'POST /admin/orders/{orderId}/fulfillments',
  access: 'admin',
  operationId: 'createFulfillment',
  summary: 'Fulfil units of a paid order from a stock location',
  description:
    'Records which units of a paid order leave from which stock location (part of an order allowed), ' +
    'and emits `FulfillmentCreated`. Units the location sold are committed there (ledger `fulfillment` ' +
    'entries); units another location sold are moved: taken from this location’s available stock and ' +
    'given back to the seller (409 `location_out_of_stock` when it has not enough, nothing written). More ' +
    'units of a line than were bought and are not yet in a fulfillment that is not canceled: 409 ' +
    '`fulfillment_exceeds_order`. The `Idempotency-Key` names the fulfillment: the same key answers the ' +
    'same fulfillment; another body with it is 422. See docs/fulfillment.md.',
  tags: ['orders', 'admin'],
  request: { path: orderPath, headers, body: fulfillmentRequest, bodyLimitBytes: 16 * 1024 },
  responses: { 201: { description: 'The fulfillment, open', schema: fulfillmentSchema } },
  problems: {
    400: ['idempotency_key_required'],
    404: ['order_not_found'],
    409: [
      'order_not_fulfillable',
      'fulfillment_exceeds_order',
      'location_out_of_stock',
      'fulfillment_conflict',
    ],
    422: ['unknown_location', 'idempotency_key_reused', 'fulfillment_too_large'],
  },
  handle: async ({ path, body, event }, services) => {
    const made = await fulfil(services, path.orderId, requiredIdempotencyKey(event), body);
    return json(201, made.fulfillment, {
      location: `/admin/orders/${path.orderId}/fulfillments/${made.fulfillment.id}`,
      ...noStore,
      ...replayedHeader(made.replayed),
    });
  },
});

/** POST /admin/orders/{orderId}/fulfillments/{fulfillmentId}/shipments: hands it to a carrier. */
export const createShipment = fulfillmentOperation({
  route: 'POST /admin/orders/{orderId}/fulfillments/{fulfillmentId}/shipments',
  access: 'admin',
  operationId: 'createShipment',
  summary: 'Ship a fulfillment, with its carrier and tracking',
  description:
    'Ships an open fulfillment (`ShipmentCreated`; `OrderFulfilled` when it ships the order’s last unit, ' +
    'once). The same shipment again answers the fulfillment as it is (`Idempotent-Replayed: true`); another ' +
    'shipment of a shipped fulfillment, or shipping a canceled one, is 409, as is shipping for an order ' +
    'that is no longer `paid` (being canceled: `order_not_fulfillable`).',
  tags: ['orders', 'admin'],
  request: { path: fulfillmentPath, headers, body: shipmentRequest, bodyLimitBytes: 2 * 1024 },
  responses: { 201: { description: 'The fulfillment, shipped', schema: fulfillmentSchema } },
  problems: {
    400: ['idempotency_key_required'],
    404: ['order_not_found', 'fulfillment_not_found'],
    409: [...STATE_CONFLICTS, 'order_not_fulfillable', 'fulfillment_conflict'],
  },
  handle: async ({ path, body, event }, services) => {
    requiredIdempotencyKey(event);
    const shipped = await ship(services, path.orderId, path.fulfillmentId, body);
    return json(201, shipped.fulfillment, { ...noStore, ...replayedHeader(shipped.replayed) });
  },
});

/** POST /admin/orders/{orderId}/fulfillments/{fulfillmentId}/deliver: the carrier delivered it. */
export const deliverFulfillment = fulfillmentOperation({
  route: 'POST /admin/orders/{orderId}/fulfillments/{fulfillmentId}/deliver',
  access: 'admin',
  operationId: 'deliverFulfillment',
  summary: 'Mark a shipped fulfillment delivered',
  description: 'A shipped fulfillment becomes `delivered` (`FulfillmentDelivered`), once; again: as it is.',
  tags: ['orders', 'admin'],
  request: { path: fulfillmentPath, headers },
  responses: { 200: one },
  problems: {
    400: ['idempotency_key_required'],
    404: ['order_not_found', 'fulfillment_not_found'],
    409: [...STATE_CONFLICTS, 'fulfillment_conflict'],
  },
  handle: async ({ path, event }, services) => {
    requiredIdempotencyKey(event);
    return json(200, await deliver(services, path.orderId, path.fulfillmentId), noStore);
  },
});

/** POST /admin/orders/{orderId}/fulfillments/{fulfillmentId}/cancel: it will not ship. */
export const cancelFulfillment = fulfillmentOperation({
  route: 'POST /admin/orders/{orderId}/fulfillments/{fulfillmentId}/cancel',
  access: 'admin',
  operationId: 'cancelFulfillment',
  summary: 'Cancel a fulfillment that has not shipped',
  description:
    'An open fulfillment becomes `canceled` (`FulfillmentCanceled`): its units are to fulfil again, and what ' +
    'it did to stock is undone, once. Units it moved from another location than the seller go back, and the ' +
    'seller gives back what the move gave it: when those are sold or reserved again, 409 ' +
    '`transfer_not_reversible` (nothing written). A shipped or delivered fulfillment is 409.',
  tags: ['orders', 'admin'],
  request: { path: fulfillmentPath, headers },
  responses: { 200: one },
  problems: {
    400: ['idempotency_key_required'],
    404: ['order_not_found', 'fulfillment_not_found'],
    409: [...STATE_CONFLICTS, 'transfer_not_reversible', 'fulfillment_conflict'],
  },
  handle: async ({ path, event }, services) => {
    requiredIdempotencyKey(event);
    return json(200, await cancel(services, path.orderId, path.fulfillmentId), noStore);
  },
});

/** GET /admin/orders/{orderId}/fulfillments: an order's fulfillments and where its goods are. */
export const listOrderFulfillments = fulfillmentOperation({
  route: 'GET /admin/orders/{orderId}/fulfillments',
  access: 'admin',
  operationId: 'listOrderFulfillments',
  summary: 'An order’s fulfillments and where its goods are',
  description: 'Every fulfillment of the order, oldest first, and the order’s fulfillment status.',
  tags: ['orders', 'admin'],
  request: { path: orderPath },
  responses: { 200: { description: 'The order’s fulfillments', schema: fulfillmentListSchema } },
  problems: { 404: ['order_not_found'] },
  handle: async ({ path }, services) => json(200, await listFulfillments(services, path.orderId), noStore),
});

/** The operations of the `fulfillmentAdmin` function. */
export const fulfillmentOperations = [
  ...returnAdminOperations,
  createFulfillment,
  createShipment,
  deliverFulfillment,
  cancelFulfillment,
  listOrderFulfillments,
];
