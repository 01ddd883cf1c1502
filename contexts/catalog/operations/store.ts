import { getProduct } from './get-product.ts';
import { getProductBySlug } from './get-product-by-slug.ts';
import { listCategories } from './list-categories.ts';
import { listCategoryProducts } from './list-category-products.ts';
import { listProducts } from './list-products.ts';

/** The operations of the `catalogStore` function: the store's public reads of products and categories. */
export const storeOperations = [
  listProducts,
  getProduct,
  getProductBySlug,
  listCategories,
  listCategoryProducts,
];
