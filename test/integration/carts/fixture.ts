import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { productItems } from '#contexts/catalog/data/items.ts';
import type { Product } from '#contexts/catalog/domain/schemas.ts';
import { Entity, stockKeys } from '#contexts/inventory/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

/** A fresh table for cart tests. */
export const cartTable = async (): Promise<string> => {
  useLocalDynamo();
  return createTestTable();
};

/** An active product with `variants` variants priced in EUR, written as the catalog writes it. */
export const activeProduct = (variants: number, price = 1000): Product => {
  const id = randomUUID();
  const at = new Date().toISOString();
  return {
    id,
    slug: `p-${id.slice(0, 8)}`,
    title: `Product ${id.slice(0, 8)}`,
    description: '',
    status: 'active',
    categoryIds: [],
    channelIds: [],
    images: [],
    priceFrom: { EUR: price },
    createdAt: at,
    updatedAt: at,
    version: 1,
    variants: Array.from({ length: variants }, (_, i) => ({
      id: `${id.slice(0, 8)}-v${i}`,
      sku: `SKU-${id.slice(0, 8)}-${i}`.toUpperCase(),
      title: `V${i}`,
      options: {},
      prices: { EUR: price + i },
    })),
  };
};

/** Writes a product's items and, per variant, the stream-fed stock summary with `available` units. */
export const writeProduct = async (table: string, product: Product, available: number): Promise<void> => {
  const items = [
    ...productItems(product),
    ...product.variants.map((v) => ({
      ...stockKeys.alerts(v.id),
      entity: Entity.stockAlerts,
      variantId: v.id,
      lastAvailable: available,
    })),
  ];
  for (let i = 0; i < items.length; i += 25)
    await documentClient().send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
};

/** Writes one item as is. */
export const putItem = (table: string, item: Record<string, unknown>) =>
  documentClient().send(new PutCommand({ TableName: table, Item: item }));

/**
 * Records the DynamoDB requests the shared client sends while `work` runs: their operation names and the
 * number of round trips (a request started after another one's answer arrived begins a new round trip).
 */
export const countRequests = async <T>(
  work: () => Promise<T>,
): Promise<{ result: T; requests: string[]; roundTrips: number }> => {
  const requests: string[] = [];
  let roundTrips = 0;
  let answered = true;
  const name = `count-${randomUUID()}`;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      requests.push(context.commandName as string);
      if (answered) roundTrips++;
      answered = false;
      try {
        return await next(args);
      } finally {
        answered = true;
      }
    },
    { step: 'initialize', name },
  );
  try {
    return { result: await work(), requests, roundTrips };
  } finally {
    documentClient().middlewareStack.remove(name);
  }
};
