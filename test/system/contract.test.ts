import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentedOperations, openApiDocument } from '#app/contract.ts';
import { app } from '#app/definition.ts';

const operations = documentedOperations().filter((o) => o.route !== '$default');

import { problemSchema } from '#platform/contract/problem.ts';
import { swaggerUiFile } from '../../scripts/contract/assets.ts';
import { apiClient } from '../support/client.ts';
import { cloud } from '../support/cloud.ts';
import { api } from '../support/http.ts';

/** The response schema the contract declares for an operation and status. */
const declared = (operationId: string, status: number): z.ZodType => {
  const schema = operations.find((o) => o.operationId === operationId)?.responses[status]?.schema;
  if (!schema) throw new Error(`The contract declares no ${status} body for ${operationId}`);
  return schema;
};

/** Checks a problem body against the contract: RFC 9457 shape and one of the operation's codes. */
const expectDeclaredProblem = (operationId: string, status: number, body: unknown) => {
  const problem = problemSchema.parse(body);
  const operation = operations.find((o) => o.operationId === operationId);
  expect(problem.status).toBe(status);
  expect(operation?.problems?.[status as 404]).toContain(problem.code);
};

describe('the contract over HTTP', () => {
  it('serves the generated document, naming the API that served it', async () => {
    const { data, response } = await apiClient().GET('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const { servers, ...rest } = data as Record<string, unknown>;
    expect(servers).toEqual([{ url: cloud().apiUrl, description: expect.any(String) }]);
    expect(rest).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('serves the event contract: every event of the catalog at its current version, validating a real event', async () => {
    const { data, response } = await apiClient().GET('/events/schemas');
    expect(response.status).toBe(200);
    declared('getEventSchemas', 200).parse(data);
    const entries = data?.events ?? [];
    expect(entries.map((e) => `${e.source} ${e.detailType} v${e.schemaVersion}`).sort()).toEqual(
      app.events.map((e) => `${e.source} ${e.detailType} v${e.schemaVersion ?? 1}`).sort(),
    );
    // The published schema is what a consumer validates with: it must accept an event the bus carried.
    const delivered = (await (await fetch(`${cloud().endpoints.eventbridge}/_local/events`)).json()) as {
      events: Record<string, unknown>[];
    };
    const sample = delivered.events.find((e) => entries.some((x) => x.detailType === e['detail-type']));
    expect(sample, 'the seeded cloud has put at least one catalog event on the bus').toBeDefined();
    const entry = entries.find((x) => x.detailType === sample?.['detail-type']);
    expect(z.fromJSONSchema(entry?.schema as never).safeParse(sample).success).toBe(true);
  });

  it('answers the store operations with exactly the shapes the contract declares', async () => {
    const client = apiClient();
    const health = await client.GET('/health');
    declared('getHealth', 200).parse(health.data);
    const page = await client.GET('/products', { params: { query: { limit: 3 } } });
    declared('listProducts', 200).parse(page.data);
    const productId = page.data?.items[0]?.id ?? '';
    const product = await client.GET('/products/{productId}', { params: { path: { productId } } });
    expect(product.data?.id).toBe(productId);
    declared('getProduct', 200).parse(product.data);
  });

  it('answers the signed-in operations with the declared shapes', async () => {
    const me = await apiClient(cloud().tokens.customer).GET('/me');
    expect(me.response.status).toBe(200);
    declared('getMe', 200).parse(me.data);
    const productId = (await apiClient().GET('/products', { params: { query: { limit: 1 } } })).data?.items[0]
      ?.id;
    const admin = await apiClient(cloud().tokens.admin).GET('/admin/products/{productId}', {
      params: { path: { productId: productId ?? '' } },
    });
    expect(admin.response.status).toBe(200);
    declared('adminGetProduct', 200).parse(admin.data);
  });

  it('answers failures with problems whose codes the contract lists', async () => {
    const missing = await apiClient().GET('/products/{productId}', {
      params: { path: { productId: 'nope' } },
    });
    expectDeclaredProblem('getProduct', 404, missing.error);
    const cursor = await apiClient().GET('/products', { params: { query: { cursor: 'forged' } } });
    expectDeclaredProblem('listProducts', 400, cursor.error);
    const asset = await apiClient().GET('/docs/{asset}', { params: { path: { asset: 'index.html' } } });
    expectDeclaredProblem('getApiReferenceAsset', 404, asset.error);
  });

  it('answers a refused token as the contract’s 401: API Gateway’s own message', async () => {
    const { error, response } = await apiClient('garbage').GET('/me');
    expect(response.status).toBe(401);
    expect(error).toEqual({ message: 'Unauthorized' });
  });
});

describe('the reference page over HTTP', () => {
  it('serves the HTML with a same-origin-only content security policy', async () => {
    const res = await api('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html: string = res.body;
    expect(html).toContain('src="docs/swagger-ui-bundle.js"');
    expect(html).toContain('<title>commerce API reference</title>');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves Swagger UI from the bundle, gzipped, and revalidates by ETag', async () => {
    const url = `${cloud().apiUrl}/docs/swagger-ui-bundle.js`;
    const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(await res.arrayBuffer()).equals(swaggerUiFile('swagger-ui-bundle.js'))).toBe(true);
    const etag = res.headers.get('etag') ?? '';
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('serves the stylesheet uncompressed to a client that does not take gzip', async () => {
    const res = await api('/docs/swagger-ui.css', { headers: { 'accept-encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.body).toBe(swaggerUiFile('swagger-ui.css').toString('utf8'));
  });
});
