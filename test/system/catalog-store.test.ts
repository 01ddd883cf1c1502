import { describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';

describe('catalog store over HTTP', () => {
  it('serves the category tree with the seeded parent and its children', async () => {
    const res = await api('/categories');
    expect(res.status).toBe(200);
    const clothing = res.body.items.find((c: { id: string }) => c.id === 'clothing');
    expect(clothing.children.map((c: { id: string }) => c.id).sort()).toEqual(['apparel', 'footwear']);
  });

  it('lists a category’s products cheapest first in USD with a price range and an option filter', async () => {
    const res = await api(
      '/categories/footwear/products?currency=USD&sort=price_asc&maxPrice=11000&option=size=44&limit=50',
    );
    expect(res.status).toBe(200);
    const prices = res.body.items.map((p: { priceFrom: { USD: number } }) => p.priceFrom.USD);
    expect(prices.length).toBeGreaterThan(0);
    expect(prices).toEqual([...prices].sort((a: number, b: number) => a - b));
    expect(Math.max(...prices)).toBeLessThanOrEqual(11000);
  });

  it('finds seeded products by words of their title', async () => {
    const res = await api('/products?q=hiking%20boot');
    expect(res.body.items.map((p: { title: string }) => p.title)).toEqual(['Hiking Boot']);
    const bySlug = await api('/products/by-slug/hiking-boot');
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.variants.length).toBe(5);
  });

  it.each([
    ['an unknown category', '/categories/no-such/products', 404, 'category_not_found'],
    ['an unknown slug', '/products/by-slug/no-such', 404, 'product_not_found'],
    ['an inverted price range', '/products?minPrice=10&maxPrice=5', 400, 'validation_failed'],
    ['an unknown currency', '/products?currency=XXX', 400, 'validation_failed'],
    ['a search with no words', '/products?q=the', 400, 'search_too_vague'],
  ])('answers %s with a problem', async (_, path, status, code) => {
    const res = await api(path);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status, code });
  });
});
