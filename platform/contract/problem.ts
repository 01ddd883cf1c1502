import { z } from 'zod';

/** One invalid input field of a 400 problem. */
export const fieldIssueSchema = z.object({
  path: z.string().max(200).meta({ example: 'query.limit' }),
  message: z.string().max(1000),
});

/**
 * The RFC 9457 body every failing operation answers with (`application/problem+json`); `code` is the
 * stable, machine-readable part clients branch on. Mirrors `AppError.toJSON()` (a unit test keeps the two
 * in step).
 */
export const problemSchema = z.object({
  type: z.string().max(200).meta({ example: 'urn:problem:commerce:product_not_found' }),
  title: z.string().max(200),
  status: z.number().int().min(400).max(599),
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(64)
    .meta({ example: 'product_not_found' }),
  detail: z.string().max(2000).optional(),
  errors: z.array(fieldIssueSchema).max(100).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** API Gateway's own answer when its JWT authorizer refuses a token: not problem+json, just a message. */
export const gatewayErrorSchema = z.object({
  message: z.string().max(200).meta({ example: 'Unauthorized' }),
});

/** The problem statuses an operation may declare. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;
