import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError } from '../../errors/index.ts';
import { problem } from '../response.ts';

/**
 * Maps typed errors to problem+json. Anything untyped is logged with its stack and answered with a
 * generic 500 that leaks nothing.
 */
export const errorHandler = (logger: Logger): MiddlewareObj<unknown, APIGatewayProxyStructuredResultV2> => ({
  onError: (request) => {
    const error = request.error;
    if (error instanceof AppError) {
      if (error.statusCode >= 500) logger.error('request failed', { error });
      request.response = problem(error.statusCode, error.toJSON(), error.headers);
      return;
    }
    logger.error('unexpected error', { error: error as Error });
    request.response = problem(500, {
      type: 'urn:problem:commerce:internal_error',
      title: 'Internal error',
      status: 500,
      code: 'internal_error',
      detail: 'The request could not be completed',
    });
  },
});
