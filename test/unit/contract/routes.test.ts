import { describe, expect, it } from 'vitest';
import { documentedOperations } from '#app/contract.ts';
import { app } from '#app/definition.ts';

const operations = documentedOperations().filter((o) => o.route !== '$default');

import { routeKey } from '#platform/definition/environment.ts';

const routed = app.routes.filter((r) => r.path !== '$default').map(routeKey);
const declared = operations.map((o) => o.route);

describe('contract operations', () => {
  it('declares exactly one operation for every route of the definition but $default', () => {
    const missing = routed.filter((key) => !declared.includes(key as (typeof declared)[number]));
    expect(missing, 'routes without a contract operation (add an operation to its context)').toEqual([]);
    const duplicated = declared.filter((key, i) => declared.indexOf(key) !== i);
    expect(duplicated, 'routes declared twice').toEqual([]);
  });

  it('declares no operation for a route the definition does not serve', () => {
    expect(declared.filter((key) => !routed.includes(key))).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it.each(operations.map((o) => [o.route, o] as const))(
    '%s: declares exactly the path parameters its path names',
    (_, operation) => {
      const inPath = [...operation.route.matchAll(/\{([^{}+]+)\}/g)].map((m) => m[1]).sort();
      const declaredParams = Object.keys(operation.request?.path?.shape ?? {}).sort();
      expect(declaredParams).toEqual(inPath);
    },
  );

  it.each(operations.map((o) => [o.route, o] as const))(
    '%s: declares at least one 2xx/3xx answer',
    (_, o) => {
      const statuses = Object.keys(o.responses).map(Number);
      expect(statuses.some((s) => s >= 200 && s < 300)).toBe(true);
      for (const s of statuses) expect(s).toBeLessThan(400);
    },
  );
});
