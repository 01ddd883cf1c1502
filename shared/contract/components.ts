import {
  productPageSchema,
  productSchema,
  productSummarySchema,
  variantSchema,
} from '#shared/catalog/schemas.ts';
import { addressSchema, customerSchema, profileSchema } from '#shared/customers/schemas.ts';
import { healthSchema } from './platform.ts';
import { fieldIssueSchema, gatewayErrorSchema, problemSchema } from './problem.ts';

/**
 * Schemas published as named components (`#/components/schemas/<Name>`), so generated clients get
 * `components['schemas']['Product']` instead of an anonymous inline shape. Wherever an operation uses
 * one of these very schema objects, the document refers to it.
 */
export const componentSchemas = {
  Problem: problemSchema,
  FieldIssue: fieldIssueSchema,
  GatewayError: gatewayErrorSchema,
  Health: healthSchema,
  Product: productSchema,
  ProductSummary: productSummarySchema,
  ProductPage: productPageSchema,
  Variant: variantSchema,
  Customer: customerSchema,
  Profile: profileSchema,
  Address: addressSchema,
};
