/** Admin responses are never cached: an admin reads back what was just written. */
export const noStore = { 'cache-control': 'no-store' } as const;

/** Shipping options and tax settings are replaced whole, guarded by the version read. */
export const versioned =
  'Full replacement: send every field and the `version` you read (409 when it is stale).';
