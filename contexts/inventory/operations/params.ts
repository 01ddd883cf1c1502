import { z } from 'zod';
import { locationId, reservationId, variantId } from '../domain/schemas.ts';

/** Path and query schemas of the inventory admin routes. */
export const variantPath = z.strictObject({ variantId });
export const locationPath = z.strictObject({ locationId });
export const reservationPath = z.strictObject({ reservationId });
export const reservationsQuery = z.strictObject({
  ref: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,100}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
