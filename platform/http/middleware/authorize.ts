import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import { checkAccess, verifierFromEnvironment } from '../caller-access.ts';

const routeAccess = z.record(z.string(), z.enum(['public', 'optional', 'customer', 'admin']));

/** Enforces the route's access from `ROUTE_ACCESS` (functions not yet served through operations). */
export const authorize = (): MiddlewareObj<APIGatewayProxyEventV2> => {
  const access = routeAccess.parse(JSON.parse(process.env.ROUTE_ACCESS ?? '{}'));
  const verify = Object.values(access).includes('optional') ? verifierFromEnvironment() : undefined;
  return {
    before: async ({ event }) => {
      await checkAccess(access[event.routeKey] ?? 'public', event, verify);
    },
  };
};
