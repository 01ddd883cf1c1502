/**
 * What a consumer's answer means for its batch, read the way an event source mapping with
 * `FunctionResponseTypes: ['ReportBatchItemFailures']` reads it.
 */
export type BatchOutcome =
  /** Delete every message except `failed` (empty: delete all). */
  | { readonly kind: 'partial'; readonly failed: ReadonlySet<string> }
  /** Delete nothing; every message comes back after the visibility timeout. */
  | { readonly kind: 'failed'; readonly reason: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const success: BatchOutcome = { kind: 'partial', failed: new Set() };

/**
 * Reads a consumer's response. Lambda treats a null or empty response and a null or empty
 * `batchItemFailures` as full success, and any identifier that is missing, empty, misnamed or not a
 * message of the batch as a failure of the whole batch.
 */
export const readBatchResponse = (response: unknown, messageIds: readonly string[]): BatchOutcome => {
  if (response === undefined || response === null) return success;
  // Anything that is not a JSON object cannot be an SQSBatchResponse: Lambda calls it invalid.
  if (!isObject(response)) return { kind: 'failed', reason: 'response is not an object' };
  const failures = response.batchItemFailures;
  if (failures === undefined || failures === null) return success;
  if (!Array.isArray(failures)) return { kind: 'failed', reason: 'batchItemFailures is not an array' };
  const known = new Set(messageIds);
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = isObject(failure) ? failure.itemIdentifier : undefined;
    if (typeof id !== 'string' || !known.has(id)) {
      return { kind: 'failed', reason: `invalid itemIdentifier ${JSON.stringify(id) ?? 'undefined'}` };
    }
    failed.add(id);
  }
  return { kind: 'partial', failed };
};
