import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { app } from '#app/definition.ts';
import type { EventDefinition } from '#platform/events/definition.ts';
import { busEvent, eventDetail } from '#platform/events/envelope.ts';
import { formatWithBiome } from './format.ts';

/** Where the published schemas live: one file per event and version, never rewritten with a new shape. */
export const EVENT_SCHEMAS_DIR = 'docs/events';
/** Every event's current schema in one file: what `GET /events/schemas` serves. */
export const EVENT_SCHEMAS_INDEX = `${EVENT_SCHEMAS_DIR}/schemas.json`;

const versionOf = (event: EventDefinition): number => event.schemaVersion ?? 1;

/** `docs/events/orders/OrderPlaced.v1.json`: the context (from `commerce.<context>`), the type, the version. */
export const eventSchemaPath = (event: EventDefinition): string =>
  `${EVENT_SCHEMAS_DIR}/${event.source.slice('commerce.'.length)}/${event.detailType}.v${versionOf(event)}.json`;

/** The JSON Schema of the whole event as a target receives it, `detail.data` typed, titled and versioned. */
export const eventJsonSchema = (event: EventDefinition): Record<string, unknown> => {
  const schema = z.toJSONSchema(busEvent(eventDetail(event.schema)), { unrepresentable: 'any' });
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const detail = properties.detail as { properties: Record<string, Record<string, unknown>> };
  return {
    $schema: schema.$schema,
    $id: `urn:commerce:event:${event.source}:${event.detailType}:v${versionOf(event)}`,
    title: `${event.detailType} (schema version ${versionOf(event)})`,
    ...((event.description ?? event.schema.description)
      ? { description: event.description ?? event.schema.description }
      : {}),
    ...schema,
    properties: {
      ...properties,
      source: { type: 'string', const: event.source },
      'detail-type': { type: 'string', const: event.detailType },
      detail: {
        ...detail,
        properties: { ...detail.properties, schemaVersion: { type: 'integer', const: versionOf(event) } },
      },
    },
  };
};

/**
 * The shape of a schema, prose left out: what a consumer's parser depends on. A change here is a new
 * version; a reworded description is not.
 */
export const shapeOf = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(shapeOf);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'description' && key !== 'title')
      .map(([key, value]) => [key, shapeOf(value)]),
  );
};

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `docs/events/schemas.json`: every event's current version, sorted as docs/events.md is. */
export const renderEventSchemasIndex = (catalog: readonly EventDefinition[] = app.events): string =>
  json({
    events: [...catalog]
      .sort((a, b) => `${a.source} ${a.detailType}`.localeCompare(`${b.source} ${b.detailType}`))
      .map((event) => ({
        source: event.source,
        detailType: event.detailType,
        schemaVersion: versionOf(event),
        path: eventSchemaPath(event),
        schema: eventJsonSchema(event),
      })),
  });

/** A published version whose shape the code no longer has: the change needs a version bump. */
export interface UnbumpedChange {
  readonly event: string;
  readonly path: string;
}

/** Each event's file for its current version, and the published ones the code changed without a bump. */
export const eventSchemaFiles = async (
  catalog: readonly EventDefinition[] = app.events,
  read: (path: string) => Promise<string | undefined> = (path) =>
    readFile(path, 'utf8').catch(() => undefined),
) => {
  const files: { path: string; content: string }[] = [];
  const unbumped: UnbumpedChange[] = [];
  for (const event of catalog) {
    const path = eventSchemaPath(event);
    const schema = eventJsonSchema(event);
    const published = await read(path);
    if (published !== undefined && !sameShape(JSON.parse(published), schema)) {
      unbumped.push({ event: `${event.source} ${event.detailType} v${versionOf(event)}`, path });
    }
    files.push({ path, content: formatWithBiome(path, json(schema)) });
  }
  return { files, unbumped };
};

const sameShape = (a: unknown, b: unknown): boolean =>
  JSON.stringify(shapeOf(a)) === JSON.stringify(shapeOf(b));

/** What to tell a developer who changed an event without bumping its version. */
export const unbumpedMessage = (unbumped: readonly UnbumpedChange[]): string =>
  [
    'These events changed shape but kept their schemaVersion, which consumers rely on:',
    ...unbumped.map((u) => `  - ${u.event} (published as ${u.path})`),
    'Bump `schemaVersion` in the context’s events.ts (and where it is emitted), then run `npm run contract`.',
  ].join('\n');
