// Catalog figures through the local cloud: DynamoDB requests per operation (targets: product page 1,
// listing page 1 Query, admin update ≤ 2) and latency of the two hottest reads under 50 concurrent
// clients. Run: `npx tsx bench/catalog.ts`. Prints tables; asserts nothing.
import { randomUUID } from 'node:crypto';
import { app } from '#app/definition.ts';
import { startCloud } from '#local/cloud.ts';
import { seedIfEmpty } from '#local/seed.ts';
import { measureLatency } from './latency.ts';

// Without the outbox pipe: a write's events stay in the outbox, so the listing projector and the event
// consumers (asynchronous, 1 Query or 1 PutItem per event) never run while a request is being counted —
// they would otherwise land in the middle of a long request such as an import. The seed writes the
// listing entries itself, so every read measured here sees the same data as with the pipe.
const cloud = await startCloud(
  { ...app, pipes: {} },
  { port: 0, buildDir: '.local/bench-build', countDynamoRequests: true },
);
const tally = cloud.dynamoTally!;

try {
  await seedIfEmpty(cloud.dynamo, cloud.info.tableName);
  const api = cloud.info.apiUrl;
  const admin = { authorization: `Bearer ${cloud.info.tokens.admin}` };
  const send = (method: string, path: string, body?: string, type = 'application/json') =>
    fetch(`${api}${path}`, {
      method,
      headers: { ...admin, 'content-type': type },
      ...(body === undefined ? {} : { body }),
    });
  const product = (t: string) => ({
    slug: `bench-${t}`,
    title: `Bench Mug ${t}`,
    categoryIds: ['home'],
    options: [{ name: 'colour', values: ['grey', 'blue'] }],
    variants: ['grey', 'blue'].map((c) => ({
      sku: `BENCH-${t}-${c}`.toUpperCase(),
      title: c,
      options: { colour: c },
      prices: { EUR: 1500, USD: 1600 },
    })),
  });

  const first = (await (await fetch(`${api}/products?limit=20`)).json()) as {
    items: { id: string; slug: string }[];
  };
  const { id: productId, slug } = first.items[0]!;

  const rows: Record<string, string | number>[] = [];
  const measure = async (name: string, target: string, call: () => Promise<Response>) => {
    tally.reset();
    const res = await call();
    const text = await res.text();
    const t = tally.snapshot();
    rows.push({
      operation: name,
      status: res.status,
      'DynamoDB requests': t.requests,
      target,
      operations:
        Object.entries(t.byOperation)
          .map(([op, n]) => `${op}×${n}`)
          .join(' ') || '-',
      capacity: t.capacity,
    });
    return text;
  };

  // Warm each function once so cold-start work (none reaches DynamoDB, but keep it honest) is excluded.
  for (const path of [`/products/${productId}`, `/products/by-slug/${slug}`, '/products', '/products?q=mug'])
    await (await fetch(`${api}${path}`)).arrayBuffer();

  await measure('product page by id', '1', () => fetch(`${api}/products/${productId}`));
  await measure('product page by slug', '1', () => fetch(`${api}/products/by-slug/${slug}`));
  await measure('listing page, no filter', '1 Query', () => fetch(`${api}/products?limit=20`));
  await measure('listing: category + price range + option + price sort', '1 Query', () =>
    fetch(
      `${api}/products?category=apparel&minPrice=1000&maxPrice=20000&option=size=M&sort=price_asc&limit=20`,
    ),
  );
  await measure('listing: search', '1 Query', () => fetch(`${api}/products?q=merino%20tee`));
  const created = JSON.parse(
    await measure('admin create (POST /admin/products)', '1', () =>
      send('POST', '/admin/products', JSON.stringify(product(randomUUID().slice(0, 8)))),
    ),
  ) as { id: string };
  await measure('admin update (PATCH /admin/products/{id})', '≤ 2', () =>
    send('PATCH', `/admin/products/${created.id}`, JSON.stringify({ version: 1, title: 'Renamed' })),
  );
  const lines = Array.from({ length: 10 }, () => JSON.stringify(product(randomUUID().slice(0, 8))));
  await measure('import of 10 products (JSON Lines)', '10', () =>
    send('POST', '/admin/products/import', lines.join('\n'), 'application/x-ndjson'),
  );
  console.log('\nDynamoDB requests per catalog operation');
  console.table(rows);

  console.log('\nLatency through the local cloud (gateway → worker → DynamoDB Local), 50 concurrent clients');
  console.table([
    await measureLatency(api, `/products/${productId}`, 50, 2000),
    await measureLatency(api, '/products?category=apparel', 50, 2000),
  ]);
} finally {
  await cloud.stop();
}
