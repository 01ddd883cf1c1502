import { z } from 'zod';

/** Personal data: never cached by a browser or a proxy. */
export const noStore = { 'cache-control': 'no-store' } as const;
export const noStoreNote = 'Never cached: personal data';

/** The headers of a create that an `Idempotency-Key` may replay. */
export const createdHeaders = z.object({
  location: z.string().meta({ description: 'The address’s URL path' }),
  'idempotent-replayed': z
    .literal('true')
    .optional()
    .meta({ description: 'Present when this answer replays an earlier request' }),
});
