import { z } from 'zod';

/** `GET /health`: the function runs and the table answered, with how long the read took. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  table: z.object({ reachable: z.literal(true), latencyMs: z.number().int().nonnegative() }),
});
export type Health = z.infer<typeof healthSchema>;

/** Path of `GET /docs/{asset}`: a file name; only the allow-listed ones exist (404 otherwise). */
export const docsAssetPath = z.strictObject({
  asset: z.string().min(1).max(64).meta({
    example: 'swagger-ui-bundle.js',
    description: 'swagger-ui-bundle.js, swagger-ui.css or api-docs.js',
  }),
});

/** An OpenAPI 3.1 document, as far as a client needs to know: the rest is the specification's. */
export const openApiDocumentSchema = z
  .object({ openapi: z.string().regex(/^3\.1\.\d+$/) })
  .catchall(z.unknown())
  .meta({ description: 'An OpenAPI 3.1 document' });

/** One event's current version in `GET /events/schemas`: its JSON Schema and where the repository keeps it. */
export const eventSchemaEntry = z.object({
  source: z.string().meta({ example: 'commerce.orders' }),
  detailType: z.string().meta({ example: 'OrderPlaced' }),
  schemaVersion: z.number().int().positive(),
  path: z.string().meta({ description: 'The file in the repository, one per event and version' }),
  schema: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema (2020-12) of the whole event' }),
});

/** `GET /events/schemas`: every domain event's contract, as the bus, queues and webhooks deliver it. */
export const eventSchemasSchema = z.object({ events: z.array(eventSchemaEntry) });
export type EventSchemas = z.infer<typeof eventSchemasSchema>;
