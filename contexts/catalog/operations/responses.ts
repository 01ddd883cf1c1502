/** Back-office answers are never cached: an admin must see what they just wrote. */
export const noStore = { 'cache-control': 'no-store' } as const;

/** Store reads may be cached by browsers and CDNs for a few seconds (`seconds` per kind of read). */
export const publicFor = (seconds: number) => ({ 'cache-control': `public, max-age=${seconds}` });
