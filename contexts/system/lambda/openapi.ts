import { serverUrlOf } from '#contexts/system/operations/server-url.ts';
import { buildOpenApiDocument } from '#platform/contract/document.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';

// Built once per container: the document depends on the code, never on the request.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /openapi.json: the contract, generated from the zod schemas, naming the API that served it. */
export const handler = httpHandler({}, async ({ event }) => {
  document ??= buildOpenApiDocument();
  const { openapi, info, ...rest } = document;
  const servers = [{ url: serverUrlOf(event), description: 'The API that served this document' }];
  return json(200, { openapi, info, servers, ...rest }, { 'cache-control': 'public, max-age=300' });
});
