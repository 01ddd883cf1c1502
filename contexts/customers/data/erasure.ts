import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cartKeys } from '#contexts/carts/data/keys.ts';
import { orderKeys } from '#contexts/orders/data/keys.ts';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { queryAll } from '#platform/data/pages.ts';
import { ERASED } from '../domain/privacy.ts';

type Item = Record<string, unknown>;

/**
 * Anonymises one order in place: the e-mail goes, the shipping address keeps only its country (tax), and
 * `anonymisedAt` marks it. Amounts, lines, currency, status, dates and ids stay for the books. The body
 * is conditional on not being anonymised yet, so a repeated erasure counts it once. Answers whether this
 * call anonymised it (1 UpdateItem on the body + 1 on the summary, which carries the e-mail for lists).
 */
export const anonymiseOrder = async (table: string, orderId: string, now: string): Promise<boolean> => {
  await documentClient()
    .send(
      new UpdateCommand({
        TableName: table,
        Key: orderKeys.summary(orderId),
        UpdateExpression: 'SET email = :null',
        // Never creates a bare summary: an order stored before summaries existed has none.
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':null': null },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: orderKeys.order(orderId),
        // Nested paths keep `shippingAddress.country` without reading the order first.
        UpdateExpression:
          'SET email = :null, anonymisedAt = :now, shippingAddress.#name = :erased, shippingAddress.line1 = :erased, ' +
          'shippingAddress.line2 = :null, shippingAddress.city = :erased, shippingAddress.postalCode = :null, ' +
          'shippingAddress.#region = :null, shippingAddress.phone = :null',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(anonymisedAt)',
        ExpressionAttributeNames: { '#name': 'name', '#region': 'region' },
        ExpressionAttributeValues: { ':null': null, ':now': now, ':erased': ERASED },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * Deletes one cart with everything in its partition (the idle marker, the code-attempt counter): a
 * Query of the partition and one DeleteItem per item. Answers whether the cart itself was there.
 */
export const deleteCart = async (table: string, cartId: string): Promise<boolean> => {
  const items = await queryAll({
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': cartKeys.cart(cartId).pk },
    ProjectionExpression: 'pk, sk',
  });
  await Promise.all(
    items.map((item: Item) =>
      documentClient().send(new DeleteCommand({ TableName: table, Key: { pk: item.pk, sk: item.sk } })),
    ),
  );
  return items.some((item) => item.sk === cartKeys.cart(cartId).sk);
};
