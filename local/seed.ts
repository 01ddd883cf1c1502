import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { productsByStatus } from '#contexts/catalog/data/keys.ts';
import { writeDefaultChannel } from '../scripts/seed/channels.ts';
import { demoCatalog, demoCategories } from '../scripts/seed/demo-catalog.ts';
import { writePricingDefaults } from '../scripts/seed/pricing.ts';
import { writeDemoStock } from '../scripts/seed/stock.ts';
import { writeCatalog } from '../scripts/seed/write.ts';
import type { LocalDynamo } from './dynamodb/index.ts';

/**
 * Seeds the demo catalog (with stock at the demo warehouse) unless the table already has products (a `--data` directory keeps what a
 * developer changed), the shipping options, tax settings and default channel that are missing. Returns the number of
 * products written.
 */
export const seedIfEmpty = async (dynamo: LocalDynamo, table: string): Promise<number> => {
  const documents = DynamoDBDocumentClient.from(dynamo.client);
  await writePricingDefaults(documents, table);
  await writeDefaultChannel(documents, table);
  const { Count = 0 } = await dynamo.client.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: productsByStatus.partition('active').gsi1pk } },
      Limit: 1,
    }),
  );
  if (Count > 0) return 0;
  const catalog = demoCatalog();
  await writeCatalog(documents, table, catalog, demoCategories(catalog));
  await writeDemoStock(documents, table, catalog);
  return catalog.length;
};
