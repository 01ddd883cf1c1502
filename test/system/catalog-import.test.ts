import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cloud } from '../support/cloud.ts';
import { api } from '../support/http.ts';

const admin = () => cloud().tokens.admin;
const upload = (contentType: string, body: string, token = admin()) =>
  api('/admin/products/import', { method: 'POST', token, headers: { 'content-type': contentType }, body });
const tag = () => randomUUID().slice(0, 8);

describe('catalog import and back-office reads over HTTP', () => {
  it('imports JSON Lines with a per-row report, writing the good rows only', async () => {
    const t = tag();
    const good = {
      slug: `bowl-${t}`,
      title: 'Bowl',
      categoryIds: ['home'],
      variants: [{ sku: `BOWL-${t}`.toUpperCase(), title: 'One', prices: { EUR: 1200 } }],
    };
    const body = [
      JSON.stringify(good),
      JSON.stringify({ ...good, title: 'Same slug' }),
      JSON.stringify({ slug: `plate-${t}`, title: 'Plate', colour: 'white' }),
    ].join('\n');
    const res = await upload('application/x-ndjson', body);
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ created: 1, updated: 0, failed: 2 });
    expect(
      res.body.rows.map((r: { status: string; error?: { code: string } }) => [r.status, r.error?.code]),
    ).toEqual([
      ['created', undefined],
      ['failed', 'slug_taken'],
      ['failed', 'validation_failed'],
    ]);
    const stored = await api(`/admin/products/${res.body.rows[0].productId}`, { token: admin() });
    expect(stored.body).toMatchObject({ slug: good.slug, status: 'draft', priceFrom: { EUR: 1200 } });
  });

  it('imports CSV exported from a spreadsheet (one line per variant)', async () => {
    const t = tag();
    const sku = `NAPKIN-${t}`.toUpperCase();
    const csv = [
      'slug,title,categories,sku,option.size,price.EUR,price.USD',
      `napkin-${t},Napkin,home,${sku}-S,S,500,550`,
      `napkin-${t},,,${sku}-L,L,700,750`,
    ].join('\n');
    const res = await upload('text/csv', csv);
    expect(res.body.rows).toEqual([
      { row: 2, status: 'created', productId: expect.any(String), slug: `napkin-${t}` },
    ]);
    const stored = await api(`/admin/products/${res.body.rows[0].productId}`, { token: admin() });
    expect(stored.body.variants).toHaveLength(2);
    expect(stored.body.options).toEqual([{ name: 'size', values: ['S', 'L'] }]);
  });

  it('refuses a customer (403), an unknown media type (415) and a bad CSV header (400)', async () => {
    const line = JSON.stringify({ slug: `x-${tag()}`, title: 'X' });
    const forbidden = await upload('application/x-ndjson', line, cloud().tokens.customer);
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const unsupported = await upload('application/xml', '<products/>');
    expect(unsupported.status).toBe(415);
    expect(unsupported.headers.get('content-type')).toBe('application/problem+json');
    expect(unsupported.body.code).toBe('unsupported_media_type');
    expect((await upload('text/csv', 'slug,titel\na,A')).body.code).toBe('invalid_csv_header');
  });

  it('takes a body over the default 256 KiB limit but not past the import cap', async () => {
    const lines = Array.from({ length: 501 }, (_, i) =>
      JSON.stringify({ slug: `bulk-${i}`, title: 'Bulk', description: 'x'.repeat(600) }),
    );
    const res = await upload('application/x-ndjson', lines.join('\n'));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('too_many_products');
  });

  it('refuses a CSV at its 501st product without reading on, and writes none of it', async () => {
    const t = tag();
    const lines = Array.from(
      { length: 501 },
      (_, i) => `capped-${t}-${i},Capped,${`CAPPED-${t}-${i}`.toUpperCase()}`,
    );
    // A broken line after the cap: read, it would make the answer a 400 invalid_csv.
    const res = await upload('text/csv', ['slug,title,sku', ...lines, 'x,"open'].join('\n'));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('too_many_products');
    const drafts = await api('/admin/products?status=draft&limit=100', { token: admin() });
    expect(drafts.body.items.some((p: { slug: string }) => p.slug.startsWith(`capped-${t}`))).toBe(false);
  });

  it('lists products by status and shows a product’s audit trail, newest first', async () => {
    const created = await api('/admin/products', {
      method: 'POST',
      token: admin(),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug: `jug-${tag()}`, title: 'Jug' }),
    });
    const id = created.body.id;
    await api(`/admin/products/${id}`, {
      method: 'PATCH',
      token: admin(),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, title: 'Big jug' }),
    });
    const drafts = await api('/admin/products?status=draft&limit=100', { token: admin() });
    expect(drafts.status).toBe(200);
    expect(drafts.body.items[0]).toMatchObject({ id, status: 'draft', title: 'Big jug' });
    const page = await api(`/admin/products?status=active&limit=2`, { token: admin() });
    expect(page.body.items).toHaveLength(2);
    const next = await api(`/admin/products?status=active&limit=2&cursor=${page.body.nextCursor}`, {
      token: admin(),
    });
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    const replayed = await api(`/admin/products?status=draft&cursor=${page.body.nextCursor}`, {
      token: admin(),
    });
    expect(replayed.body.code).toBe('invalid_cursor');

    const audit = await api(`/admin/products/${id}/audit?limit=1`, { token: admin() });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'product.update', changes: ['title'], version: 2 }),
    ]);
    const older = await api(`/admin/products/${id}/audit?cursor=${audit.body.nextCursor}`, {
      token: admin(),
    });
    expect(older.body).toMatchObject({ items: [{ action: 'product.create', version: 1 }], nextCursor: null });
    expect((await api(`/admin/products/${id}/audit`, { token: cloud().tokens.customer })).status).toBe(403);
  });
});
