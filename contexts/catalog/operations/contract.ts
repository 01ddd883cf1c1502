import { z } from 'zod';
import { auditPageSchema } from '#contexts/catalog/data/audit.ts';
import {
  addVariantInput,
  adminProductsQuery,
  auditQuery,
  createProductInput,
  setSalePricesInput,
  updateProductInput,
  updateVariantInput,
  variantPath,
  versionOnlyInput,
  versionQuery,
} from '#contexts/catalog/domain/admin-inputs.ts';
import {
  categorySchema,
  categoryTreeSchema,
  createCategoryInput,
  updateCategoryInput,
} from '#contexts/catalog/domain/category-schemas.ts';
import { importReportSchema } from '#contexts/catalog/domain/import-report.ts';
import { IMPORT_MAX_PRODUCTS, IMPORT_MEDIA_TYPES } from '#contexts/catalog/domain/import-source.ts';
import { productPageSchema, productSchema, storeProductSchema } from '#contexts/catalog/domain/schemas.ts';
import {
  categoryPath,
  categoryProductsQuery,
  listProductsQuery,
  productPath,
  slugPath,
} from '#contexts/catalog/operations/store-queries.ts';
import { defineOperations } from '#platform/contract/operation.ts';

/** The store's and the back office's view of products. */
export const catalogOperations = defineOperations([
  {
    route: 'GET /products',
    operationId: 'listProducts',
    summary: 'One page of active products: filters, search, sort',
    description:
      'Pass `nextCursor` back as `cursor` for the next page; cursors are opaque and signed. `currency` ' +
      '(default EUR) picks the prices for `minPrice`/`maxPrice` and price sorting. `q` matches whole words ' +
      'of title and description. With filters a page may hold fewer than `limit` items while `nextCursor` ' +
      'is set. The listing is updated from catalog events within seconds of a change.',
    tags: ['catalog'],
    request: { query: listProductsQuery },
    responses: { 200: { description: 'A page of product summaries', schema: productPageSchema } },
    problems: { 400: ['invalid_cursor', 'search_too_vague'] },
  },
  {
    route: 'GET /products/{productId}',
    operationId: 'getProduct',
    summary: 'One active product with its variants and prices',
    tags: ['catalog'],
    request: { path: productPath },
    responses: { 200: { description: 'The product', schema: storeProductSchema } },
    problems: { 404: ['product_not_found'] },
  },
  {
    route: 'GET /admin/products/{productId}',
    operationId: 'adminGetProduct',
    summary: 'One product in any status (draft, active, archived)',
    tags: ['catalog', 'admin'],
    request: { path: productPath },
    responses: { 200: { description: 'The product', schema: productSchema } },
    problems: { 404: ['product_not_found'] },
  },
  {
    route: 'GET /products/by-slug/{slug}',
    operationId: 'getProductBySlug',
    summary: 'One active product by its slug',
    tags: ['catalog'],
    request: { path: slugPath },
    responses: { 200: { description: 'The product', schema: storeProductSchema } },
    problems: { 404: ['product_not_found'] },
  },
  {
    route: 'GET /categories',
    operationId: 'listCategories',
    summary: 'The category tree',
    tags: ['catalog'],
    responses: { 200: { description: 'Root categories with their children', schema: categoryTreeSchema } },
  },
  {
    route: 'GET /categories/{categoryId}/products',
    operationId: 'listCategoryProducts',
    summary: 'One page of active products in a category',
    description: 'Same filters, search and sort as `GET /products`.',
    tags: ['catalog'],
    request: { path: categoryPath, query: categoryProductsQuery },
    responses: { 200: { description: 'A page of product summaries', schema: productPageSchema } },
    problems: { 400: ['invalid_cursor', 'search_too_vague'], 404: ['category_not_found'] },
  },
  {
    route: 'POST /admin/categories',
    operationId: 'adminCreateCategory',
    summary: 'Create a category',
    tags: ['catalog', 'admin'],
    request: { body: createCategoryInput },
    responses: { 201: { description: 'The new category', schema: categorySchema } },
    problems: { 409: ['category_exists'], 422: ['parent_not_found'] },
  },
  {
    route: 'PATCH /admin/categories/{categoryId}',
    operationId: 'adminUpdateCategory',
    summary: 'Rename, reorder or move a category',
    tags: ['catalog', 'admin'],
    request: { path: categoryPath, body: updateCategoryInput },
    responses: { 200: { description: 'The changed category', schema: categorySchema } },
    problems: {
      404: ['category_not_found'],
      409: ['version_conflict', 'category_cycle'],
      422: ['parent_not_found'],
    },
  },
  {
    route: 'DELETE /admin/categories/{categoryId}',
    operationId: 'adminDeleteCategory',
    summary: 'Delete an empty leaf category',
    description: 'Move or delete its subcategories and remove its products first.',
    tags: ['catalog', 'admin'],
    request: { path: categoryPath, query: versionQuery },
    responses: { 204: { description: 'Deleted' } },
    problems: {
      404: ['category_not_found'],
      409: ['version_conflict', 'category_has_children', 'category_has_products'],
    },
  },
  {
    route: 'POST /admin/products',
    operationId: 'adminCreateProduct',
    summary: 'Create a draft product with its options, variants and prices',
    description: 'Slugs and SKUs are unique across the catalog. A retried create answers 409 `slug_taken`.',
    tags: ['catalog', 'admin'],
    request: { body: createProductInput },
    responses: { 201: { description: 'The new product (status draft, version 1)', schema: productSchema } },
    problems: { 400: ['unknown_option'], 409: ['slug_taken', 'sku_taken'], 422: ['category_not_found'] },
  },
  {
    route: 'PATCH /admin/products/{productId}',
    operationId: 'adminUpdateProduct',
    summary: 'Change a product',
    description: 'Send the `version` you read; a stale one is a 409 `version_conflict`.',
    tags: ['catalog', 'admin'],
    request: { path: productPath, body: updateProductInput },
    responses: { 200: { description: 'The changed product', schema: productSchema } },
    problems: {
      404: ['product_not_found'],
      409: ['version_conflict', 'slug_taken', 'option_in_use'],
      422: ['category_not_found'],
    },
  },
  {
    route: 'DELETE /admin/products/{productId}',
    operationId: 'adminDeleteProduct',
    summary: 'Delete a draft or archived product with its variants',
    tags: ['catalog', 'admin'],
    request: { path: productPath, query: versionQuery },
    responses: { 204: { description: 'Deleted' } },
    problems: { 404: ['product_not_found'], 409: ['version_conflict', 'product_active'] },
  },
  {
    route: 'POST /admin/products/{productId}/publish',
    operationId: 'adminPublishProduct',
    summary: 'Publish a product: it appears in the store',
    tags: ['catalog', 'admin'],
    request: { path: productPath, body: versionOnlyInput },
    responses: { 200: { description: 'The active product', schema: productSchema } },
    problems: {
      404: ['product_not_found'],
      409: ['version_conflict', 'already_active'],
      422: ['product_not_sellable'],
    },
  },
  {
    route: 'POST /admin/products/{productId}/archive',
    operationId: 'adminArchiveProduct',
    summary: 'Archive a product: it leaves the store',
    tags: ['catalog', 'admin'],
    request: { path: productPath, body: versionOnlyInput },
    responses: { 200: { description: 'The archived product', schema: productSchema } },
    problems: { 404: ['product_not_found'], 409: ['version_conflict', 'already_archived'] },
  },
  {
    route: 'POST /admin/products/{productId}/variants',
    operationId: 'adminAddVariant',
    summary: 'Add a variant',
    tags: ['catalog', 'admin'],
    request: { path: productPath, body: addVariantInput },
    responses: { 201: { description: 'The product with the new variant', schema: productSchema } },
    problems: {
      400: ['unknown_option'],
      404: ['product_not_found'],
      409: ['version_conflict', 'sku_taken'],
      422: ['variant_limit_reached'],
    },
  },
  {
    route: 'PATCH /admin/products/{productId}/variants/{variantId}',
    operationId: 'adminUpdateVariant',
    summary: 'Change a variant (SKU, options, prices, weight, barcode)',
    tags: ['catalog', 'admin'],
    request: { path: variantPath, body: updateVariantInput },
    responses: { 200: { description: 'The product with the changed variant', schema: productSchema } },
    problems: {
      400: ['unknown_option'],
      404: ['product_not_found', 'variant_not_found'],
      409: ['version_conflict', 'sku_taken'],
    },
  },
  {
    route: 'DELETE /admin/products/{productId}/variants/{variantId}',
    operationId: 'adminDeleteVariant',
    summary: 'Remove a variant',
    tags: ['catalog', 'admin'],
    request: { path: variantPath, query: versionQuery },
    responses: { 200: { description: 'The product without the variant', schema: productSchema } },
    problems: {
      404: ['product_not_found', 'variant_not_found'],
      409: ['version_conflict', 'last_variant'],
    },
  },
  {
    route: 'PUT /admin/products/{productId}/variants/{variantId}/sale-prices',
    operationId: 'adminSetSalePrices',
    summary: 'Replace the sale prices (price-list entries) of a variant',
    description: 'Each entry applies from `startsAt` (inclusive) to `endsAt` (exclusive) in one currency.',
    tags: ['catalog', 'admin'],
    request: { path: variantPath, body: setSalePricesInput },
    responses: { 200: { description: 'The product with the new sale prices', schema: productSchema } },
    problems: { 404: ['product_not_found', 'variant_not_found'], 409: ['version_conflict'] },
  },
  {
    route: 'POST /admin/products/import',
    operationId: 'adminImportProducts',
    summary: 'Bulk import: create or replace products from JSON Lines or CSV',
    description:
      `The body is \`application/x-ndjson\` (one \`POST /admin/products\` body per line; with \`id\` and ` +
      `\`version\` it replaces that product) or \`text/csv\` (one line per variant, grouped by \`slug\`; ` +
      `columns in docs/catalog.md). At most ${IMPORT_MAX_PRODUCTS} products and 2 MiB per request. Each ` +
      'product is one transaction: a failed row writes nothing and never stops the others, so the answer ' +
      'is 200 with a report per row (`row` = the line the product starts on).',
    tags: ['catalog', 'admin'],
    request: { headers: z.object({ 'content-type': z.enum(IMPORT_MEDIA_TYPES) }) },
    responses: { 200: { description: 'What happened to each product', schema: importReportSchema } },
    problems: {
      400: ['invalid_csv', 'invalid_csv_header', 'empty_import'],
      413: ['payload_too_large', 'too_many_products'],
      415: ['unsupported_media_type'],
    },
  },
  {
    route: 'GET /admin/products',
    operationId: 'adminListProducts',
    summary: 'One page of products in a status (default active), newest first',
    description: 'Pass `nextCursor` back as `cursor` for the next page; a cursor belongs to its status.',
    tags: ['catalog', 'admin'],
    request: { query: adminProductsQuery },
    responses: { 200: { description: 'A page of product summaries', schema: productPageSchema } },
    problems: { 400: ['invalid_cursor'] },
  },
  {
    route: 'GET /admin/products/{productId}/audit',
    operationId: 'adminProductAudit',
    summary: 'The audit trail of a product, newest first',
    description: 'Who changed what and when; the trail outlives a deleted product.',
    tags: ['catalog', 'admin'],
    request: { path: productPath, query: auditQuery },
    responses: { 200: { description: 'A page of audit records', schema: auditPageSchema } },
    problems: { 400: ['invalid_cursor'] },
  },
]);
