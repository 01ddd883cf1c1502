import type { oas31 } from 'zod-openapi';
import { buildOpenApiDocument } from '#platform/contract/document.ts';
import type { DocumentedOperation } from '#platform/contract/operation.ts';
import { app } from './definition.ts';

/** Every operation of the HTTP API (the `$default` catch-all included), as its functions serve it. */
export const documentedOperations = (): readonly DocumentedOperation[] => app.operations;

/** The application's OpenAPI 3.1 document, generated from its operations' zod schemas. */
export const openApiDocument = (): oas31.OpenAPIObject =>
  buildOpenApiDocument({
    name: app.name,
    tags: app.tags,
    operations: app.operations,
    components: app.components,
  });
