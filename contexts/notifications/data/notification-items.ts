import { PutCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { type TransactItem, transact } from '#platform/data/transact.ts';

/**
 * The writes of a send record's life, `queued` → `sent` (docs/data-model.md): a notification item, or
 * one resend of it. An attempt to send holds a lease on the item (`sendingBy`, `sendingUntil`): a
 * duplicate delivery that arrives while another attempt is sending finds the lease held and sends
 * nothing; a crashed attempt's lease runs out, so the retry of its message sends. Every write is 1 WCU
 * on one item (a resend's record: 2 items in one transaction); none touches an index.
 */

/** The primary key of a send record. */
export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** One attempt to send: who holds the lease, and until when (ISO 8601, so strings compare as times). */
export interface SendAttempt {
  readonly id: string;
  readonly until: string;
}

/** The outcome of trying to take the item: its stored attributes, or why this attempt must not send. */
export type Claim =
  | { readonly claimed: true; readonly item: Record<string, unknown> }
  | { readonly claimed: false; readonly status: 'sent' | 'sending' };

/** What a failed claim found: `status` of the old item, as attribute values (`{ S: 'sent' }`). */
const foundStatus = (error: { Item?: Record<string, unknown> }): 'sent' | 'sending' =>
  (error.Item?.status as { S?: string } | undefined)?.S === 'sent' ? 'sent' : 'sending';

/**
 * Writes `attributes` (the rendered e-mail, `status: queued`) as a new item whose lease this attempt
 * holds (1 PutItem, conditional on the item being new: the key names what is sent, so the item is its
 * own processed-event record). False when it already exists.
 */
export const putQueued = async (
  table: string,
  key: ItemKey,
  attributes: Record<string, unknown>,
  attempt: SendAttempt,
): Promise<boolean> => {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table,
        Item: { ...attributes, ...key, sendingBy: attempt.id, sendingUntil: attempt.until },
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
 * item, or whether it was `sent` already or is being sent right now.
 */
export const claimQueued = async (
  table: string,
  key: ItemKey,
  attempt: SendAttempt,
  now: Date,
): Promise<Claim> => {
  try {
    const { Attributes } = await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: key,
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
    return { claimed: true, item: Attributes ?? {} };
  } catch (error) {
    if (isConditionFailure(error)) return { claimed: false, status: foundStatus(error) };
    throw error;
  }
};

/**
 * Records the send (1 UpdateItem): `sent`, SES's `messageId`, `sentAt`, lease removed. Conditional on
 * `queued`, so the first recorded send stays; false when another attempt recorded one first (its lease
 * had run out while this one was still sending: the one case in which the e-mail went out twice).
 * `also` (a resend's count on its notification) is written in the same transaction, so it counts once.
 */
export const markSent = async (
  table: string,
  key: ItemKey,
  messageId: string,
  sentAt: Date,
  also?: TransactItem,
): Promise<boolean> => {
  const update = {
    TableName: table,
    Key: key,
    UpdateExpression: 'SET #status = :sent, messageId = :id, sentAt = :at REMOVE sendingBy, sendingUntil',
    ConditionExpression: '#status = :queued',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':sent': 'sent',
      ':queued': 'queued',
      ':id': messageId,
      ':at': sentAt.toISOString(),
    },
  } satisfies UpdateCommandInput;
  if (also) return (await transact([{ Update: update }, also])).ok;
  try {
    await documentClient().send(new UpdateCommand(update));
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
export const releaseLease = async (table: string, key: ItemKey, attempt: SendAttempt): Promise<void> => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: key,
        UpdateExpression: 'REMOVE sendingBy, sendingUntil',
        ConditionExpression: 'sendingBy = :me',
        ExpressionAttributeValues: { ':me': attempt.id },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
