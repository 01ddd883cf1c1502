import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { codeItem, promotionItem } from '#contexts/pricing/data/promotion-items.ts';
import { shippingOptionItem } from '#contexts/pricing/data/shipping-items.ts';
import { taxSettingsItem } from '#contexts/pricing/data/tax-repository.ts';
import { newPromotion } from '#contexts/pricing/domain/promotion-rules.ts';
import type { StoredShippingOption } from '#contexts/pricing/domain/shipping-option-inputs.ts';
import { DEFAULT_TAX_SETTINGS } from '#contexts/pricing/domain/tax-settings.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';

const EU = ['DE', 'FR', 'NL', 'AT', 'IT', 'ES', 'BE'];

type Option = Omit<StoredShippingOption, 'version' | 'createdAt' | 'updatedAt'>;

/** The demo store's shipping options: EU standard and express, US standard, UK. Amounts in cents. */
export const demoShippingOptions = (): Option[] => [
  {
    id: 'standard-eu',
    name: 'Standard (3–5 days)',
    countries: EU,
    rate: { type: 'flat', amounts: { EUR: 490 } },
    freeAbove: { EUR: 5000 },
  },
  {
    id: 'express-eu',
    name: 'Express (1–2 days)',
    countries: EU,
    rate: {
      type: 'weight',
      tiers: [
        { upToGrams: 1000, amounts: { EUR: 990 } },
        { upToGrams: 5000, amounts: { EUR: 1490 } },
        { upToGrams: 20_000, amounts: { EUR: 2490 } },
      ],
    },
  },
  {
    id: 'standard-us',
    name: 'US Standard (5–7 days)',
    countries: ['US'],
    rate: { type: 'flat', amounts: { USD: 699 } },
    freeAbove: { USD: 7500 },
  },
  {
    id: 'uk',
    name: 'UK Tracked (2–3 days)',
    countries: ['GB'],
    rate: { type: 'flat', amounts: { GBP: 395 } },
  },
];

/**
 * Writes the demo shipping options, the default tax settings and the `WELCOME10` code, each only if absent, so reseeding
 * never undoes what an admin changed. One conditional Put per item, in parallel (five items: a few ms).
 * Returns how many items were new.
 */
export const writePricingDefaults = async (
  client: DynamoDBDocumentClient,
  table: string,
  now = new Date(),
): Promise<number> => {
  const at = now.toISOString();
  const items = [
    ...demoShippingOptions().map((o) =>
      shippingOptionItem({ ...o, version: 1, createdAt: at, updatedAt: at }),
    ),
    taxSettingsItem({ ...DEFAULT_TAX_SETTINGS, version: 1, updatedAt: at }),
    // One code to try the cart with. No automatic promotion: it would apply to every cart, tests' too.
    promotionItem(
      newPromotion(
        'welcome10',
        {
          name: 'Welcome: 10 % off',
          type: 'percentage',
          percentBps: 1000,
          code: 'WELCOME10',
          combinable: false,
        },
        now,
      ),
    ),
    codeItem('WELCOME10', 'welcome10'),
  ];
  const written = await Promise.all(
    items.map((Item) =>
      client
        .send(new PutCommand({ TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' }))
        .then(
          () => 1,
          (error: unknown) => {
            if (isConditionFailure(error)) return 0;
            throw error;
          },
        ),
    ),
  );
  return written.reduce((a, b) => a + b, 0);
};
