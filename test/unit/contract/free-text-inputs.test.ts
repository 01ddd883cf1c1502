import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { shippingAddressInput } from '#contexts/carts/domain/schemas.ts';
import {
  createProductInput,
  importProductInput,
  updateProductInput,
  updateVariantInput,
} from '#contexts/catalog/domain/admin-inputs.ts';
import { createCategoryInput } from '#contexts/catalog/domain/category-schemas.ts';
import { listProductsQuery } from '#contexts/catalog/operations/store-queries.ts';
import { createChannelInput, createKeyInput } from '#contexts/channels/domain/schemas.ts';
import { createGroupInput } from '#contexts/customers/domain/groups.ts';
import { createAddressInput, updateProfileInput } from '#contexts/customers/domain/schemas.ts';
import { returnRequest } from '#contexts/fulfillment/domain/returns.ts';
import { shipmentRequest } from '#contexts/fulfillment/domain/schemas.ts';
import { stockFeedInput } from '#contexts/inventory/domain/feed.ts';
import { adjustmentInput, createLocationInput } from '#contexts/inventory/domain/schemas.ts';
import { refundRequest } from '#contexts/payments/domain/refunds.ts';
import { createPriceListInput, updatePriceListInput } from '#contexts/pricing/domain/price-list-inputs.ts';
import { createPromotionInput } from '#contexts/pricing/domain/promotion-inputs.ts';
import { createShippingOptionInput } from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { createWebhookInput } from '#contexts/webhooks/domain/subscription.ts';

// Each free-text field of a request: a body holding the text there, and the field's path (other
// fields may be missing: only the issues at that path count).
type Case = readonly [string, z.ZodType, (text: string) => unknown, string];
const cases: Case[] = [
  ['product title', createProductInput, (t) => ({ title: t }), 'title'],
  ['product description', createProductInput, (t) => ({ description: t }), 'description'],
  ['product attribute', createProductInput, (t) => ({ attributes: { material: t } }), 'attributes.material'],
  [
    'product option value',
    createProductInput,
    (t) => ({ options: [{ name: 'size', values: [t] }] }),
    'options.0.values.0',
  ],
  ['variant title', createProductInput, (t) => ({ variants: [{ title: t }] }), 'variants.0.title'],
  [
    'variant option',
    createProductInput,
    (t) => ({ variants: [{ options: { size: t } }] }),
    'variants.0.options.size',
  ],
  ['product title (update)', updateProductInput, (t) => ({ title: t }), 'title'],
  ['imported product title (CSV and JSONL)', importProductInput, (t) => ({ title: t }), 'title'],
  ['variant title (update)', updateVariantInput, (t) => ({ title: t }), 'title'],
  ['category name', createCategoryInput, (t) => ({ name: t }), 'name'],
  ['search query', listProductsQuery, (t) => ({ q: t }), 'q'],
  ['cart address line', shippingAddressInput, (t) => ({ line1: t }), 'line1'],
  ['cart address recipient', shippingAddressInput, (t) => ({ name: t }), 'name'],
  ['customer address city', createAddressInput, (t) => ({ city: t }), 'city'],
  ['customer given name', updateProfileInput, (t) => ({ givenName: t }), 'givenName'],
  ['customer group name', createGroupInput, (t) => ({ name: t }), 'name'],
  ['channel name', createChannelInput, (t) => ({ name: t }), 'name'],
  ['channel description', createChannelInput, (t) => ({ description: t }), 'description'],
  ['publishable key title', createKeyInput, (t) => ({ title: t }), 'title'],
  ['shipment carrier', shipmentRequest, (t) => ({ carrier: t }), 'carrier'],
  ['return note', returnRequest, (t) => ({ note: t }), 'note'],
  ['refund note', refundRequest, (t) => ({ note: t }), 'note'],
  ['location name', createLocationInput, (t) => ({ name: t }), 'name'],
  ['adjustment reason', adjustmentInput, (t) => ({ reason: t }), 'reason'],
  ['stock feed reason', stockFeedInput, (t) => ({ reason: t }), 'reason'],
  ['price list name', createPriceListInput, (t) => ({ name: t }), 'name'],
  ['price list description (update)', updatePriceListInput, (t) => ({ description: t }), 'description'],
  ['promotion name', createPromotionInput, (t) => ({ type: 'percentage', name: t }), 'name'],
  ['shipping option name', createShippingOptionInput, (t) => ({ name: t }), 'name'],
  ['webhook description', createWebhookInput, (t) => ({ description: t }), 'description'],
];

const issuesAt = (schema: z.ZodType, body: unknown, path: string) =>
  (schema.safeParse(body).error?.issues ?? []).filter((i) => i.path.join('.') === path);

describe('free-text request fields', () => {
  it.each(cases)('refuses a direction override in the %s, naming its path', (_, schema, body, path) => {
    const issues = issuesAt(schema, body('Nice\u202etxt.exe'), path);
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('U+202E')]);
  });

  it.each(cases)('refuses a control character in the %s', (_, schema, body, path) => {
    expect(issuesAt(schema, body('Nice\u0007bell'), path)).toHaveLength(1);
  });

  it.each(cases)('accepts accents and emoji in the %s', (_, schema, body, path) => {
    expect(issuesAt(schema, body('Crème brûlée 🎁'), path)).toEqual([]);
  });
});
