import { z } from 'zod';

// The same fields as a problem's `errors` (shared/contract/problem.ts), which catalog code does not import.
const fieldIssueSchema = z.object({ path: z.string().max(200), message: z.string().max(1000) });

/** What happened to one product of an import; `row` is the line it starts on (a CSV header is line 1). */
export const importRowReportSchema = z.object({
  row: z.number().int().positive(),
  status: z.enum(['created', 'updated', 'failed']),
  productId: z.string().max(64).optional(),
  slug: z.string().max(120).optional(),
  error: z
    .object({
      code: z.string().max(64).meta({ example: 'sku_taken' }),
      detail: z.string().max(2000),
      errors: z.array(fieldIssueSchema).max(100).optional(),
    })
    .optional(),
});
export type ImportRowReport = z.infer<typeof importRowReportSchema>;

/** The answer of `POST /admin/products/import`: counts, then one entry per product in file order. */
export const importReportSchema = z.object({
  summary: z.object({
    created: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
  rows: z.array(importRowReportSchema).max(500),
});
export type ImportReport = z.infer<typeof importReportSchema>;
