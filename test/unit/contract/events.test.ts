import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { app } from '#app/definition.ts';

const eventCatalog = app.events;

import { renderEventsMarkdown } from '../../../scripts/contract/events.ts';

describe('event catalog', () => {
  it('names every event commerce.<context> / PascalCase, each once', () => {
    const keys = eventCatalog.map((e) => `${e.source} ${e.detailType}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const event of eventCatalog) {
      expect(event.source).toMatch(/^commerce\.[a-z]+$/);
      expect(event.detailType).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(Number.isInteger(event.schemaVersion ?? 1) && (event.schemaVersion ?? 1) > 0).toBe(true);
    }
  });

  it('renders the envelope and each event as JSON Schema', () => {
    const markdown = renderEventsMarkdown([
      {
        source: 'commerce.catalog',
        detailType: 'ProductPublished',
        schemaVersion: 2,
        description: 'A product became visible in the store.',
        schema: z.object({ productId: z.string().max(64) }),
      },
    ]);
    expect(markdown).toContain('## Envelope');
    expect(markdown).toContain('"detail-type"');
    expect(markdown).toContain('### `commerce.catalog` · `ProductPublished` (schema version 2)');
    expect(markdown).toContain('"productId"');
    expect(markdown).toContain('A product became visible in the store.');
    expect(renderEventsMarkdown([])).toContain('No domain events are published yet.');
  });
});
