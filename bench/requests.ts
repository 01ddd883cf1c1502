// DynamoDB requests and capacity per HTTP request, and latency under concurrency, through the local
// cloud. Run: `npm run bench`. Prints tables; asserts nothing (figures go in the closing notes).
import { app } from '#app/definition.ts';
import { startCloud } from '#local/cloud.ts';
import { seedIfEmpty } from '#local/seed.ts';
import { measureLatency } from './latency.ts';

const cloud = await startCloud(app, { port: 0, buildDir: '.local/bench-build', countDynamoRequests: true });
const tally = cloud.dynamoTally!;
try {
  await seedIfEmpty(cloud.dynamo, cloud.info.tableName);
  const api = cloud.info.apiUrl;
  const admin = { authorization: `Bearer ${cloud.info.tokens.admin}` };

  const first = (await (await fetch(`${api}/products?limit=20`)).json()) as {
    items: { id: string }[];
    nextCursor: string;
  };
  const productId = first.items[0]!.id;
  const scenarios: Array<[string, string, Record<string, string>?]> = [
    ['GET /health', '/health'],
    ['GET /products (page 1, limit 20)', '/products?limit=20'],
    [
      'GET /products (page 2 via cursor)',
      `/products?limit=20&cursor=${encodeURIComponent(first.nextCursor)}`,
    ],
    ['GET /products/{productId}', `/products/${productId}`],
    ['GET /admin/products/{productId}', `/admin/products/${productId}`, admin],
    ['GET /products?limit=0 (rejected)', '/products?limit=0'],
  ];

  const rows = [];
  for (const [name, path, headers] of scenarios) {
    await fetch(`${api}${path}`, { headers }); // warm the function instance
    tally.reset();
    const res = await fetch(`${api}${path}`, { headers });
    await res.arrayBuffer();
    const t = tally.snapshot();
    rows.push({
      request: name,
      status: res.status,
      'DynamoDB requests': t.requests,
      operations:
        Object.entries(t.byOperation)
          .map(([op, n]) => `${op}×${n}`)
          .join(' ') || '-',
      'read capacity': t.capacity,
    });
  }
  console.log('\nDynamoDB requests per HTTP request');
  console.table(rows);

  console.log('\nLatency through the local cloud (gateway → worker → DynamoDB Local), 50 concurrent clients');
  console.table([
    await measureLatency(api, `/products/${productId}`, 50, 2000),
    await measureLatency(api, '/products?limit=20', 50, 2000),
  ]);
} finally {
  await cloud.stop();
}
