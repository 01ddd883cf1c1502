import { ConflictError, NotFoundError } from '#platform/errors/index.ts';
import type { CatalogEventDraft } from '../events.ts';
import {
  type AddVariantInput,
  MAX_VARIANTS,
  type SetSalePricesInput,
  type UpdateVariantInput,
} from './admin-inputs.ts';
import { checkVariants, nextVersion, type ProductChange, toVariant, updated } from './product-rules.ts';
import type { Product, Variant } from './schemas.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const findVariant = (product: Product, variantId: string): Variant => {
  const variant = product.variants.find((v) => v.id === variantId);
  if (!variant) throw new NotFoundError(`Variant ${variantId} does not exist`, 'variant_not_found');
  return variant;
};

/** `PriceChanged` for a variant whose base or sale prices differ before and after (else nothing). */
export const priceChanged = (
  before: Variant,
  after: Variant,
  version: number,
  productId: string,
): CatalogEventDraft[] =>
  same(before.prices, after.prices) && same(before.salePrices, after.salePrices)
    ? []
    : [
        {
          detailType: 'PriceChanged',
          data: {
            productId,
            variantId: after.id,
            sku: after.sku,
            version,
            before: before.prices,
            after: after.prices,
            salePricesChanged: !same(before.salePrices, after.salePrices),
          },
        },
      ];

/** Adds a variant; its options must be the product's and its SKU new. */
export const addVariant = (
  product: Product,
  id: string,
  input: AddVariantInput,
  now: Date,
): ProductChange => {
  const { version: _version, ...fields } = input;
  const variant = toVariant(id, fields);
  const after = nextVersion(product, { variants: [...product.variants, variant] }, now);
  checkVariants(after, MAX_VARIANTS);
  return updated(product, after, 'variant.add', [`variants.${id}`]);
};

/** Replaces one variant with `patch` applied; a price change also reports `PriceChanged`. */
const replaceVariant = (
  product: Product,
  variantId: string,
  patch: Partial<Variant>,
  action: string,
  now: Date,
): ProductChange => {
  const before = findVariant(product, variantId);
  const variant: Variant = { ...before, ...patch };
  const after = nextVersion(
    product,
    { variants: product.variants.map((v) => (v.id === variantId ? variant : v)) },
    now,
  );
  checkVariants(after, MAX_VARIANTS);
  const changes = Object.keys(patch)
    .filter((k) => !same(patch[k as keyof Variant], before[k as keyof Variant]))
    .map((k) => `variants.${variantId}.${k}`);
  return updated(product, after, action, changes, priceChanged(before, variant, after.version, product.id));
};

/** Changes a variant's fields (SKU, title, options, prices, weight, barcode). */
export const updateVariant = (
  product: Product,
  variantId: string,
  input: UpdateVariantInput,
  now: Date,
): ProductChange => {
  const { version: _version, ...patch } = input;
  return replaceVariant(product, variantId, patch, 'variant.update', now);
};

/** Replaces a variant's sale prices (its entries in every price list). */
export const setSalePrices = (
  product: Product,
  variantId: string,
  input: SetSalePricesInput,
  now: Date,
): ProductChange =>
  replaceVariant(product, variantId, { salePrices: input.salePrices }, 'variant.salePrices', now);

/** Removes a variant; an active product keeps at least one, so it stays sellable. */
export const removeVariant = (product: Product, variantId: string, now: Date): ProductChange => {
  findVariant(product, variantId);
  const after = nextVersion(product, { variants: product.variants.filter((v) => v.id !== variantId) }, now);
  if (product.status === 'active' && after.variants.length === 0)
    throw new ConflictError('An active product keeps at least one variant', 'last_variant');
  return updated(product, after, 'variant.remove', [`variants.${variantId}`]);
};
