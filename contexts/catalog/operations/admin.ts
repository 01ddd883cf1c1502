import { adminAddVariant } from './admin-add-variant.ts';
import { adminArchiveProduct } from './admin-archive-product.ts';
import { adminCreateCategory } from './admin-create-category.ts';
import { adminCreateProduct } from './admin-create-product.ts';
import { adminDeleteCategory } from './admin-delete-category.ts';
import { adminDeleteProduct } from './admin-delete-product.ts';
import { adminDeleteVariant } from './admin-delete-variant.ts';
import { adminGetProduct } from './admin-get-product.ts';
import { adminImportProducts } from './admin-import-products.ts';
import { adminListProducts } from './admin-list-products.ts';
import { adminProductAudit } from './admin-product-audit.ts';
import { adminPublishProduct } from './admin-publish-product.ts';
import { adminSetSalePrices } from './admin-set-sale-prices.ts';
import { adminUpdateCategory } from './admin-update-category.ts';
import { adminUpdateProduct } from './admin-update-product.ts';
import { adminUpdateVariant } from './admin-update-variant.ts';

/** The operations of the `catalogAdmin` function: the back office's products, variants and categories. */
export const adminOperations = [
  adminGetProduct,
  adminCreateCategory,
  adminUpdateCategory,
  adminDeleteCategory,
  adminCreateProduct,
  adminUpdateProduct,
  adminDeleteProduct,
  adminPublishProduct,
  adminArchiveProduct,
  adminAddVariant,
  adminUpdateVariant,
  adminDeleteVariant,
  adminSetSalePrices,
  adminImportProducts,
  adminListProducts,
  adminProductAudit,
];
