/** Most search tokens a product is listed under: bounds its listing entries (one per token and currency). */
export const MAX_TOKENS = 24;

/** Shortest token indexed: one-letter words match too much to be worth a listing. */
const MIN_TOKEN_LENGTH = 2;

// Common English words that would put every product in one listing.
const STOP_WORDS = new Set(
  'a an and are as at be by for from has in is it its of on or our that the this to with your'.split(' '),
);

/**
 * Search tokens of a text: lower case, accents removed, split on anything not a letter or digit, stop
 * words and one-letter words dropped, duplicates removed, in order of first appearance.
 */
export const tokenize = (text: string): string[] => {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_TOKEN_LENGTH && w.length <= 40 && !STOP_WORDS.has(w));
  return [...new Set(words)];
};

/** A product's tokens: title words first (they matter most), then description words, capped. */
export const productTokens = (title: string, description: string): string[] =>
  [...new Set([...tokenize(title), ...tokenize(description)])].slice(0, MAX_TOKENS);
