import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProductInput } from '#contexts/catalog/domain/admin-inputs.ts';

describe('docs examples', () => {
  it('docs/examples/product.json is a valid create-product request', () => {
    const example = JSON.parse(readFileSync('docs/examples/product.json', 'utf8'));
    const parsed = createProductInput.parse(example);
    expect(parsed.variants).toHaveLength(2);
  });
});
