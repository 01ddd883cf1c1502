/** Channels change rarely but an admin must see a change at once: never cached. */
export const noStore = { 'cache-control': 'no-store' } as const;
