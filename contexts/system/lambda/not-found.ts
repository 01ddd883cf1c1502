import { NotFoundError } from '#platform/errors/index.ts';
import { httpHandler } from '#platform/http/handler.ts';

/**
 * `$default` route: every path no other route serves is a 404 problem. A CORS preflight lands here too
 * (in AWS `$default` catches `OPTIONS` before API Gateway's own preflight answer), so it gets an empty
 * 204 and API Gateway adds the CORS headers of the API's configuration (or none for a refused one).
 */
export const handler = httpHandler({}, async ({ event }) => {
  const { method } = event.requestContext.http;
  if (method === 'OPTIONS' && event.headers['access-control-request-method'] && event.headers.origin) {
    return { statusCode: 204 };
  }
  throw new NotFoundError(`No route for ${method} ${event.rawPath}`, 'route_not_found');
});
