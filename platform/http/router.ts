import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { NotFoundError } from '../errors/index.ts';
import { parseInput } from '../errors/parse-input.ts';
import { jsonBody } from './body.ts';
import { checkBodyLimit } from './body-limit.ts';
import { checkAccess, verifierFromEnvironment } from './caller-access.ts';
import { logger } from './logger.ts';
import { errorHandler } from './middleware/error-handler.ts';
import type { Operation } from './operation.ts';

/**
 * The handler of an HTTP function: one middy stack (logging context, typed errors to problem+json) in
 * front of its operations, each found by the event's `routeKey`. Per request it checks the operation's
 * access, its body limit, parses path, query and JSON body with the operation's own schemas, and calls
 * its logic with the function's `services` (built once per instance by the Lambda entry, or loaded at the
 * first request when they need a secret: see `withSecret` in platform/config/secrets.ts).
 */
export const httpRouter = <S>(operations: readonly Operation<S>[], services: S | (() => Promise<S>)) => {
  // Services are objects (or nothing), never functions: a function is their loader.
  const load = (typeof services === 'function' ? services : async () => services) as () => Promise<S>;
  const byRoute = new Map(operations.map((op) => [op.route as string, op]));
  if (byRoute.size !== operations.length) throw new Error('Two operations of one function share a route');
  const verify = operations.some((op) => op.access === 'optional') ? verifierFromEnvironment() : undefined;
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(errorHandler(logger))
    .handler(async (event, context) => {
      logger.addContext(context);
      const operation = byRoute.get(event.routeKey);
      // API Gateway sends a function only the routes it was given; anything else is a deployment defect.
      if (!operation) throw new NotFoundError(`No route for ${event.routeKey}`, 'route_not_found');
      logger.appendKeys({ operationId: operation.operationId });
      const caller = await checkAccess(operation.access, event, verify);
      const request = operation.request ?? {};
      checkBodyLimit(event, request.bodyLimitBytes);
      return operation.handle(
        {
          path: request.path ? parseInput(request.path, event.pathParameters ?? {}, 'path') : undefined,
          query: request.query
            ? parseInput(request.query, event.queryStringParameters ?? {}, 'query')
            : undefined,
          body: request.body ? jsonBody(event, request.body) : undefined,
          caller,
          event,
        },
        // After access and input checks: a refused request costs no secret read.
        await load(),
      );
    });
};
