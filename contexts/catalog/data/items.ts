import { type Product, productSchema, type Variant, variantSchema } from '../domain/schemas.ts';
import { Entity, productBySlug, productKeys, productsByStatus, variantById } from './keys.ts';

type Item = Record<string, unknown>;

const headSchema = productSchema.omit({ variants: true });

/** The product item: every product field but the variants, with its status and slug index keys. */
export const productItem = (product: Product): Item => {
  const { variants: _variants, ...head } = product;
  const keys = productKeys.product(product.id);
  return {
    ...keys,
    ...productsByStatus.item(product.status, product.createdAt, product.id),
    ...productBySlug(product.slug, keys.sk),
    entity: Entity.product,
    ...head,
  };
};

/** What a cart needs of a variant's product, copied onto the variant item (see `variantItem`). */
export type ProductOfVariant = Pick<Product, 'title' | 'slug' | 'status' | 'categoryIds' | 'taxClass'> &
  Partial<Pick<Product, 'channelIds'>>;

/**
 * A variant item. It carries the product's slug key so the slug page is one Query, and the variant-by-id
 * key plus a copy of the product fields a cart prices with (`product`), so a cart line is one item read:
 * the change transaction rewrites every variant item whose copy changed, in the same transaction.
 */
export const variantItem = (product: Pick<Product, 'id'> & ProductOfVariant, variant: Variant): Item => {
  const keys = productKeys.variant(product.id, variant.id);
  const of: ProductOfVariant = {
    title: product.title,
    slug: product.slug,
    status: product.status,
    categoryIds: product.categoryIds,
    ...(product.taxClass ? { taxClass: product.taxClass } : {}),
    // A cart checks a line's channel from this copy, so adding a line reads nothing more.
    ...(product.channelIds?.length ? { channelIds: product.channelIds } : {}),
  };
  return {
    ...keys,
    ...productBySlug(product.slug, keys.sk),
    ...variantById(variant.id),
    entity: Entity.variant,
    productId: product.id,
    product: of,
    ...variant,
  };
};

/** Every item of a product as stored (listing entries aside): the product item and one per variant. */
export const productItems = (product: Product): Item[] => [
  productItem(product),
  ...product.variants.map((v) => variantItem(product, v)),
];

/** The product an item collection holds, or undefined when it holds no product item. */
export const productFromItems = (items: readonly Item[]): Product | undefined => {
  const head = items.find((item) => item.entity === Entity.product);
  if (!head) return undefined;
  const variants = items
    .filter((item) => item.entity === Entity.variant)
    .map((item) => variantSchema.parse(item))
    .sort((a, b) => a.sku.localeCompare(b.sku));
  return { ...headSchema.parse({ description: '', ...head }), variants };
};
