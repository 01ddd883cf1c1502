/**
 * Every key of the catalog's items is composed here and nowhere else (see docs/data-model.md).
 * No attribute that can change is part of a primary key; status and sort order live in GSI keys.
 */

/** Partition-key prefixes of the catalog's items (table and index partitions). */
export const catalogKeyPrefixes = [
  'PRODUCT#',
  'PRODUCTS#',
  'LIST#',
  'SLUG#',
  'UNIQUE#',
  'AUDIT#',
  'CATEGORY#',
  'CATEGORIES',
  'VARIANT#',
] as const;

export type ProductStatus = 'draft' | 'active' | 'archived';

const PRODUCT = 'PRODUCT#';

/** Keys of one product's item collection: the product item and its variants share a partition. */
export const productKeys = {
  collection: (productId: string) => ({ pk: `${PRODUCT}${productId}` }),
  product: (productId: string) => ({ pk: `${PRODUCT}${productId}`, sk: 'PRODUCT' }),
  variant: (productId: string, variantId: string) => ({
    pk: `${PRODUCT}${productId}`,
    sk: `VARIANT#${variantId}`,
  }),
  variantPrefix: 'VARIANT#',
};

/** gsi1 "products by status, newest first": partition per status, sorted by creation time then id. */
export const productsByStatus = {
  partition: (status: ProductStatus) => ({ gsi1pk: `PRODUCTS#${status}` }),
  item: (status: ProductStatus, createdAt: string, productId: string) => ({
    gsi1pk: `PRODUCTS#${status}`,
    gsi1sk: `${createdAt}#${productId}`,
  }),
};

/**
 * A listing entry of an active product (see docs/catalog.md): in the product's own partition so it is
 * found and replaced with the product; gsi1 sorts a listing newest first, gsi2 by price.
 */
export const listingKeys = {
  /** `all`, `cat:<categoryId>` or `tok:<token>`. */
  name: {
    all: 'all',
    category: (categoryId: string) => `cat:${categoryId}`,
    token: (token: string) => `tok:${token}`,
  },
  entry: (productId: string, listing: string, currency: string) => ({
    pk: `${PRODUCT}${productId}`,
    sk: `LISTING#${listing}#${currency}`,
  }),
  entryPrefix: 'LISTING#',
  partition: (listing: string, currency: string) => `LIST#${listing}#${currency}`,
  newest: (listing: string, currency: string, createdAt: string, productId: string) => ({
    gsi1pk: `LIST#${listing}#${currency}`,
    gsi1sk: `${createdAt}#${productId}`,
  }),
  /** Prices are zero-padded to 12 digits (the largest price has 12) so string order is numeric order. */
  byPrice: (listing: string, currency: string, amount: number, productId: string) => ({
    gsi2pk: `LIST#${listing}#${currency}`,
    gsi2sk: `${listingKeys.paddedPrice(amount)}#${productId}`,
  }),
  paddedPrice: (amount: number) => String(amount).padStart(12, '0'),
};

/** The sort keys of a product page: the product item and its variants (`PRODUCT` ≤ sk), not listings. */
export const productPageStart = 'PRODUCT';

/** gsi2 "product by slug": the product item and its variants carry it, so a slug page is one Query. */
export const productBySlug = (slug: string, sk: string) => ({ gsi2pk: `SLUG#${slug}`, gsi2sk: sk });
export const productBySlugPartition = (slug: string) => `SLUG#${slug}`;

/** gsi1 "variant by id": each variant item carries it, so a cart finds a variant's product in one Query. */
export const variantById = (variantId: string) => ({ gsi1pk: `VARIANT#${variantId}`, gsi1sk: 'VARIANT' });

/** A unique value (a slug, a SKU) held by one product; written with attribute_not_exists. */
export const uniqueKeys = {
  slug: (slug: string) => ({ pk: `UNIQUE#slug#${slug}`, sk: 'UNIQUE' }),
  sku: (sku: string) => ({ pk: `UNIQUE#sku#${sku}`, sk: 'UNIQUE' }),
};

/** An audit record of a change to a product or category: who, what, when; newest last in the partition. */
export const auditKeys = {
  productCollection: (productId: string) => ({ pk: `AUDIT#product#${productId}` }),
  product: (productId: string, at: string, id: string) => ({
    pk: `AUDIT#product#${productId}`,
    sk: `${at}#${id}`,
  }),
  categoryCollection: (categoryId: string) => ({ pk: `AUDIT#category#${categoryId}` }),
  category: (categoryId: string, at: string, id: string) => ({
    pk: `AUDIT#category#${categoryId}`,
    sk: `${at}#${id}`,
  }),
};

/** A category; gsi1 `CATEGORIES` holds every category, so the tree is one Query. */
export const categoryKeys = {
  category: (categoryId: string) => ({ pk: `CATEGORY#${categoryId}`, sk: 'CATEGORY' }),
  tree: (categoryId: string) => ({ gsi1pk: 'CATEGORIES', gsi1sk: categoryId }),
  treePartition: 'CATEGORIES',
};

/** The `entity` attribute of the catalog's items. */
export const Entity = {
  product: 'PRODUCT',
  variant: 'VARIANT',
  productListing: 'PRODUCT_LISTING',
  uniqueValue: 'UNIQUE_VALUE',
  audit: 'AUDIT',
  category: 'CATEGORY',
} as const;
