import type { oas31 } from 'zod-openapi';
import { buildOpenApiDocument } from '#platform/contract/document.ts';
import type { DocumentedOperation } from '#platform/contract/operation.ts';
import { routeKey } from '#platform/definition/environment.ts';
import { app } from './definition.ts';

/** Every operation of the HTTP API with the access its route gives it. */
export const documentedOperations = (): readonly DocumentedOperation[] => {
  const served = new Set(app.operations.map((op) => op.route as string));
  const entries = app.contract
    .filter((entry) => !served.has(entry.route))
    .map((entry) => {
      const route = app.routes.find((r) => routeKey(r) === entry.route);
      if (!route) throw new Error(`The contract names ${entry.route}, which the definition does not route`);
      return { ...entry, access: route.access };
    });
  // In the order of the definition's routes (context by context), whoever serves them.
  const order = new Map(app.routes.map((r, i) => [routeKey(r), i]));
  return [...app.operations, ...entries].sort(
    (a, b) => (order.get(a.route) ?? 0) - (order.get(b.route) ?? 0),
  );
};

/** The application's OpenAPI 3.1 document, generated from its operations' zod schemas. */
export const openApiDocument = (): oas31.OpenAPIObject =>
  buildOpenApiDocument({
    name: app.name,
    tags: app.tags,
    operations: documentedOperations(),
    components: app.components,
  });
