/**
 * Condition failures as DynamoDB reports them. Checked by name, not `instanceof`, so the check holds
 * whichever copy of the SDK a bundle carries.
 */

/** True when a single-item write failed its ConditionExpression (`Item`: the old item as attribute values, when asked for). */
export const isConditionFailure = (error: unknown): error is Error & { Item?: Record<string, unknown> } =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

interface CancellationReason {
  readonly Code?: string;
  readonly Item?: Record<string, unknown>;
}

/**
 * The per-item reasons of a cancelled TransactWriteItems, in request order; undefined when the error is
 * something else. A reason's `Code` is `ConditionalCheckFailed` for the item whose condition failed.
 */
export const cancellationReasons = (error: unknown): readonly CancellationReason[] | undefined => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return (error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
};
