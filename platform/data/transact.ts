import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { coalesceOutbox } from '../events/outbox.ts';
import { documentClient } from './client.ts';
import { cancellationReasons } from './conditions.ts';

/** One item of a TransactWriteItems. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TRANSACT_ITEMS = 100;

/** A cancelled transaction: per item, whether its condition failed; `conflict` when another transaction held an item. */
export interface Cancelled {
  readonly ok: false;
  readonly conditionFailed: readonly boolean[];
  readonly conflict: boolean;
}

/**
 * Sends one TransactWriteItems, its outbox Puts written as one item carrying all their events
 * (`coalesceOutbox`). A cancellation is an answer, not an error: the caller learns which of ITS items'
 * conditions failed and whether it was a conflict worth retrying. Other errors throw.
 */
export const transact = async (items: TransactItem[]): Promise<{ readonly ok: true } | Cancelled> => {
  const { entries, positions } = coalesceOutbox(items);
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: entries }));
    return { ok: true };
  } catch (error) {
    if (error instanceof Error && error.name === 'TransactionConflictException')
      return { ok: false, conditionFailed: [], conflict: true };
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    return {
      ok: false,
      conditionFailed: positions.map((at) => reasons[at]?.Code === 'ConditionalCheckFailed'),
      conflict: reasons.some((r) => r.Code === 'TransactionConflict'),
    };
  }
};

/** Waits a jittered, growing time before retry `attempt` (full jitter, capped at 200 ms). */
export const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
