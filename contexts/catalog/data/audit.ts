import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documentClient } from '#platform/data/client.ts';
import { decodeCursor, encodeCursor, type PageKey } from '#platform/data/cursor.ts';
import type { Actor } from './change-transaction.ts';
import { auditKeys, Entity } from './keys.ts';
import type { Page } from './product-repository.ts';

/** One audit record: who (token subject, email), what (action, changed fields), when, which version. */
export const auditRecordSchema = z.object({
  at: z.iso.datetime(),
  actor: z.object({ sub: z.string().max(200), email: z.string().max(320).optional() }),
  action: z.string().max(64).meta({ example: 'product.update' }),
  changes: z.array(z.string().max(120)).max(200),
  version: z.number().int().nonnegative(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** A page of an audit trail, newest first. */
export const auditPageSchema = z.object({
  items: z.array(auditRecordSchema).max(100),
  nextCursor: z.string().max(2048).nullable(),
});

/** The audit record of a category change, written in the change's transaction. */
export const categoryAuditItem = (
  categoryId: string,
  action: string,
  changes: readonly string[],
  version: number,
  actor: Actor,
  now: Date,
) => {
  const at = now.toISOString();
  return {
    ...auditKeys.category(categoryId, at, randomUUID()),
    entity: Entity.audit,
    categoryId,
    at,
    actor,
    action,
    changes: [...changes],
    version,
  };
};

/** Reads audit trails: one Query per page on the audited thing's own partition. */
export class AuditRepository {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret: string) {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  /** One page of a product's audit trail, newest first (it outlives a deleted product). */
  async forProduct(productId: string, limit: number, cursor?: string): Promise<Page<AuditRecord>> {
    const scope = `audit:product:${productId}`;
    const start: PageKey | undefined = cursor ? decodeCursor(cursor, this.#cursorSecret, scope) : undefined;
    const { Items = [], LastEvaluatedKey } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.productCollection(productId).pk },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return {
      items: Items.map((item) => auditRecordSchema.parse(item)),
      nextCursor: LastEvaluatedKey
        ? encodeCursor(LastEvaluatedKey as PageKey, this.#cursorSecret, scope)
        : null,
    };
  }
}
