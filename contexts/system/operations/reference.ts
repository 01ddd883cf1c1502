import { getApiReference } from './get-api-reference.ts';
import { getApiReferenceAsset } from './get-api-reference-asset.ts';
import { getOpenApiDocument } from './get-open-api-document.ts';

/** The operations of the `apiReference` function: the contract and the reference page built on it. */
export const referenceOperations = [getOpenApiDocument, getApiReference, getApiReferenceAsset];
