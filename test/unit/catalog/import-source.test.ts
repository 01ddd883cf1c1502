import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { importProductInput } from '#contexts/catalog/domain/admin-inputs.ts';
import { IMPORT_MAX_PRODUCTS } from '#contexts/catalog/domain/import-limits.ts';
import { importSource } from '#contexts/catalog/domain/import-source.ts';

const csv = (...lines: string[]) => importSource('text/csv', lines.join('\n'));

describe('importSource', () => {
  it.each([
    ['application/json', 415, 'unsupported_media_type'],
    [undefined, 415, 'unsupported_media_type'],
    ['text/plain', 415, 'unsupported_media_type'],
  ])('refuses content type %s with %i %s', (type, statusCode, code) => {
    expect(() => importSource(type, '{}')).toThrow(expect.objectContaining({ statusCode, code }));
  });

  it('refuses a file over the product cap as a whole, and an empty one', () => {
    const lines = Array.from({ length: IMPORT_MAX_PRODUCTS + 1 }, (_, i) =>
      JSON.stringify({ slug: `p-${i}` }),
    );
    expect(() => importSource('application/x-ndjson', lines.join('\n'))).toThrow(
      expect.objectContaining({ statusCode: 413, code: 'too_many_products' }),
    );
    expect(importSource('application/x-ndjson', lines.slice(1).join('\n'))).toHaveLength(IMPORT_MAX_PRODUCTS);
    expect(() => importSource('application/x-ndjson', '\n\n')).toThrow(
      expect.objectContaining({ code: 'empty_import' }),
    );
  });

  it('parses no JSON line past the first one over the cap', () => {
    const lines = Array.from({ length: IMPORT_MAX_PRODUCTS + 100 }, (_, i) =>
      JSON.stringify({ slug: `p-${i}` }),
    );
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(() => importSource('application/x-ndjson', lines.join('\n'))).toThrow(
        expect.objectContaining({ statusCode: 413, code: 'too_many_products' }),
      );
      expect(parse.mock.calls.length).toBeLessThanOrEqual(IMPORT_MAX_PRODUCTS);
    } finally {
      parse.mockRestore();
    }
  });

  it('stops reading a CSV at its first product over the cap: a broken line after it is never read', () => {
    const products = Array.from({ length: IMPORT_MAX_PRODUCTS + 1 }, (_, i) => `p-${i},P ${i}`);
    expect(() => csv('slug,title', ...products, 'late,"never closed')).toThrow(
      expect.objectContaining({ statusCode: 413, code: 'too_many_products' }),
    );
    expect(() => csv('slug,title', ...products.slice(1), 'late,"never closed')).toThrow(
      expect.objectContaining({ statusCode: 400, code: 'invalid_csv' }),
    );
  });

  it('counts a CSV product once however many lines it has, and a line without a slug as one', () => {
    const products = Array.from({ length: IMPORT_MAX_PRODUCTS - 1 }, (_, i) => `p-${i},P ${i},P-${i}-S`);
    const moreVariants = Array.from({ length: 300 }, (_, i) => `p-${i},,P-${i}-L`);
    const rows = csv('slug,title,sku', ...products, ...moreVariants, ',Loose,LOOSE');
    expect(rows).toHaveLength(IMPORT_MAX_PRODUCTS);
    expect(rows[0]!.value).toMatchObject({ variants: [{ sku: 'P-0-S' }, { sku: 'P-0-L' }] });
    expect(() => csv('slug,title,sku', ...products, ',Loose,A', ',Loose,B')).toThrow(
      expect.objectContaining({ code: 'too_many_products' }),
    );
  });

  it('numbers JSON Lines by line, skipping blank lines', () => {
    const rows = importSource('application/x-ndjson', '{"slug":"a"}\n\n{"slug":"b"}\r\n');
    expect(rows.map((r) => [r.row, r.value])).toEqual([
      [1, { slug: 'a' }],
      [3, { slug: 'b' }],
    ]);
  });

  it.each([
    ['an unknown column', ['slug,titel', 'a,A']],
    ['an unknown currency', ['slug,price.XYZ', 'a,1']],
    ['a repeated column', ['slug,sku,sku', 'a,B,C']],
    ['no slug column', ['title', 'A']],
  ])('refuses a CSV header with %s', (_, lines) => {
    expect(() => csv(...lines)).toThrow(
      expect.objectContaining({ statusCode: 400, code: 'invalid_csv_header' }),
    );
  });

  it('refuses an unreadable CSV as a whole', () => {
    expect(() => csv('slug,title', 'a,"open')).toThrow(expect.objectContaining({ code: 'invalid_csv' }));
  });

  it('groups lines by slug, starting rows at the first line (a quoted cell may span lines)', () => {
    const rows = csv(
      'slug,title,description,categories,images,sku,option.size,price.EUR,barcode',
      'mug,Mug,"Two',
      'lines",home|gifts,https://x.test/a.jpg|https://x.test/b.jpg,MUG-S,S,900,',
      'cup,Cup,,,,,,,',
      'mug,,,,,MUG-L,L,x,12345678',
    );
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0]!.value).toEqual({
      slug: 'mug',
      title: 'Mug',
      description: 'Two\nlines',
      categoryIds: ['home', 'gifts'],
      images: ['https://x.test/a.jpg', 'https://x.test/b.jpg'],
      options: [{ name: 'size', values: ['S', 'L'] }],
      variants: [
        { sku: 'MUG-S', title: 'S', options: { size: 'S' }, prices: { EUR: 900 } },
        { sku: 'MUG-L', title: 'L', options: { size: 'L' }, prices: { EUR: 'x' }, barcode: '12345678' },
      ],
    });
    expect(rows[1]!.value).toEqual({ slug: 'cup', title: 'Cup', variants: [] });
  });

  it('fails a product whose lines contradict each other, and a line without a slug', () => {
    const rows = csv('slug,title,sku', 'mug,Mug,A', 'mug,Cup,B', ',Loose,C');
    expect(rows.map((r) => [r.row, r.error?.code])).toEqual([
      [2, 'inconsistent_product_lines'],
      [4, 'validation_failed'],
    ]);
    expect(rows[0]!.error?.errors).toEqual([
      { path: 'line 3.title', message: "differs from the product's first line" },
    ]);
  });

  it.each([
    ['csv', 'text/csv', 2],
    ['jsonl', 'application/x-ndjson', 2],
  ])('reads the %s example of docs/catalog.md as valid products', (lang, type, count) => {
    const doc = readFileSync('docs/catalog.md', 'utf8');
    const example = doc.match(new RegExp(`\`\`\`${lang}\n([\\s\\S]*?)\`\`\``))?.[1];
    const rows = importSource(type, example ?? '');
    expect(rows).toHaveLength(count);
    for (const row of rows) expect(importProductInput.safeParse(row.value).error).toBeUndefined();
  });
});
