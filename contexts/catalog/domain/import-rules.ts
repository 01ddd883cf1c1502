import { ConflictError } from '#platform/errors/index.ts';
import { type CreateProductInput, MAX_VARIANTS } from './admin-inputs.ts';
import { checkVariants, nextVersion, type ProductChange, toVariant, updated } from './product-rules.ts';
import type { Product, Variant } from './schemas.ts';
import { priceChanged } from './variant-rules.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const PRODUCT_FIELDS = [
  'slug',
  'title',
  'description',
  'categoryIds',
  'images',
  'attributes',
  'taxClass',
  'options',
  'channelIds',
] as const;

/**
 * An imported row that names an existing product replaces it: every product field takes the row's
 * value (or its default), variants are matched by SKU (a kept SKU keeps its id and sale prices, a new
 * one is added, a missing one removed). Status is untouched: publishing stays a deliberate step.
 */
export const replaceProduct = (
  product: Product,
  input: CreateProductInput,
  newId: () => string,
  now: Date,
): ProductChange => {
  const { variants: rows, ...fields } = input;
  const bySku = new Map(product.variants.map((v) => [v.sku, v]));
  const variants: Variant[] = rows.map((row) => {
    const old = bySku.get(row.sku);
    if (!old) return toVariant(newId(), row);
    return { id: old.id, ...row, ...(old.salePrices ? { salePrices: old.salePrices } : {}) };
  });
  const after = nextVersion(product, { ...fields, variants }, now);
  checkVariants(after, MAX_VARIANTS);
  if (product.status === 'active' && variants.length === 0)
    throw new ConflictError('An active product keeps at least one variant', 'last_variant');

  const kept = new Map(variants.map((v) => [v.id, v]));
  const touched = [
    ...variants.filter(
      (v) =>
        !same(
          v,
          product.variants.find((o) => o.id === v.id),
        ),
    ),
    ...product.variants.filter((o) => !kept.has(o.id)),
  ];
  const changes = [
    ...PRODUCT_FIELDS.filter((k) => !same(product[k], after[k])),
    ...touched.map((v) => `variants.${v.id}`),
  ];
  const prices = product.variants.flatMap((o) => {
    const v = kept.get(o.id);
    return v ? priceChanged(o, v, after.version, product.id) : [];
  });
  return updated(product, after, 'product.import', changes, prices);
};
