import { PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { coalesceOutbox } from '../events/outbox.ts';
import { documentClient } from './client.ts';
import { cancellationReasons, isConditionFailure } from './conditions.ts';

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
 * Sends one TransactWriteItems, its outbox Puts folded away (`coalesceOutbox`: their events ride on an
 * item the transaction inserts anyway, or go as one outbox item). What is left of a single Put is sent as
 * a PutItem (the same condition, at half the write units of a transaction). A cancellation is an answer,
 * not an error: the caller learns which of ITS items' conditions failed and whether it was a conflict
 * worth retrying. Other errors throw.
 */
export const transact = async (items: TransactItem[]): Promise<{ readonly ok: true } | Cancelled> => {
  const { entries, positions, owners } = coalesceOutbox(items);
  const failed = (reasons: readonly (string | undefined)[]): Cancelled => ({
    ok: false,
    conditionFailed: positions.map((at, i) => owners[at] === i && reasons[at] === 'ConditionalCheckFailed'),
    conflict: reasons.some((r) => r === 'TransactionConflict'),
  });
  const [only] = entries;
  if (entries.length === 1 && only?.Put) {
    try {
      await documentClient().send(new PutCommand(only.Put));
      return { ok: true };
    } catch (error) {
      if (isConditionFailure(error)) return failed(['ConditionalCheckFailed']);
      throw error;
    }
  }
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: entries }));
    return { ok: true };
  } catch (error) {
    if (error instanceof Error && error.name === 'TransactionConflictException')
      return { ok: false, conditionFailed: [], conflict: true };
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    return failed(reasons.map((r) => r.Code));
  }
};

/** Waits a jittered, growing time before retry `attempt` (full jitter, capped at 200 ms). */
export const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
