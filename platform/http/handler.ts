import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { parseInput } from '../errors/parse-input.ts';
import { authorize } from './middleware/authorize.ts';
import { bodyLimit } from './middleware/body-limit.ts';
import { errorHandler } from './middleware/error-handler.ts';

export { logger } from './logger.ts';

import { logger } from './logger.ts';

interface InputSchemas<Q extends z.ZodType, P extends z.ZodType> {
  readonly query?: Q;
  readonly path?: P;
  readonly bodyLimitBytes?: number;
}

/** What a route's logic receives: validated input plus the raw event for headers and claims. */
export interface HttpInput<Q, P> {
  readonly query: Q;
  readonly path: P;
  readonly event: APIGatewayProxyEventV2;
}

/**
 * Wraps a route's logic in the one middleware stack every HTTP handler uses: logging context,
 * access check, body limit, input validation (zod) and typed errors to problem+json.
 */
export const httpHandler = <Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  schemas: InputSchemas<Q, P>,
  logic: (input: HttpInput<z.infer<Q>, z.infer<P>>) => Promise<APIGatewayProxyStructuredResultV2>,
) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(errorHandler(logger))
    .use(authorize())
    .use(bodyLimit(schemas.bodyLimitBytes))
    .handler(async (event, context) => {
      logger.addContext(context);
      const query = schemas.query
        ? parseInput(schemas.query, event.queryStringParameters ?? {}, 'query')
        : undefined;
      const path = schemas.path ? parseInput(schemas.path, event.pathParameters ?? {}, 'path') : undefined;
      return logic({ query, path, event } as HttpInput<z.infer<Q>, z.infer<P>>);
    });
