import { z } from 'zod';

/** A computed money figure in minor units: an exact integer up to 2^53 − 1, never negative. */
export const amountSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
