import type { ContextDef } from '#platform/definition/types.ts';
import { pricingKeyPrefixes } from './data/keys.ts';
import { promotionEvents } from './events.ts';
import { promotionOperations } from './operations/promotions-contract.ts';
import { shippingTaxOperations } from './operations/shipping-tax-contract.ts';

/** The pricing engine (money, promotions, tax, shipping rates) and the back office that configures it: promotions, shipping options, tax settings (docs/pricing.md). */
export const pricingContext = {
  name: 'pricing',
  description:
    'The pricing engine (money, promotions, tax, shipping rates) and the back office that configures it: promotions, shipping options, tax settings (docs/pricing.md).',
  keyPrefixes: pricingKeyPrefixes,
  events: promotionEvents,
  contract: [...shippingTaxOperations, ...promotionOperations],
  functions: {
    adminCreatePromotion: {
      entry: 'contexts/pricing/lambda/admin-create-promotion.ts',
      description: 'Admin: create a promotion (its code reserved in the same transaction)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminListPromotions: {
      entry: 'contexts/pricing/lambda/admin-list-promotions.ts',
      description: 'Admin: one page of promotions, newest first',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    adminGetPromotion: {
      entry: 'contexts/pricing/lambda/admin-get-promotion.ts',
      description: 'Admin: one promotion with its redemption count',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminUpdatePromotion: {
      entry: 'contexts/pricing/lambda/admin-update-promotion.ts',
      description: 'Admin: change a promotion (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminDeletePromotion: {
      entry: 'contexts/pricing/lambda/admin-delete-promotion.ts',
      description: 'Admin: delete a promotion and free its code',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    promotionUsageMonitor: {
      // Not routed: the `promotionUsage` pipe's target.
      entry: 'contexts/pricing/lambda/usage-monitor.ts',
      description: 'Pipe target: emits PromotionUsageExhausted once per reaching of a usage limit',
      memoryMb: 256,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
    adminListShippingOptions: {
      entry: 'contexts/pricing/lambda/admin-list-shipping-options.ts',
      description: 'Admin: every shipping option',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminCreateShippingOption: {
      entry: 'contexts/pricing/lambda/admin-create-shipping-option.ts',
      description: 'Admin: create a shipping option (Idempotency-Key honoured)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminGetShippingOption: {
      entry: 'contexts/pricing/lambda/admin-get-shipping-option.ts',
      description: 'Admin: one shipping option',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminReplaceShippingOption: {
      entry: 'contexts/pricing/lambda/admin-replace-shipping-option.ts',
      description: 'Admin: replace a shipping option (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminDeleteShippingOption: {
      entry: 'contexts/pricing/lambda/admin-delete-shipping-option.ts',
      description: 'Admin: delete a shipping option',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminGetTaxSettings: {
      entry: 'contexts/pricing/lambda/admin-get-tax-settings.ts',
      description: 'Admin: the tax settings (rate table, price modes), or the built-in default',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminPutTaxSettings: {
      entry: 'contexts/pricing/lambda/admin-put-tax-settings.ts',
      description: 'Admin: replace the tax settings (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
  },
  routes: [
    { method: 'POST', path: '/admin/promotions', function: 'adminCreatePromotion', access: 'admin' },
    { method: 'GET', path: '/admin/promotions', function: 'adminListPromotions', access: 'admin' },
    {
      method: 'GET',
      path: '/admin/promotions/{promotionId}',
      function: 'adminGetPromotion',
      access: 'admin',
    },
    {
      method: 'PATCH',
      path: '/admin/promotions/{promotionId}',
      function: 'adminUpdatePromotion',
      access: 'admin',
    },
    {
      method: 'DELETE',
      path: '/admin/promotions/{promotionId}',
      function: 'adminDeletePromotion',
      access: 'admin',
    },
    { method: 'GET', path: '/admin/shipping-options', function: 'adminListShippingOptions', access: 'admin' },
    {
      method: 'POST',
      path: '/admin/shipping-options',
      function: 'adminCreateShippingOption',
      access: 'admin',
    },
    {
      method: 'GET',
      path: '/admin/shipping-options/{optionId}',
      function: 'adminGetShippingOption',
      access: 'admin',
    },
    {
      method: 'PUT',
      path: '/admin/shipping-options/{optionId}',
      function: 'adminReplaceShippingOption',
      access: 'admin',
    },
    {
      method: 'DELETE',
      path: '/admin/shipping-options/{optionId}',
      function: 'adminDeleteShippingOption',
      access: 'admin',
    },
    { method: 'GET', path: '/admin/tax-settings', function: 'adminGetTaxSettings', access: 'admin' },
    { method: 'PUT', path: '/admin/tax-settings', function: 'adminPutTaxSettings', access: 'admin' },
  ],
  pipes: {
    promotionUsage: {
      description: 'Written promotion usage counters: PromotionUsageExhausted when one reaches its limit',
      filter: {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: { NewImage: { entity: { S: ['PROMOTION_USAGE'] } } },
      },
      target: 'promotionUsageMonitor',
      batchSize: 100,
    },
  },
} satisfies ContextDef;
