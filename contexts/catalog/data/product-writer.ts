import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { ConflictError, NotFoundError } from '#platform/errors/index.ts';
import type { ProductChange } from '../domain/product-rules.ts';
import type { Product } from '../domain/schemas.ts';
import { type Actor, changeTransaction } from './change-transaction.ts';
import { ProductRepository } from './product-repository.ts';
import { transactionError } from './transaction-errors.ts';

/** A fresh product or variant id. */
export const newId = (): string => randomUUID();

/**
 * Admin writes: every change is one strongly consistent read of the product (1 Query) and one
 * TransactWriteItems conditional on the version that read returned.
 */
export class ProductWriter {
  readonly #table: string;
  readonly #products: ProductRepository;

  constructor(table: string) {
    this.#table = table;
    this.#products = new ProductRepository(table);
  }

  /** The product as stored now (strongly consistent), or a 404 `product_not_found`. */
  async load(productId: string): Promise<Product> {
    const product = await this.#products.get(productId, { consistent: true });
    if (!product) throw new NotFoundError(`Product ${productId} does not exist`, 'product_not_found');
    return product;
  }

  /** Writes a change in one transaction; condition failures become typed 409/422 errors. */
  async commit(change: ProductChange, actor: Actor, now = new Date()): Promise<void> {
    const { items, tags } = changeTransaction(this.#table, change, actor, now);
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      throw transactionError(error, tags);
    }
  }

  /**
   * Reads the product, checks the client's `expectedVersion` (409 before any write when stale), lets
   * `decide` compute the change and commits it: 2 requests.
   */
  async apply(
    productId: string,
    expectedVersion: number,
    actor: Actor,
    decide: (product: Product, now: Date) => ProductChange,
  ): Promise<ProductChange> {
    const product = await this.load(productId);
    if (product.version !== expectedVersion)
      throw new ConflictError(
        `The product changed since it was read (current version ${product.version})`,
        'version_conflict',
      );
    const now = new Date();
    const change = decide(product, now);
    await this.commit(change, actor, now);
    return change;
  }
}
