import {
  productPageSchema,
  productSchema,
  productSummarySchema,
  variantSchema,
} from '#contexts/catalog/domain/schemas.ts';
import { addressSchema, customerSchema, profileSchema } from '#contexts/customers/domain/schemas.ts';
import { healthSchema } from '#contexts/system/operations/params.ts';
import { fieldIssueSchema, gatewayErrorSchema, problemSchema } from '#platform/contract/problem.ts';

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
