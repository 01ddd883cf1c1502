import { z } from 'zod';
import { ApiError } from './errors.ts';

// Limits from the Step Functions API reference; a request outside them is a ValidationException.
const arn = z.string().min(1).max(2048);
const taskToken = z.string().min(1).max(2048);
const jsonDocument = z
  .string()
  .refine(
    (text) => Buffer.byteLength(text) <= 262_144,
    'Member must have length less than or equal to 262144',
  );

export const startExecutionRequest = z.object({
  stateMachineArn: arn,
  name: z.string().optional(),
  input: jsonDocument.optional(),
  traceHeader: z.string().max(256).optional(),
});

export const executionRequest = z.object({ executionArn: arn });

export const stopExecutionRequest = z.object({
  executionArn: arn,
  error: z.string().max(256).optional(),
  cause: z.string().max(32_768).optional(),
});

export const listExecutionsRequest = z.object({
  stateMachineArn: arn,
  statusFilter: z
    .enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'])
    .optional(),
  maxResults: z.number().int().min(0).max(1000).optional(),
  nextToken: z.string().min(1).max(3096).optional(),
});

export const stateMachineRequest = z.object({ stateMachineArn: arn });

export const sendTaskSuccessRequest = z.object({ taskToken, output: jsonDocument });

export const sendTaskFailureRequest = z.object({
  taskToken,
  error: z.string().max(256).optional(),
  cause: z.string().max(32_768).optional(),
});

export const sendTaskHeartbeatRequest = z.object({ taskToken });

/** Validates a request body, answering a ValidationException worded like AWS's when it does not fit. */
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `Value at '${issue.path.join('.')}' failed to satisfy constraint: ${issue.message}`,
  );
  const count = `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected`;
  throw new ApiError('ValidationException', `${count}: ${problems.join('; ')}`);
}
