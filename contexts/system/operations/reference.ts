import { getApiReference } from './get-api-reference.ts';
import { getApiReferenceAsset } from './get-api-reference-asset.ts';
import { getEventSchemas } from './get-event-schemas.ts';
import { getOpenApiDocument } from './get-open-api-document.ts';

/** The operations of the `apiReference` function: the contracts (API and events) and the reference page. */
export const referenceOperations = [
  getOpenApiDocument,
  getEventSchemas,
  getApiReference,
  getApiReferenceAsset,
];
