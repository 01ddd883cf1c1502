import { NotFoundError } from '#platform/errors/index.ts';
import { systemOperation } from '../wiring.ts';

/**
 * `$default`, HTTP API's catch-all: every path no other route serves is a 404 problem (not API Gateway's
 * bare body). A CORS preflight lands here too (in AWS `$default` catches `OPTIONS` before API Gateway's
 * own preflight answer), so it gets an empty 204 and API Gateway adds the CORS headers of the API's
 * configuration (or none for a refused one). Not in the contract.
 */
export const notFound = systemOperation({
  route: '$default',
  access: 'public',
  operationId: 'notFound',
  summary: 'Any route the API does not serve',
  tags: ['platform'],
  responses: { 204: { description: 'A CORS preflight; API Gateway adds the CORS headers' } },
  problems: { 404: ['route_not_found'] },
  handle: async ({ event }) => {
    const { method } = event.requestContext.http;
    if (method === 'OPTIONS' && event.headers['access-control-request-method'] && event.headers.origin)
      return { statusCode: 204 };
    throw new NotFoundError(`No route for ${method} ${event.rawPath}`, 'route_not_found');
  },
});
