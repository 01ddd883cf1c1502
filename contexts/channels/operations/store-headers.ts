import { z } from 'zod';
import { PUBLISHABLE_KEY_HEADER } from '../data/channel-resolver.ts';

/** The header a store route reads its channel from (documented on every store route that reads it). */
export const publishableKeyHeaders = z.object({
  [PUBLISHABLE_KEY_HEADER]: z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'The storefront’s publishable key (`pk_…`); without it, the default channel' }),
});

/** The problem a store route answers for a key that does not resolve. */
export const channelKeyProblem = { 401: ['invalid_publishable_key'] } as const;

/** Store answers differ per channel: shared caches must key them by the publishable key too. */
export const varyByChannel = { vary: PUBLISHABLE_KEY_HEADER } as const;
