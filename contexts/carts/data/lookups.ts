import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { variantById } from '#contexts/catalog/data/keys.ts';
import { promotionKeys } from '#contexts/pricing/data/keys.ts';
import { promotionIdFromCodeItem } from '#contexts/pricing/data/promotion-items.ts';
import { documentClient } from '#platform/data/client.ts';
import type { CatalogVariant } from '../domain/pricing-snapshot.ts';
import type { CartRecord } from '../domain/schemas.ts';
import { cartFromItem } from './items.ts';
import { cartKeys } from './keys.ts';
import { catalogVariantFromItem } from './snapshot.ts';

/** A variant by id alone (gsi1 "variant by id": one Query), or undefined when there is none. */
export const findVariant = async (table: string, variantId: string): Promise<CatalogVariant | undefined> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': variantById(variantId).gsi1pk },
      Limit: 1,
    }),
  );
  return catalogVariantFromItem(Items[0]);
};

/** The promotion id an entered code names (one GetItem of the code's item), or undefined. */
export const findPromotionIdByCode = async (table: string, code: string): Promise<string | undefined> => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: promotionKeys.code(code) }),
  );
  return promotionIdFromCodeItem(Item);
};

/** Most open carts of one customer claim looks at: the newest created; a shopper has a few. */
const MAX_OPEN_CARTS = 100;

/**
 * A customer's most recently changed open cart in a currency and channel (not `except`), read consistently from the
 * table after gsi1 named it; undefined when there is none. The index sorts by creation (an edit does not
 * move an entry), so the most recent change is picked in code from the few open carts it holds.
 */
export const findOpenCart = async (
  table: string,
  customerId: string,
  currency: string,
  except: string,
  channelId: string,
): Promise<CartRecord | undefined> => {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': cartKeys.customerOpenPartition(customerId) },
      ScanIndexForward: false,
      Limit: MAX_OPEN_CARTS,
    }),
  );
  const hit = Items.map(cartFromItem)
    .filter((c) => c.currency === currency && c.channelId === channelId && c.id !== except)
    .reduce<CartRecord | undefined>(
      (latest, c) => (latest && latest.updatedAt >= c.updatedAt ? latest : c),
      undefined,
    );
  if (!hit) return undefined;
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: cartKeys.cart(hit.id), ConsistentRead: true }),
  );
  const fresh = Item ? cartFromItem(Item) : undefined;
  return fresh?.status === 'open' ? fresh : undefined;
};
