// Cart requests through the local cloud: DynamoDB requests per GET and per add-to-cart for carts of 1 to
// 100 lines, and GET latency under concurrency. Run: `npx tsx bench/carts.ts`. Asserts nothing.
import { app } from '#app/definition.ts';
import { startCloud } from '#local/cloud.ts';
import { seedIfEmpty } from '#local/seed.ts';
import { measureLatency } from './latency.ts';

const cloud = await startCloud(app, { port: 0, buildDir: '.local/bench-build', countDynamoRequests: true });
const tally = cloud.dynamoTally!;
const api = cloud.info.apiUrl;
const admin = { authorization: `Bearer ${cloud.info.tokens.admin}`, 'content-type': 'application/json' };

const call = async (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = admin,
) => {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
};

/** Three published products of 40 variants (the most a product has), each variant stocked. */
const catalog = async (): Promise<string[]> => {
  await call('POST', '/admin/stock-locations', {
    id: 'bench-wh',
    name: 'Bench',
    kind: 'warehouse',
    priority: 1,
  });
  const variants: string[] = [];
  for (let p = 0; p < 3; p++) {
    // Option values are capped at 30 per option: 8 sizes × 5 colours give the 40 variants.
    const combos = Array.from({ length: 40 }, (_, i) => ({
      size: `s${i % 8}`,
      colour: `c${Math.floor(i / 8)}`,
    }));
    const product = await call('POST', '/admin/products', {
      slug: `bench-cart-${p}`,
      title: `Bench cart ${p}`,
      description: 'Bench',
      categoryIds: [],
      options: [
        { name: 'size', values: Array.from({ length: 8 }, (_, i) => `s${i}`) },
        { name: 'colour', values: Array.from({ length: 5 }, (_, i) => `c${i}`) },
      ],
      variants: combos.map((options, i) => ({
        sku: `BENCH-${p}-${i}`,
        title: `${options.size} ${options.colour}`,
        options,
        prices: { EUR: 1000 + i },
      })),
    });
    await call('POST', `/admin/products/${product.id}/publish`, { version: 1 });
    for (const v of product.variants as { id: string }[]) variants.push(v.id);
  }
  await Promise.all(
    variants.map((v) =>
      call('PUT', `/admin/inventory/${v}`, { levels: [{ locationId: 'bench-wh', onHand: 1000 }] }),
    ),
  );
  return variants;
};

const counted = async (work: () => Promise<unknown>) => {
  tally.reset();
  await work();
  const t = tally.snapshot();
  return `${t.requests} (${Object.entries(t.byOperation)
    .map(([op, n]) => `${op}×${n}`)
    .join(' ')})`;
};

try {
  await seedIfEmpty(cloud.dynamo, cloud.info.tableName);
  const variants = await catalog();
  await new Promise((r) => setTimeout(r, 3000)); // the stream-fed stock summaries catch up
  const rows = [];
  let tenLines: { id: string; token: string } | undefined;
  for (const lines of [1, 10, 50, 100]) {
    const cart = (await call('POST', '/carts', { currency: 'EUR' }, {})) as { id: string; token: string };
    const owner = { 'x-cart-token': cart.token };
    for (const v of variants.slice(0, lines - 1))
      await call('POST', `/carts/${cart.id}/items`, { variantId: v, quantity: 1 }, owner);
    const add = await counted(() =>
      call('POST', `/carts/${cart.id}/items`, { variantId: variants[lines - 1], quantity: 2 }, owner),
    );
    const read = await counted(() => call('GET', `/carts/${cart.id}`, undefined, owner));
    rows.push({ lines, 'add-to-cart: DynamoDB requests': add, 'GET cart: DynamoDB requests': read });
    if (lines === 10) tenLines = cart;
  }
  console.log('\nDynamoDB requests per cart request (2 round trips each; see docs/cart.md)');
  console.table(rows);

  console.log('\nGET /carts/{id} (10 lines) through the local cloud, 20 concurrent clients');
  console.table([
    await measureLatency(api, `/carts/${tenLines!.id}`, 20, 1000, { 'x-cart-token': tenLines!.token }),
  ]);
} finally {
  await cloud.stop();
}
