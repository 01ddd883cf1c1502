import { cancellationReasons } from '#platform/data/conditions.ts';
import { type AppError, ConflictError, UnprocessableError } from '#platform/errors/index.ts';
import type { ConditionTag } from './change-transaction.ts';

const forTag = (tag: ConditionTag): AppError => {
  if (tag === 'version')
    return new ConflictError('The product changed since it was read', 'version_conflict');
  if (tag === 'new') return new ConflictError('The product already exists', 'product_exists');
  if (tag === 'slug') return new ConflictError('Another product has this slug', 'slug_taken');
  if (tag.startsWith('sku:'))
    return new ConflictError(`Another product has SKU ${tag.slice(4)}`, 'sku_taken');
  if (tag.startsWith('category:'))
    return new UnprocessableError(`Category ${tag.slice(9)} does not exist`, 'category_not_found');
  return new ConflictError('A concurrent change got there first; read again and retry', 'write_conflict');
};

/**
 * Turns a cancelled catalog transaction into the typed error of the first item whose condition failed
 * (`tags` says what each item's condition protects). Other errors are returned unchanged.
 */
export const transactionError = (error: unknown, tags: readonly ConditionTag[]): unknown => {
  const reasons = cancellationReasons(error);
  if (!reasons) return error;
  const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
  if (failed >= 0) return forTag(tags[failed] ?? 'none');
  // TransactionConflict: another transaction held one of the items at the same moment.
  return forTag('none');
};
