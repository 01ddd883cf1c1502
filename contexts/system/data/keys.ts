/** Partition-key prefixes of the system context: the health probe's key (no item is ever written). */
export const systemKeyPrefixes = ['HEALTH'] as const;

/** The item the health check reads: proves the table answers a strongly consistent read. */
export const healthKey = { pk: 'HEALTH', sk: 'HEALTH' } as const;

/** The system context writes no items of its own. */
export const Entity = {} as const;
