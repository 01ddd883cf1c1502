import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { adjustLevel, ledgerPut, stockSettingsItem } from '#contexts/inventory/data/items.ts';
import { locationItem } from '#contexts/inventory/data/location-repository.ts';
import type { SeedProduct } from './demo-catalog.ts';

/** The demo store's one warehouse. */
export const DEMO_LOCATION = 'main-warehouse';
const LOW_STOCK_THRESHOLD = 5;
const PARALLEL = 8;

/** Units on hand for a demo variant: varied (some low, one in ten sold out) and the same every seed. */
export const demoOnHand = (sku: string): number => {
  let h = 0;
  for (const c of sku) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 10 === 0 ? 0 : 3 + (h % 60);
};

/**
 * Gives every demo variant stock at the demo warehouse, as the admin API would: settings, the level and
 * its ledger entry in one transaction per variant, only where the variant has no stock settings yet (a
 * reseed never overwrites counted stock). The stream-fed monitor then writes each stock summary.
 */
export const writeDemoStock = async (
  client: DynamoDBDocumentClient,
  table: string,
  products: readonly SeedProduct[],
  now = new Date(),
): Promise<number> => {
  const at = now.toISOString();
  await client
    .send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: locationItem({
                id: DEMO_LOCATION,
                name: 'Main warehouse',
                kind: 'warehouse',
                priority: 1,
                regions: [],
                active: true,
                version: 1,
                createdAt: at,
                updatedAt: at,
              }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    )
    .catch((error: unknown) => {
      if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') throw error;
    });
  const variants = products.flatMap((p) => p.variants);
  let written = 0;
  for (let i = 0; i < variants.length; i += PARALLEL) {
    const results = await Promise.all(
      variants.slice(i, i + PARALLEL).map(async (v): Promise<number> => {
        const onHand = demoOnHand(v.sku);
        const level = { variantId: v.id, locationId: DEMO_LOCATION, shard: 0 };
        try {
          await client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: table,
                    Item: stockSettingsItem({
                      variantId: v.id,
                      shards: 1,
                      lowStockThreshold: LOW_STOCK_THRESHOLD,
                      version: 1,
                    }),
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                adjustLevel(table, level, onHand, now, null),
                ledgerPut(
                  table,
                  { ...level, type: 'receipt', delta: onHand, reason: 'Demo seed', actor: 'seed' },
                  now,
                ),
              ],
            }),
          );
          return 1;
        } catch (error) {
          if (error instanceof Error && error.name === 'TransactionCanceledException') return 0;
          throw error;
        }
      }),
    );
    written += results.reduce((a, b) => a + b, 0);
  }
  return written;
};
