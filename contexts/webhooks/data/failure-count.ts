import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import { transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { shouldDisable } from '../domain/auto-disable.ts';
import { WEBHOOKS_SOURCE, type webhookDisabledData } from '../events.ts';
import { webhookKeys } from './keys.ts';

/**
 * Counts a delivery that ended `failed` against its subscription (1 UpdateItem), and at the limit
 * disables it: `active` false, the reason, and `WebhookDisabled` in the outbox, in one transaction
 * conditional on it still being active (so it is disabled, and announced, once). Answers whether this
 * call disabled it.
 */
export const countFailure = async (table: string, webhookId: string, now: Date): Promise<boolean> => {
  let count: number;
  let url: string;
  try {
    const { Attributes } = await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: webhookKeys.subscription(webhookId),
        UpdateExpression: 'ADD consecutiveFailures :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    count = Number(Attributes?.consecutiveFailures ?? 0);
    url = String(Attributes?.url ?? '');
    if (!shouldDisable(count) || Attributes?.active !== true) return false;
  } catch (error) {
    if (isConditionFailure(error)) return false; // deleted meanwhile: nothing to count against
    throw error;
  }
  const at = now.toISOString();
  const data: z.infer<typeof webhookDisabledData> = {
    webhookId,
    url,
    reason: 'consecutive_failures',
    consecutiveFailures: count,
  };
  const result = await transact([
    {
      Update: {
        TableName: table,
        Key: webhookKeys.subscription(webhookId),
        UpdateExpression: 'SET active = :no, disabledReason = :reason, disabledAt = :at, updatedAt = :at',
        ConditionExpression: 'active = :yes',
        ExpressionAttributeValues: { ':no': false, ':yes': true, ':reason': data.reason, ':at': at },
      },
    },
    { Put: { TableName: table, Item: outboxItem(WEBHOOKS_SOURCE, 'WebhookDisabled', data, now) } },
  ]);
  return result.ok;
};

/**
 * Clears the failure count after a delivery got through (1 UpdateItem, only called when the count read
 * was above zero, so a healthy receiver costs no write here).
 */
export const clearFailures = async (table: string, webhookId: string): Promise<void> => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: webhookKeys.subscription(webhookId),
        UpdateExpression: 'SET consecutiveFailures = :zero',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
