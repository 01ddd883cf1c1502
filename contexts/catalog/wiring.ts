import { ChannelResolver } from '#contexts/channels/data/channel-resolver.ts';
import { logger } from '#platform/http/logger.ts';
import { operationOf } from '#platform/http/operation.ts';
import { AuditRepository } from './data/audit.ts';
import { CategoryRepository } from './data/category-repository.ts';
import { ListingRepository } from './data/listing-repository.ts';
import { ProductImporter } from './data/product-importer.ts';
import { ProductRepository } from './data/product-repository.ts';
import { ProductWriter } from './data/product-writer.ts';

/** What the store's operations read (read-only table access), wired once per Lambda instance. */
export const storeServices = (table: string, cursorKey: string) => ({
  products: new ProductRepository(table),
  listings: new ListingRepository(table, cursorKey),
  categories: new CategoryRepository(table),
  channels: new ChannelResolver(table),
});
export type StoreServices = ReturnType<typeof storeServices>;

/** What the back office's operations read and write, wired once per Lambda instance over one table. */
export const adminServices = (table: string, cursorKey: string) => {
  const writer = new ProductWriter(table);
  return {
    products: new ProductRepository(table, cursorKey),
    writer,
    categories: new CategoryRepository(table),
    audit: new AuditRepository(table, cursorKey),
    importer: new ProductImporter(writer, (error, row) =>
      logger.error('An import row failed unexpectedly', { row, error: error as Error }),
    ),
  };
};
export type AdminServices = ReturnType<typeof adminServices>;

/** Declares an operation of the `catalogStore` function (typed with its services). */
export const storeOperation = operationOf<StoreServices>();

/** Declares an operation of the `catalogAdmin` function (typed with its services). */
export const adminOperation = operationOf<AdminServices>();
