import { ConflictError, UnprocessableError, ValidationError } from '#platform/errors/index.ts';
import type { CatalogEventDraft } from '../events.ts';
import type { CreateProductInput, UpdateProductInput, VariantInput } from './admin-inputs.ts';
import { priceFrom } from './pricing.ts';
import type { Product, ProductOption, Variant } from './schemas.ts';

/** What an admin action did: the product after it (undefined once deleted), for audit and events. */
export interface ProductChange {
  readonly before: Product | undefined;
  readonly after: Product | undefined;
  readonly action: string;
  readonly changes: readonly string[];
  readonly events: readonly CatalogEventDraft[];
}

/** Every variant sets each declared option to one of its values, and nothing else. */
export const checkVariantOptions = (options: readonly ProductOption[], variants: readonly Variant[]) => {
  for (const v of variants) {
    const names = Object.keys(v.options);
    const ok =
      names.length === options.length &&
      options.every((o) => v.options[o.name] !== undefined && o.values.includes(v.options[o.name]!));
    if (!ok)
      throw new ValidationError(
        `Variant ${v.sku} must set exactly the product's options to declared values`,
        [{ path: 'options', message: `declared: ${options.map((o) => o.name).join(', ') || 'none'}` }],
        'unknown_option',
      );
  }
};

/** SKUs are unique within the product too (the table's uniqueness items cover other products). */
const checkSkusDistinct = (variants: readonly Variant[]) => {
  const seen = new Set<string>();
  for (const v of variants) {
    if (seen.has(v.sku)) throw new ConflictError(`SKU ${v.sku} is used twice`, 'sku_taken');
    seen.add(v.sku);
  }
};

/** A variant from admin input, with a server id. */
export const toVariant = (id: string, input: VariantInput): Variant => ({ id, ...input });

/** A new draft product at version 1. */
export const createProduct = (
  id: string,
  input: CreateProductInput,
  variantIds: readonly string[],
  now: Date,
): ProductChange => {
  const { variants: variantInputs, ...fields } = input;
  const variants = variantInputs.map((v, i) => toVariant(variantIds[i]!, v));
  checkVariantOptions(fields.options, variants);
  checkSkusDistinct(variants);
  const at = now.toISOString();
  const after: Product = {
    id,
    ...fields,
    status: 'draft',
    priceFrom: priceFrom(variants),
    variants,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const data = { productId: id, slug: after.slug, title: after.title, status: after.status, version: 1 };
  return {
    before: undefined,
    after,
    action: 'product.create',
    changes: Object.keys(input),
    events: [{ detailType: 'ProductCreated', data }],
  };
};

/** The product one step on: version + 1, `updatedAt` now, `priceFrom` recomputed. */
export const nextVersion = (product: Product, patch: Partial<Product>, now: Date): Product => {
  const merged = { ...product, ...patch };
  return {
    ...merged,
    priceFrom: priceFrom(merged.variants),
    updatedAt: now.toISOString(),
    version: product.version + 1,
  };
};

/** A `ProductUpdated` change for the given changed field names. */
export const updated = (
  before: Product,
  after: Product,
  action: string,
  changes: readonly string[],
  extra: readonly CatalogEventDraft[] = [],
): ProductChange => ({
  before,
  after,
  action,
  changes,
  events: [
    {
      detailType: 'ProductUpdated',
      data: { productId: after.id, status: after.status, version: after.version, changes: [...changes] },
    },
    ...extra,
  ],
});

/** Applies a product PATCH; options may only shrink if no variant uses what is removed. */
export const updateProduct = (product: Product, input: UpdateProductInput, now: Date): ProductChange => {
  const { version: _version, ...patch } = input;
  const changes = Object.keys(patch).filter(
    (k) => JSON.stringify(patch[k as keyof typeof patch]) !== JSON.stringify(product[k as keyof Product]),
  );
  const after = nextVersion(product, patch, now);
  if (patch.options) {
    try {
      checkVariantOptions(after.options ?? [], after.variants);
    } catch {
      throw new ConflictError('Variants still use the options being changed', 'option_in_use');
    }
  }
  return updated(product, after, 'product.update', changes);
};

/** Publishes a draft or archived product; it needs a variant with a price to be sold. */
export const publishProduct = (product: Product, now: Date): ProductChange => {
  if (product.status === 'active') throw new ConflictError('The product is already active', 'already_active');
  if (!product.variants.some((v) => Object.keys(v.prices).length > 0))
    throw new UnprocessableError('A product needs a priced variant to be published', 'product_not_sellable');
  return updated(product, nextVersion(product, { status: 'active' }, now), 'product.publish', ['status']);
};

/** Archives a product: it leaves the store but stays for orders and the back office. */
export const archiveProduct = (product: Product, now: Date): ProductChange => {
  if (product.status === 'archived')
    throw new ConflictError('The product is already archived', 'already_archived');
  const after = nextVersion(product, { status: 'archived' }, now);
  return {
    before: product,
    after,
    action: 'product.archive',
    changes: ['status'],
    events: [{ detailType: 'ProductArchived', data: { productId: after.id, version: after.version } }],
  };
};

/** Deletes a product; an active one must be archived first, so the store never loses it silently. */
export const deleteProduct = (product: Product): ProductChange => {
  if (product.status === 'active')
    throw new ConflictError('Archive the product before deleting it', 'product_active');
  return {
    before: product,
    after: undefined,
    action: 'product.delete',
    changes: [],
    events: [{ detailType: 'ProductDeleted', data: { productId: product.id, version: product.version + 1 } }],
  };
};

/** Checks a product's variants after a variant change: declared options, distinct SKUs, the cap. */
export const checkVariants = (product: Product, maxVariants: number) => {
  if (product.variants.length > maxVariants)
    throw new UnprocessableError(`A product has at most ${maxVariants} variants`, 'variant_limit_reached');
  checkVariantOptions(product.options ?? [], product.variants);
  checkSkusDistinct(product.variants);
};
