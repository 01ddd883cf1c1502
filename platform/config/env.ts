import { z } from 'zod';

/**
 * Reads one environment variable the definition promised this function (see app/environment.ts).
 * A missing variable is a deployment defect, so it fails at cold start with the variable's name.
 */
export const requireEnv = (name: string): string => {
  const parsed = z.string().min(1).safeParse(process.env[name]);
  if (!parsed.success) throw new Error(`Environment variable ${name} is not set`);
  return parsed.data;
};
