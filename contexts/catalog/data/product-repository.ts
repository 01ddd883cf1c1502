import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { queryPage } from '#platform/data/pages.ts';
import { type Product, type ProductSummary, productSummarySchema } from '../domain/schemas.ts';
import { productFromItems } from './items.ts';
import {
  type ProductStatus,
  productBySlugPartition,
  productKeys,
  productPageStart,
  productsByStatus,
} from './keys.ts';

/** One page of a listing: items and the cursor of the next page (null on the last page). */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** Reads products from the single table; every method is one DynamoDB request. */
export class ProductRepository {
  readonly #table: string;
  readonly #cursorSecret: string;

  constructor(table: string, cursorSecret = '') {
    this.#table = table;
    this.#cursorSecret = cursorSecret;
  }

  /**
   * A product with its variants: one Query on the product item and its variants (not its listings).
   * Writers read `consistent`ly, so the version they check is the stored one.
   */
  async get(productId: string, options: { consistent?: boolean } = {}): Promise<Product | undefined> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'pk = :pk AND sk >= :start',
        ExpressionAttributeValues: {
          ':pk': productKeys.collection(productId).pk,
          ':start': productPageStart,
        },
        ConsistentRead: options.consistent ?? false,
      }),
    );
    return productFromItems(Items);
  }

  /** A product by its slug: one Query on gsi2, where the product item and its variants carry the slug. */
  async getBySlug(slug: string): Promise<Product | undefined> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: this.#table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': productBySlugPartition(slug) },
      }),
    );
    return productFromItems(Items);
  }

  /** One page of products in a status, newest first: one Query on gsi1. */
  async listByStatus(status: ProductStatus, limit: number, cursor?: string): Promise<Page<ProductSummary>> {
    const page = await queryPage(
      {
        TableName: this.#table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': productsByStatus.partition(status).gsi1pk },
        ScanIndexForward: false,
      },
      { limit: limit, cursor: cursor, cursorSecret: this.#cursorSecret, scope: `products:${status}` },
    );
    return { items: page.items.map((item) => productSummarySchema.parse(item)), nextCursor: page.nextCursor };
  }
}
