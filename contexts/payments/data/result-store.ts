import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { type PaymentResult, paymentResultSchema, REPLACEABLE } from '../domain/result.ts';
import { Entity, paymentKeys } from './keys.ts';

/** What recording did: the first delivery of an event, a repeat, or an event older than the record. */
export type RecordEffect = 'recorded' | 'duplicate' | 'superseded';

/**
 * Records an order's payment result: 1 PutItem (1 WCU), conditional on the item being new, or on the new
 * outcome being allowed to replace the recorded one (REPLACEABLE), not older than it, and from another
 * event. So out-of-order deliveries cannot undo a later outcome, and a repeated delivery writes nothing.
 * The item is its own processed-event record: when the condition fails, the stored item (returned with
 * the failure) tells a repeat (same event id: `duplicate`) from an older or weaker event (`superseded`).
 */
export const recordPaymentResult = async (table: string, result: PaymentResult): Promise<RecordEffect> => {
  const replaceable = REPLACEABLE[result.outcome];
  const names = replaceable.map((_, i) => `:replaceable${i}`);
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table,
        Item: { ...paymentKeys.result(result.orderId), entity: Entity.paymentResult, ...result },
        ConditionExpression: `attribute_not_exists(pk) OR (outcome IN (${names.join(', ')}) AND eventCreated <= :created AND eventId <> :eventId)`,
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((name, i) => [name, replaceable[i]])),
          ':created': result.eventCreated,
          ':eventId': result.eventId,
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return 'recorded';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // The old item comes back as DynamoDB wrote it (attribute values, not unmarshalled).
    const stored = error.Item as Record<string, AttributeValue> | undefined;
    return stored?.eventId?.S === result.eventId ? 'duplicate' : 'superseded';
  }
};

/**
 * The recorded payment result of an order, read strongly consistent: the saga's wait step reads it right
 * after storing its task token, and must see a result the webhook wrote before.
 */
export const getPaymentResult = async (
  table: string,
  orderId: string,
): Promise<PaymentResult | undefined> => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table, Key: paymentKeys.result(orderId), ConsistentRead: true }),
  );
  return Item ? paymentResultSchema.parse(Item) : undefined;
};
