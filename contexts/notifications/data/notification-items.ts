import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { type OrderConfirmationEmail, orderConfirmationEmail } from '../domain/order-confirmation.ts';
import { Entity, notificationKeys } from './keys.ts';

/**
 * The writes of a notification item's life, `queued` → `sent` (docs/data-model.md). An attempt to send
 * holds a lease on the item (`sendingBy`, `sendingUntil`): a duplicate delivery that arrives while
 * another attempt is sending finds the lease held and sends nothing; a crashed attempt's lease runs out,
 * so the retry of its message sends. Every write is 1 WCU on one item; none touches an index.
 */

/** One attempt to send: who holds the lease, and until when (ISO 8601, so strings compare as times). */
export interface SendAttempt {
  readonly id: string;
  readonly until: string;
}

/** The outcome of trying to take the item: the e-mail to send, or why this attempt must not send. */
export type Claim =
  | { readonly claimed: true; readonly email: OrderConfirmationEmail }
  | { readonly claimed: false; readonly status: 'sent' | 'sending' };

const key = (orderId: string, template: string) => notificationKeys.email(orderId, template);

/** What a failed claim found: `status` of the old item, as attribute values (`{ S: 'sent' }`). */
const foundStatus = (error: { Item?: Record<string, unknown> }): 'sent' | 'sending' =>
  (error.Item?.status as { S?: string } | undefined)?.S === 'sent' ? 'sent' : 'sending';

/**
 * Writes the rendered e-mail as a new `queued` item whose lease this attempt holds (1 PutItem,
 * conditional on the item being new: the key is the order and template, so the item is its own
 * processed-event record). False when it already exists.
 */
export const putQueued = async (
  table: string,
  eventId: string,
  email: OrderConfirmationEmail,
  attempt: SendAttempt,
): Promise<boolean> => {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table,
        Item: {
          ...key(email.orderId, email.template),
          entity: Entity.notification,
          eventId,
          ...email,
          sendingBy: attempt.id,
          sendingUntil: attempt.until,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    // Only the failed "is new" condition means "exists"; a throttle or outage retries the message.
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * Takes the lease of an existing item (1 UpdateItem): only while it is `queued` and no other attempt's
 * lease runs, i.e. an earlier attempt failed (it let go) or died (its lease ran out). Answers the stored
 * e-mail, or whether the item was `sent` already or is being sent right now.
 */
export const claimQueued = async (
  table: string,
  orderId: string,
  template: string,
  attempt: SendAttempt,
  now: Date,
): Promise<Claim> => {
  try {
    const { Attributes } = await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: key(orderId, template),
        UpdateExpression: 'SET sendingBy = :me, sendingUntil = :until',
        ConditionExpression:
          '#status = :queued AND (attribute_not_exists(sendingUntil) OR sendingUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':me': attempt.id,
          ':until': attempt.until,
          ':queued': 'queued',
          ':now': now.toISOString(),
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { claimed: true, email: orderConfirmationEmail.parse(Attributes) };
  } catch (error) {
    if (isConditionFailure(error)) return { claimed: false, status: foundStatus(error) };
    throw error;
  }
};

/**
 * Records the send (1 UpdateItem): `sent`, SES's `messageId`, `sentAt`, lease removed. Conditional on
 * `queued`, so the first recorded send stays; false when another attempt recorded one first (its lease
 * had run out while this one was still sending: the one case in which the e-mail went out twice).
 */
export const markSent = async (
  table: string,
  email: Pick<OrderConfirmationEmail, 'orderId' | 'template'>,
  messageId: string,
  sentAt: Date,
): Promise<boolean> => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: key(email.orderId, email.template),
        UpdateExpression: 'SET #status = :sent, messageId = :id, sentAt = :at REMOVE sendingBy, sendingUntil',
        ConditionExpression: '#status = :queued',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':queued': 'queued',
          ':id': messageId,
          ':at': sentAt.toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * Lets go of this attempt's lease after a failed send (1 UpdateItem), so the message's retry sends at
 * once instead of waiting the lease out. Conditional on still holding it; a lost race changes nothing.
 */
export const releaseLease = async (
  table: string,
  email: Pick<OrderConfirmationEmail, 'orderId' | 'template'>,
  attempt: SendAttempt,
): Promise<void> => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: key(email.orderId, email.template),
        UpdateExpression: 'REMOVE sendingBy, sendingUntil',
        ConditionExpression: 'sendingBy = :me',
        ExpressionAttributeValues: { ':me': attempt.id },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
