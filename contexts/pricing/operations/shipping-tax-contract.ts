import { z } from 'zod';
import {
  createShippingOptionInput,
  deleteShippingOptionQuery,
  replaceShippingOptionInput,
  shippingOptionPath,
  storedShippingOptionSchema,
} from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { putTaxSettingsInput, storeTaxSettingsSchema } from '#contexts/pricing/domain/tax-settings.ts';
import { defineOperations } from '#platform/contract/operation.ts';
import { idempotencyKey } from '#platform/http/idempotency-key.ts';

const versioned = 'Full replacement: send every field and the `version` you read (409 when it is stale).';

/** Shipping options and the store's tax settings (rate table, price modes), for the back office. */
export const shippingTaxOperations = defineOperations([
  {
    route: 'GET /admin/shipping-options',
    operationId: 'adminListShippingOptions',
    summary: 'Every shipping option',
    tags: ['admin'],
    responses: {
      200: {
        description: 'The options, by id',
        schema: z.object({ items: z.array(storedShippingOptionSchema) }),
      },
    },
  },
  {
    route: 'POST /admin/shipping-options',
    operationId: 'adminCreateShippingOption',
    summary: 'Create a shipping option',
    description:
      'Flat or weight-banded rates per currency, the countries served and an optional free-shipping ' +
      'threshold per currency. `id` is optional (slug-like); without it the server makes one, derived ' +
      'from the `Idempotency-Key` when one is sent so a retry answers the same option.',
    tags: ['admin'],
    request: {
      body: createShippingOptionInput,
      headers: z.object({ 'idempotency-key': idempotencyKey.optional() }),
    },
    responses: {
      201: {
        description: 'The new option',
        schema: storedShippingOptionSchema,
        headers: z.object({
          location: z.string().meta({ description: 'The option’s URL path' }),
          'idempotent-replayed': z
            .literal('true')
            .optional()
            .meta({ description: 'Present when this answers an earlier request with the same key' }),
        }),
      },
    },
    problems: { 409: ['shipping_option_exists'], 422: ['idempotency_key_reused'] },
  },
  {
    route: 'GET /admin/shipping-options/{optionId}',
    operationId: 'adminGetShippingOption',
    summary: 'One shipping option',
    tags: ['admin'],
    request: { path: shippingOptionPath },
    responses: { 200: { description: 'The option', schema: storedShippingOptionSchema } },
    problems: { 404: ['shipping_option_not_found'] },
  },
  {
    route: 'PUT /admin/shipping-options/{optionId}',
    operationId: 'adminReplaceShippingOption',
    summary: 'Replace a shipping option',
    description: `${versioned} Leaving out \`freeAbove\` removes the threshold.`,
    tags: ['admin'],
    request: { path: shippingOptionPath, body: replaceShippingOptionInput },
    responses: { 200: { description: 'The option after the change', schema: storedShippingOptionSchema } },
    problems: { 404: ['shipping_option_not_found'], 409: ['version_conflict'] },
  },
  {
    route: 'DELETE /admin/shipping-options/{optionId}',
    operationId: 'adminDeleteShippingOption',
    summary: 'Delete a shipping option',
    description: 'With `?version=N` only that version is deleted. Carts that chose it must choose again.',
    tags: ['admin'],
    request: { path: shippingOptionPath, query: deleteShippingOptionQuery },
    responses: { 204: { description: 'Deleted' } },
    problems: { 404: ['shipping_option_not_found'], 409: ['version_conflict'] },
  },
  {
    route: 'GET /admin/tax-settings',
    operationId: 'adminGetTaxSettings',
    summary: 'The tax settings',
    description:
      'The rate table (rates in parts per million), which currencies’ prices include tax, the tax ' +
      'class of shipping and the default destination. Version 0 is the built-in default, never saved.',
    tags: ['admin'],
    responses: { 200: { description: 'The settings', schema: storeTaxSettingsSchema } },
  },
  {
    route: 'PUT /admin/tax-settings',
    operationId: 'adminPutTaxSettings',
    summary: 'Replace the tax settings',
    description: `${versioned} Each region (country, or country and state) may have one row.`,
    tags: ['admin'],
    request: { body: putTaxSettingsInput },
    responses: { 200: { description: 'The settings after the change', schema: storeTaxSettingsSchema } },
    problems: { 409: ['version_conflict'] },
  },
]);
