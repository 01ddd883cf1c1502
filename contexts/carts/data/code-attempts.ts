import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import type { CodeAttemptLimits } from '../domain/code-attempts.ts';
import { cartKeys, Entity } from './keys.ts';

/** A code attempt charged to its cart's counter (`refund` gives the slot back), or refused outright. */
export type CodeAttempt =
  | { readonly allowed: true; refund(): Promise<void> }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

// Kept an hour past its window so a clock a little ahead cannot make a live counter vanish early.
const TTL_SLACK_SECONDS = 3600;
// Each round is lost only to a concurrent attempt that started the cart's new window: it then counts.
const ROUNDS = 3;

/**
 * Takes one attempt slot of the cart's window before the code is judged. The window opens at the cart's
 * first counted attempt and lasts `windowSeconds`. One UpdateItem ADDs 1 only while the window is open
 * and the count under the limit: counting and refusing in one atomic write, so no read and no race (fifty
 * guesses sent at once when nine are spent let exactly one through). A refusal brings the old counter back
 * for free: a closed window is restarted at 1 (conditional on the window it saw, so two restarts cannot
 * both win), an open one answers when it closes. The caller refunds the slot when the attempt did not fail.
 */
export const chargeCodeAttempt = async (
  table: string,
  cartId: string,
  limits: CodeAttemptLimits,
  now: Date,
): Promise<CodeAttempt> => {
  const Key = cartKeys.codeAttempts(cartId);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const end = nowSeconds + limits.windowSeconds;
  const common = { ':one': 1, ':entity': Entity.codeAttempts, ':expires': end + TTL_SLACK_SECONDS };
  for (let round = 0; round < ROUNDS; round++) {
    try {
      const { Attributes } = await documentClient().send(
        new UpdateCommand({
          TableName: table,
          Key,
          UpdateExpression:
            'ADD attempts :one SET entity = :entity, windowEndsAt = if_not_exists(windowEndsAt, :end), ' +
            'expiresAt = if_not_exists(expiresAt, :expires)',
          ConditionExpression: 'attribute_not_exists(attempts) OR (windowEndsAt > :now AND attempts < :max)',
          ExpressionAttributeValues: { ...common, ':end': end, ':now': nowSeconds, ':max': limits.attempts },
          ReturnValues: 'UPDATED_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return charged(table, Key, Number(Attributes?.windowEndsAt ?? end));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // The old item comes back as DynamoDB wrote it (attribute values, not unmarshalled).
      const seen = Number((error.Item as Record<string, AttributeValue> | undefined)?.windowEndsAt?.N);
      if (seen > nowSeconds) return { allowed: false, retryAfterSeconds: seen - nowSeconds };
      if (await restart(table, Key, seen, { ...common, ':end': end })) return charged(table, Key, end);
    }
  }
  // Only a storm of attempts racing on one cart gets here: answer it like any cart over its limit.
  return { allowed: false, retryAfterSeconds: limits.windowSeconds };
};

/** Starts a new window at 1 over a closed one, unless another attempt already did (false). */
const restart = async (
  table: string,
  Key: Record<string, string>,
  closedAt: number,
  values: Record<string, unknown>,
): Promise<boolean> => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key,
        UpdateExpression: 'SET attempts = :one, entity = :entity, windowEndsAt = :end, expiresAt = :expires',
        ConditionExpression: 'windowEndsAt = :closed',
        ExpressionAttributeValues: { ...values, ':closed': closedAt },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

const charged = (table: string, Key: Record<string, string>, windowEndsAt: number): CodeAttempt => {
  // One slot, one refund: a second call must not give back an earlier failure's slot.
  let refunded = false;
  return {
    allowed: true,
    refund: async () => {
      if (refunded) return;
      refunded = true;
      await refund(table, Key, windowEndsAt);
    },
  };
};

/** Gives back the slot this attempt took, in the window it took it from (earlier failures stay counted). */
const refund = async (table: string, Key: Record<string, string>, windowEndsAt: number): Promise<void> => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key,
        UpdateExpression: 'ADD attempts :minusOne',
        ConditionExpression: 'windowEndsAt = :end AND attempts > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':end': windowEndsAt, ':zero': 0 },
      }),
    );
  } catch {
    // A refund lost (a new window, a throttle) only over-counts one attempt: never worth failing the request.
  }
};
