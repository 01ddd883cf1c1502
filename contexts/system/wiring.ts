import { operationOf } from '#platform/http/operation.ts';
import { probeTable } from './data/health.ts';
import type { EventSchemas } from './domain/schemas.ts';
import { docsPage } from './reference/docs-page.ts';

/** What the `system` function's operations use, wired once per Lambda instance over one table. */
export const systemServices = (table: string) => ({
  probeTable: () => probeTable(table),
});
export type SystemServices = ReturnType<typeof systemServices>;

/** Declares an operation of the `system` function (health and the catch-all). */
export const systemOperation = operationOf<SystemServices>();

/** The committed contract as the `apiReference` function serves it (docs/openapi.json). */
export interface OpenApiFile {
  readonly openapi: string;
  readonly info: { readonly title: string } & Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/**
 * What the `apiReference` function's operations use: the committed contract, handed over by the Lambda
 * entry with the event contract (it imports the files, so operations never do: the CDK app and the generator import them), and
 * the reference page named after it.
 */
export const referenceServices = (document: OpenApiFile, eventSchemas: EventSchemas) => ({
  document,
  eventSchemas,
  page: docsPage(document.info.title),
});
export type ReferenceServices = ReturnType<typeof referenceServices>;

/** Declares an operation of the `apiReference` function (the contract and its reference page). */
export const referenceOperation = operationOf<ReferenceServices>();
