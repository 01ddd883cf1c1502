import { describe, expect, it } from 'vitest';
import {
  parseThrottleOverrides,
  routeThrottles,
  type ThrottlingDef,
  UNDECLARED_LIMIT,
} from '#platform/definition/throttling.ts';
import type { RouteDef } from '#platform/definition/types.ts';

const routes: RouteDef[] = [
  { method: 'GET', path: '/things', function: 'f', access: 'public' },
  { method: 'POST', path: '/things', function: 'f', access: 'optional' },
  { method: 'POST', path: '/hooks/pay', function: 'g', access: 'public' },
  { method: 'GET', path: '/admin/things', function: 'h', access: 'admin' },
];

const throttling: ThrottlingDef = {
  groups: {
    read: { rateLimit: 100, burstLimit: 200 },
    write: { rateLimit: 10, burstLimit: 20 },
    hook: { rateLimit: 50, burstLimit: 100 },
  },
  byAccess: {
    public: { read: 'read', write: 'write' },
    optional: { read: 'read', write: 'write' },
    customer: { read: 'write', write: 'write' },
    admin: { read: 'write', write: 'write' },
  },
  routes: { 'POST /hooks/pay': 'hook' },
};

describe('routeThrottles', () => {
  it('places a route by its access and method unless named by route key', () => {
    expect(routeThrottles(routes, throttling).map((t) => [t.routeKey, t.group, t.rateLimit])).toEqual([
      ['GET /things', 'read', 100],
      ['POST /things', 'write', 10],
      ['POST /hooks/pay', 'hook', 50],
      ['GET /admin/things', 'write', 10],
    ]);
  });

  it('gives every route the stage-wide limit of earlier releases when nothing is declared', () => {
    expect(routeThrottles(routes, undefined).every((t) => t.rateLimit === UNDECLARED_LIMIT.rateLimit)).toBe(
      true,
    );
  });

  it.each([
    ['a route the definition lacks', { ...throttling, routes: { 'GET /nope': 'read' } }, /lacks/],
    ['an unknown group', { ...throttling, routes: { 'POST /hooks/pay': 'nope' } }, /Unknown throttle group/],
  ])('refuses a declaration naming %s', (_, bad, message) => {
    expect(() => routeThrottles(routes, bad)).toThrow(message);
  });

  it('parses overrides as group=rate/burst', () => {
    expect(parseThrottleOverrides('hook=5/10,read=0.5/1')).toEqual({
      hook: { rateLimit: 5, burstLimit: 10 },
      read: { rateLimit: 0.5, burstLimit: 1 },
    });
  });
});
