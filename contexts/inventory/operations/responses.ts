/** Stock and locations change all the time: an admin always reads them fresh. */
export const noStore = { 'cache-control': 'no-store' } as const;
export const noStoreNote = 'Never cached: stock moves every second';
