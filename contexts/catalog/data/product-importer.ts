import { AppError, ConflictError } from '#platform/errors/index.ts';
import { parseInput } from '#platform/errors/parse-input.ts';
import { type ImportProductInput, importProductInput } from '../domain/admin-inputs.ts';
import type { ImportReport, ImportRowReport } from '../domain/import-report.ts';
import { replaceProduct } from '../domain/import-rules.ts';
import { createProduct } from '../domain/product-rules.ts';
import type { SourceRow } from '../domain/source-row.ts';
import type { Actor } from './change-transaction.ts';
import { newId, type ProductWriter } from './product-writer.ts';

/**
 * Products written at once. Every product of a file often shares a category, whose counter each
 * transaction updates: more writers would mostly collide (TransactionConflict) and retry.
 */
const CONCURRENCY = 4;
/** Attempts of a product whose transaction met another on the same item (nothing was written). */
const ATTEMPTS = 4;

type Checked = { readonly row: number; readonly input: ImportProductInput };

const failed = (row: number, error: unknown, slug?: string): ImportRowReport => {
  const known = error instanceof AppError;
  return {
    row,
    status: 'failed',
    ...(slug ? { slug } : {}),
    error: {
      code: known ? error.code : 'write_failed',
      detail: known ? error.message : 'The product could not be written; import it again',
      ...(known && error.errors ? { errors: [...error.errors] } : {}),
    },
  };
};

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
const pool = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/**
 * Bulk import: each product is validated like `POST /admin/products` and written through the same
 * ProductWriter, one transaction per product, so a product is all or nothing and a bad one never
 * stops the others.
 */
export class ProductImporter {
  readonly #writer: ProductWriter;
  readonly #onUnexpected: (error: unknown, row: number) => void;

  /** `onUnexpected` hears of errors that are not typed (throttling, a bug): the row reports `write_failed`. */
  constructor(writer: ProductWriter, onUnexpected: (error: unknown, row: number) => void = () => {}) {
    this.#writer = writer;
    this.#onUnexpected = onUnexpected;
  }

  /** Validates every row, refuses slugs and SKUs repeated in the file, writes the rest; a per-row report. */
  async run(rows: readonly SourceRow[], actor: Actor): Promise<ImportReport> {
    const reports = new Map<number, ImportRowReport>();
    const accepted: Checked[] = [];
    const slugs = new Set<string>();
    const skus = new Set<string>();
    for (const { row, value, error } of rows) {
      try {
        if (error) throw error;
        const input = parseInput(importProductInput, value, 'row');
        // The first product of the file to claim a slug or SKU keeps it, as if written in order.
        if (slugs.has(input.slug))
          throw new ConflictError(`Slug ${input.slug} is used by an earlier row`, 'slug_taken');
        const repeated = input.variants.find((v) => skus.has(v.sku));
        if (repeated) throw new ConflictError(`SKU ${repeated.sku} is used by an earlier row`, 'sku_taken');
        slugs.add(input.slug);
        for (const v of input.variants) skus.add(v.sku);
        accepted.push({ row, input });
      } catch (e) {
        reports.set(row, failed(row, e, slugOf(value)));
      }
    }
    const written = await pool(accepted, CONCURRENCY, (c) => this.#write(c, actor));
    for (const report of written) reports.set(report.row, report);
    const list = [...reports.values()].sort((a, b) => a.row - b.row);
    const count = (status: ImportRowReport['status']) => list.filter((r) => r.status === status).length;
    return {
      summary: { created: count('created'), updated: count('updated'), failed: count('failed') },
      rows: list,
    };
  }

  async #write({ row, input }: Checked, actor: Actor): Promise<ImportRowReport> {
    const { id, version, ...fields } = input;
    for (let attempt = 1; ; attempt++) {
      try {
        if (id === undefined || version === undefined) {
          const change = createProduct(newId(), fields, fields.variants.map(newId), new Date());
          await this.#writer.commit(change, actor);
          return { row, status: 'created', productId: change.after!.id, slug: input.slug };
        }
        await this.#writer.apply(id, version, actor, (p, now) => replaceProduct(p, fields, newId, now));
        return { row, status: 'updated', productId: id, slug: input.slug };
      } catch (error) {
        const contended = error instanceof AppError && error.code === 'write_conflict';
        if (!contended || attempt === ATTEMPTS) {
          if (!(error instanceof AppError)) this.#onUnexpected(error, row);
          return failed(row, error, input.slug);
        }
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt * Math.random()));
      }
    }
  }
}

const slugOf = (value: unknown): string | undefined => {
  const slug = (value as { slug?: unknown } | undefined)?.slug;
  return typeof slug === 'string' && slug.length <= 120 ? slug : undefined;
};
