import type { z } from 'zod';
import { ValidationError } from './index.ts';

/** Parses input with a zod schema; failures become a 400 naming each field (never a 500). */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ValidationError(`Invalid ${where}`, errors);
};
