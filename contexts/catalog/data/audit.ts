import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { queryPage } from '#platform/data/pages.ts';
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
    const page = await queryPage(
      {
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.productCollection(productId).pk },
        ScanIndexForward: false,
      },
      { limit: limit, cursor: cursor, cursorSecret: this.#cursorSecret, scope: `audit:product:${productId}` },
    );
    return { items: page.items.map((item) => auditRecordSchema.parse(item)), nextCursor: page.nextCursor };
  }
}
