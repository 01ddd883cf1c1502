import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { transact } from '#platform/data/transact.ts';
import { processedEventPut } from '#platform/events/processed.ts';
import { type PaymentResult, paymentResultSchema, REPLACEABLE } from '../domain/result.ts';
import { Entity, paymentKeys } from './keys.ts';

/** The consumer name under which Stripe event ids are remembered (processed-event records). */
export const STRIPE_WEBHOOK_CONSUMER = 'stripe-webhook';

/** What recording did: the first delivery of an event, a repeat, or an event older than the record. */
export type RecordEffect = 'recorded' | 'duplicate' | 'superseded';

/**
 * Records an order's payment result and the Stripe event id in one transaction (one request): the
 * event-id record is conditional on being new, so a repeated delivery changes nothing; the result is
 * conditional on being allowed to replace the recorded one (REPLACEABLE) and not older than it, so
 * out-of-order deliveries cannot undo a later outcome.
 */
export const recordPaymentResult = async (table: string, result: PaymentResult): Promise<RecordEffect> => {
  const replaceable = REPLACEABLE[result.outcome];
  const names = replaceable.map((_, i) => `:replaceable${i}`);
  const written = await transact([
    {
      Put: processedEventPut(table, STRIPE_WEBHOOK_CONSUMER, result.eventId, {
        orderId: result.orderId,
        eventType: result.eventType,
      }),
    },
    {
      Put: {
        TableName: table,
        Item: { ...paymentKeys.result(result.orderId), entity: Entity.paymentResult, ...result },
        ConditionExpression: `attribute_not_exists(pk) OR (outcome IN (${names.join(', ')}) AND eventCreated <= :created)`,
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((name, i) => [name, replaceable[i]])),
          ':created': result.eventCreated,
        },
      },
    },
  ]);
  if (written.ok) return 'recorded';
  if (written.conditionFailed[0]) return 'duplicate';
  if (written.conditionFailed[1]) return 'superseded';
  throw new Error(`Recording the payment result of order ${result.orderId} met a concurrent write; retry`);
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
