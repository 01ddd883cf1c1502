import { getHealth } from './get-health.ts';
import { notFound } from './not-found.ts';

/** The operations of the `system` function: health and the catch-all for every unrouted request. */
export const systemOperations = [getHealth, notFound];
