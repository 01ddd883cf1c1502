import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { describeTemplate } from '#infra/inventory.ts';
import { routeKey } from '#platform/definition/environment.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { AUTHORIZATION_TYPE, synthesize } from './support.ts';

/** What the definition says the cloud serves, in the shape `describeTemplate` reports. */
const expectedInventory = (d: AppDefinition) => ({
  functions: Object.keys(d.functions).sort(),
  routes: d.routes
    .map((r) => ({
      routeKey: routeKey(r),
      function: r.function,
      authorizationType: AUTHORIZATION_TYPE[r.access],
    }))
    .sort((a, b) => a.routeKey.localeCompare(b.routeKey)),
  // Written out rather than asked of `servedCors`, so the test checks the code instead of repeating it.
  cors: d.cors && {
    allowOrigins: [...d.cors.allowOrigins],
    allowMethods: [...d.cors.allowMethods],
    allowHeaders: [...d.cors.allowHeaders],
    exposeHeaders: [...d.cors.exposeHeaders],
    maxAge: d.cors.maxAgeSeconds,
    allowCredentials: false,
  },
  rules: Object.entries(d.rules)
    .map(([name, r]) => ({ name, pattern: r.pattern, queue: r.queue }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  queues: Object.entries(d.queues)
    .map(([name, q]) => ({
      name,
      consumer: q.consumer,
      batchSize: q.batchSize,
      maxReceiveCount: q.maxReceiveCount,
      visibilityTimeoutSeconds: q.visibilityTimeoutSeconds,
    }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  schedules: Object.entries(d.schedules ?? {})
    .map(([name, s]) => ({ name, rate: s.rate, function: s.function }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  stateMachines: Object.entries(d.stateMachines)
    .map(([name, sm]) => ({ name, type: sm.type, substitutions: { ...sm.substitutions } }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  pipes: Object.entries(d.pipes)
    .map(([name, p]) => ({ name, filter: p.filter, target: p.target, batchSize: p.batchSize }))
    .sort((a, b) => a.name.localeCompare(b.name)),
});

describe('describeTemplate', () => {
  it.each([
    ['the application definition', app],
    ['the fixture definition', fixtureDefinition],
  ] as [string, AppDefinition][])(
    'maps the template of %s back to exactly that definition',
    (_, definition) => {
      const { template } = synthesize(definition);
      expect(describeTemplate(template.toJSON())).toStrictEqual(expectedInventory(definition));
    },
  );

  it('reports nothing for an empty template', () => {
    expect(describeTemplate({})).toStrictEqual({
      functions: [],
      routes: [],
      cors: undefined,
      rules: [],
      queues: [],
      schedules: [],
      stateMachines: [],
      pipes: [],
    });
  });
});
