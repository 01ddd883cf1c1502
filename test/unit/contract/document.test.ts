import { describe, expect, it } from 'vitest';
import { documentedOperations, openApiDocument } from '#app/contract.ts';
import { API_VERSION } from '#platform/contract/document.ts';

const document = openApiDocument();
const operations = documentedOperations().filter((o) => o.route !== '$default');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface OperationObject {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, unknown>;
}

const allOperations = (): [string, string, OperationObject][] =>
  Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = (item as Record<string, unknown>)[m] as OperationObject | undefined;
      return op ? [[path, m, op] as [string, string, OperationObject]] : [];
    }),
  );

/** Every `$ref` anywhere in a value. */
const refsIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
};

/** Follows a local JSON pointer (`#/components/schemas/Product`) through the document. */
const resolve = (ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      document,
    );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a title and the contract version', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: API_VERSION });
  });

  it('holds one operation per contract entry, each path and method once', () => {
    const keys = allOperations().map(([path, method]) => `${method.toUpperCase()} ${path}`);
    expect(keys.sort()).toEqual(operations.map((o) => o.route).sort());
  });

  it('has unique operationIds', () => {
    const ids = allOperations().map(([, , op]) => op.operationId);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref to a local definition', () => {
    const refs = [...new Set(refsIn(document))];
    expect(refs.length).toBeGreaterThan(0);
    const dangling = refs.filter((ref) => !ref.startsWith('#/') || resolve(ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('declares every tag it uses and every security scheme it requires', () => {
    const tags = new Set((document.tags ?? []).map((t) => t.name));
    const schemes = Object.keys(document.components?.securitySchemes ?? {});
    for (const [, , op] of allOperations()) {
      for (const tag of op.tags ?? []) expect(tags).toContain(tag);
      for (const requirement of op.security ?? [])
        for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
    }
  });

  it('marks every path parameter required and declared in its path', () => {
    for (const [path, , op] of allOperations()) {
      const named = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(params.map((p) => p.name).sort()).toEqual(named.sort());
      for (const p of params) expect(p.required).toBe(true);
    }
  });

  it.each(operations.map((o) => [o.route, o] as const))(
    '%s: security and problem answers follow the route’s access',
    (_, operation) => {
      const [method = '', path = ''] = operation.route.split(' ');
      const op = allOperations().find(([p, m]) => p === path && m === method.toLowerCase())?.[2];
      if (!op) throw new Error(`${operation.route} is missing from the document`);
      const access = operation.access;
      const security = {
        public: undefined,
        optional: [{}, { bearerAuth: [] }],
        customer: [{ bearerAuth: [] }],
        admin: [{ bearerAuth: [] }],
      }[access];
      expect(op.security).toEqual(security);
      // A public route answers 401 only for what it declares (a store route's invalid publishable key).
      expect('401' in op.responses).toBe(access !== 'public' || '401' in (operation.problems ?? {}));
      expect('403' in op.responses).toBe(access === 'admin' || '403' in (operation.problems ?? {}));
      expect(op.responses).toHaveProperty('500');
    },
  );

  it('leaves responses open for additions, with no …Output twins of shared components', () => {
    const schemas = document.components?.schemas ?? {};
    expect(schemas.Product).not.toHaveProperty('additionalProperties');
    expect(Object.keys(schemas).filter((name) => name.endsWith('Output'))).toEqual([]);
  });

  it('keeps every JSON request body closed: unknown fields are rejected, as the handlers do', () => {
    const bodies = allOperations().flatMap(([, , op]) => {
      const body = (op as { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } })
        .requestBody;
      const schema = body?.content['application/json']?.schema;
      return schema ? [schema.$ref ? resolve(schema.$ref) : schema] : [];
    });
    expect(bodies.length).toBeGreaterThan(0);
    // A body of several kinds (a discriminated union, e.g. a promotion) is closed when each kind is.
    const kinds = (schema: unknown) =>
      ((schema as { oneOf?: { $ref?: string }[] }).oneOf ?? [schema as { $ref?: string }]).map((kind) =>
        kind.$ref ? resolve(kind.$ref) : kind,
      );
    for (const schema of bodies.flatMap(kinds)) expect(schema).toHaveProperty('additionalProperties', false);
  });
});
