import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import { ForbiddenError, UnauthorizedError } from '../../errors/index.ts';
import { callerOf } from '../identity.ts';

const routeAccess = z.record(z.string(), z.enum(['public', 'customer', 'admin']));

/**
 * Enforces the route's access from the definition (`ROUTE_ACCESS`, set by both clouds). API Gateway's
 * JWT authorizer has already proved the token; this checks that claims are present and, for admin
 * routes, that the caller is in the `admin` group.
 */
export const authorize = (): MiddlewareObj<APIGatewayProxyEventV2> => {
  const access = routeAccess.parse(JSON.parse(process.env.ROUTE_ACCESS ?? '{}'));
  return {
    before: ({ event }) => {
      const required = access[event.routeKey] ?? 'public';
      if (required === 'public') return;
      const caller = callerOf(event);
      if (!caller) throw new UnauthorizedError();
      if (required === 'admin' && !caller.groups.includes('admin')) throw new ForbiddenError();
    },
  };
};
