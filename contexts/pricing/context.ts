import type { ContextDef } from '#platform/definition/types.ts';
import { pricingKeyPrefixes } from './data/keys.ts';
import { pricingEvents } from './events.ts';
import { pricingAdminOperations } from './operations/admin.ts';

/** The pricing engine (money, promotions, tax, shipping rates) and the back office that configures it: promotions, price lists, shipping options, tax settings (docs/pricing.md). */
export const pricingContext = {
  name: 'pricing',
  description:
    'The pricing engine (money, promotions, tax, shipping rates) and the back office that configures it: promotions, price lists, shipping options, tax settings (docs/pricing.md).',
  keyPrefixes: pricingKeyPrefixes,
  events: pricingEvents,
  functions: {
    pricingAdmin: {
      entry: 'contexts/pricing/lambda/admin.ts',
      description:
        'Admin: promotions, price lists, shipping options and tax settings (the pricing engine’s configuration)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite', secrets: ['cursorKey'] },
      operations: pricingAdminOperations,
    },
    promotionUsageMonitor: {
      // Not routed: the `promotionUsage` pipe's target.
      entry: 'contexts/pricing/lambda/usage-monitor.ts',
      description: 'Pipe target: emits PromotionUsageExhausted once per reaching of a usage limit',
      memoryMb: 256,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
  },
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
