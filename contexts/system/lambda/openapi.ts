import { httpHandler } from '#platform/http/handler.ts';
import { json } from '#platform/http/response.ts';
import document from '../../../docs/openapi.json' with { type: 'json' };
import { serverUrlOf } from '../operations/server-url.ts';

/**
 * GET /openapi.json: the contract `npm run contract` generated from the zod schemas (a unit test keeps the
 * committed file current), naming the API that served it. Served from the file so this function does not
 * bundle every operation's code.
 */
export const handler = httpHandler({}, async ({ event }) => {
  const { openapi, info, ...rest } = document;
  const servers = [{ url: serverUrlOf(event), description: 'The API that served this document' }];
  return json(200, { openapi, info, servers, ...rest }, { 'cache-control': 'public, max-age=300' });
});
