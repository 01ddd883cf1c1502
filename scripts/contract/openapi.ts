import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { openApiDocument } from '#app/contract.ts';

/** `docs/openapi.json`: the contract without `servers` (the served copy names the API that served it). */
export const renderOpenApiJson = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

/** `client/schema.d.ts`: the TypeScript types openapi-fetch is typed with, from that very JSON. */
export const renderClientTypes = async (openApiJson: string): Promise<string> => {
  const ast = await openapiTS(openApiJson, { silent: true });
  return `${COMMENT_HEADER}${astToString(ast)}`;
};
