import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { routeTable, servedRoutes } from '#local/gateway/routes.ts';
import type { RouteDef } from '#platform/definition/types.ts';

const route = (method: RouteDef['method'], path: string): RouteDef => ({
  method,
  path,
  function: `${method} ${path}`,
  access: 'public',
});

// The routing example of the API Gateway developer guide ("Routing API requests").
const docsRoutes = [
  route('GET', '/pets/dog/1'),
  route('GET', '/pets/dog/{id}'),
  route('GET', '/pets/{proxy+}'),
  route('ANY', '/{proxy+}'),
  route('ANY', '$default'),
];

describe('routeTable', () => {
  it.each([
    ['GET', '/pets/dog/1', 'GET /pets/dog/1', undefined],
    ['GET', '/pets/dog/2', 'GET /pets/dog/{id}', { id: '2' }],
    ['GET', '/pets/cat/1', 'GET /pets/{proxy+}', { proxy: 'cat/1' }],
    ['POST', '/test/5', 'ANY /{proxy+}', { proxy: 'test/5' }],
  ])('routes %s %s to %s, as the documented example does', (method, path, key, params) => {
    const match = routeTable(docsRoutes).match(method, path);

    expect(match?.routeKey).toBe(key);
    expect(match?.pathParameters).toStrictEqual(params);
  });

  it('sends what no route matches to $default, without path parameters', () => {
    const table = routeTable([route('GET', '/products/{productId}'), route('ANY', '$default')]);

    expect(table.match('GET', '/orders')).toStrictEqual({
      route: route('ANY', '$default'),
      routeKey: '$default',
    });
    // A known path with a method no route defines is unmatched too: HTTP APIs answer no 405.
    expect(table.match('DELETE', '/products/p-1')?.routeKey).toBe('$default');
  });

  it('matches nothing without a $default route', () => {
    expect(routeTable([route('GET', '/products')]).match('GET', '/orders')).toBeUndefined();
  });

  it('prefers the exact method over ANY on the same path', () => {
    const table = routeTable([route('ANY', '/cart'), route('GET', '/cart')]);

    expect(table.match('GET', '/cart')?.routeKey).toBe('GET /cart');
    expect(table.match('PUT', '/cart')?.routeKey).toBe('ANY /cart');
  });

  it('prefers a static segment over a path variable, and any full match over a greedy one', () => {
    const table = routeTable([route('GET', '/a/{proxy+}'), route('GET', '/{x}/b'), route('GET', '/a/{y}')]);

    expect(table.match('GET', '/a/b')?.routeKey).toBe('GET /a/{y}');
    expect(table.match('GET', '/c/b')?.routeKey).toBe('GET /{x}/b');
    expect(table.match('GET', '/a/b/c')?.routeKey).toBe('GET /a/{proxy+}');
  });

  it('gives HEAD and OPTIONS no special treatment: only ANY routes or $default take them', () => {
    const table = routeTable([route('GET', '/products'), route('ANY', '/cart')]);

    expect(table.match('HEAD', '/products')).toBeUndefined();
    expect(table.match('OPTIONS', '/products')).toBeUndefined();
    expect(table.match('OPTIONS', '/cart')?.routeKey).toBe('ANY /cart');
  });

  it.each([
    ['/products/', 'a trailing slash'],
    ['/products//x', 'an empty segment'],
    ['/Products/p-1', 'a different case'],
  ])('does not bind %s (%s) to /products/{productId}', (path) => {
    expect(routeTable([route('GET', '/products/{productId}')]).match('GET', path)).toBeUndefined();
  });

  it('never lets a greedy variable match its parent resource', () => {
    expect(routeTable([route('GET', '/files/{key+}')]).match('GET', '/files')).toBeUndefined();
    expect(routeTable([route('GET', '/files/{key+}')]).match('GET', '/files/')).toBeUndefined();
  });

  it('serves the root path', () => {
    expect(routeTable([route('GET', '/')]).match('GET', '/')?.routeKey).toBe('GET /');
  });

  it.each([
    [[route('GET', '/a'), route('GET', '/a')], 'Duplicate route key: GET /a'],
    [[route('GET', '/{proxy+}/x')], 'A greedy path variable must end the path: /{proxy+}/x'],
    [[route('GET', 'a')], 'Route path must start with "/": a'],
  ])('refuses an API Gateway would refuse (%#)', (routes, message) => {
    expect(() => routeTable(routes)).toThrow(message);
  });
});

describe('servedRoutes', () => {
  it('lists every route of the definition by its API Gateway route key', () => {
    expect(servedRoutes(app.routes).map((r) => r.routeKey)).toStrictEqual(
      app.routes.map((r) => (r.path === '$default' ? '$default' : `${r.method} ${r.path}`)),
    );
    expect(servedRoutes([route('GET', '/me'), route('ANY', '$default')])).toStrictEqual([
      { routeKey: 'GET /me', function: 'GET /me', authorizationType: 'NONE' },
      { routeKey: '$default', function: 'ANY $default', authorizationType: 'NONE' },
    ]);
  });

  it.each([
    ['public', 'NONE'],
    ['optional', 'NONE'],
    ['customer', 'JWT'],
    ['admin', 'JWT'],
  ] as const)('reports a %s route as authorization type %s', (access, type) => {
    const [served] = servedRoutes([{ ...route('GET', '/carts/{cartId}'), access }]);

    expect(served?.authorizationType).toBe(type);
  });
});
