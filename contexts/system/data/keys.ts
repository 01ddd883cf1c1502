/**
 * The one key the system context reads. Its `HEALTH` prefix is the platform's (platform/data/keys.ts
 * claims it), so the system context claims none; no item is ever written under it.
 */
export const healthKey = { pk: 'HEALTH', sk: 'HEALTH' } as const;
