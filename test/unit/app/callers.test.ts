import { describe, expect, it } from 'vitest';
import { functionCallers, sharedRoleFunctions } from '#platform/definition/callers.ts';
import type { AppDefinition, FunctionDef } from '#platform/definition/types.ts';

const fn: FunctionDef = { entry: 'functions/x.ts', description: 'x', memoryMb: 128, timeoutSeconds: 3 };
const names = [
  'page',
  'both',
  'consumer',
  'target',
  'task',
  'tick',
  'pageTick',
  'trigger',
  'orphan',
] as const;

const definition: AppDefinition = {
  name: 'callers-test',
  userPoolTriggers: { postConfirmation: 'trigger' },
  table: { partitionKey: 'pk', sortKey: 'sk', gsis: [], ttlAttribute: 'ttl', stream: 'NEW_AND_OLD_IMAGES' },
  functions: Object.fromEntries(names.map((n) => [n, fn])),
  routes: [
    { method: 'GET', path: '/page', function: 'page', access: 'public' },
    { method: 'POST', path: '/page', function: 'page', access: 'customer' },
    { method: 'GET', path: '/both', function: 'both', access: 'admin' },
    { method: 'GET', path: '/page-tick', function: 'pageTick', access: 'admin' },
  ],
  rules: {},
  queues: {
    q: {
      description: 'q',
      consumer: 'consumer',
      batchSize: 1,
      visibilityTimeoutSeconds: 30,
      maxReceiveCount: 3,
    },
    r: { description: 'r', consumer: 'both', batchSize: 1, visibilityTimeoutSeconds: 30, maxReceiveCount: 3 },
  },
  stateMachines: {
    m: {
      description: 'm',
      definitionFile: 'x.asl.json',
      type: 'STANDARD',
      substitutions: { TaskArn: { function: 'task' }, Label: { literal: 'x' } },
    },
  },
  pipes: { p: { description: 'p', filter: {}, target: 'target', batchSize: 1 } },
  schedules: {
    s: { description: 's', rate: 'rate(1 minute)', function: 'tick' },
    t: { description: 't', rate: 'rate(1 minute)', function: 'pageTick' },
  },
};

describe('functionCallers', () => {
  it('lists what invokes each function', () => {
    const callers = functionCallers(definition);
    expect(Object.fromEntries([...callers].map(([n, c]) => [n, [...c].sort()]))).toEqual({
      page: ['route'],
      both: ['queue', 'route'],
      consumer: ['queue'],
      target: ['pipe'],
      task: ['stateMachine'],
      tick: ['schedule'],
      pageTick: ['route', 'schedule'],
      trigger: ['userPoolTrigger'],
      orphan: [],
    });
  });
});

describe('sharedRoleFunctions', () => {
  it('holds only functions that routes and state machines invoke, schedules aside', () => {
    // `tick`: only a schedule invokes it, so it keeps a role of its own; `pageTick` is a route's too.
    expect([...sharedRoleFunctions(definition)].sort()).toEqual(['page', 'pageTick', 'task']);
  });
});
