import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { app } from '#app/definition.ts';
import { composeApp, DefinitionError } from '#platform/definition/compose.ts';
import type { ContextDef, FunctionDef, RootDef } from '#platform/definition/types.ts';
import { operationOf } from '#platform/http/operation.ts';
import { json } from '#platform/http/response.ts';

const root: RootDef = {
  name: 'compose-test',
  table: {
    partitionKey: 'pk',
    sortKey: 'sk',
    gsis: [],
    ttlAttribute: 'expiresAt',
    stream: 'NEW_AND_OLD_IMAGES',
  },
  secrets: { cursorKey: { description: 'x' } },
  externalSecrets: { stripe: { description: 'x', fields: ['secretKey'] } },
};
const fn = (extra: Partial<FunctionDef> = {}): FunctionDef => ({
  entry: 'contexts/x/lambda/x.ts',
  description: 'x',
  memoryMb: 128,
  timeoutSeconds: 3,
  ...extra,
});
const op = operationOf<undefined>();
const getThing = op({
  route: 'GET /things/{thingId}',
  access: 'public',
  operationId: 'getThing',
  summary: 'A thing',
  tags: ['things'],
  responses: { 200: { description: 'ok' } },
  handle: async () => json(200, {}),
});
const things: ContextDef = {
  name: 'things',
  description: 'Things',
  keyPrefixes: ['THING#'],
  events: [{ source: 'commerce.things', detailType: 'Made', schema: z.object({}) }],
  functions: { thingsStore: fn({ operations: [getThing] }), thingsConsumer: fn() },
  queues: {
    thingEvents: {
      description: 'x',
      consumer: 'thingsConsumer',
      batchSize: 10,
      visibilityTimeoutSeconds: 30,
      maxReceiveCount: 3,
    },
  },
  rules: {
    thingsToQueue: { description: 'x', pattern: { source: ['commerce.things'] }, queue: 'thingEvents' },
  },
};
const other = (extra: Partial<ContextDef>): ContextDef => ({
  name: 'other',
  description: 'Other',
  keyPrefixes: ['OTHER#'],
  functions: {},
  ...extra,
});
const compose = (...contexts: ContextDef[]) => composeApp(root, contexts, { keyPrefixes: ['OUTBOX#'] });

describe('composeApp', () => {
  it('merges the contexts and derives each route from the operation that serves it', () => {
    const composed = compose(things, other({}));
    expect(composed.contexts).toEqual(['things', 'other']);
    expect(Object.keys(composed.functions)).toEqual(['thingsStore', 'thingsConsumer']);
    expect(composed.routes).toEqual([
      {
        method: 'GET',
        path: '/things/{thingId}',
        function: 'thingsStore',
        access: 'public',
        operationId: 'getThing',
      },
    ]);
    expect(composed.operations).toEqual([getThing]);
    expect(composed.keyPrefixes).toEqual({ 'OUTBOX#': 'platform', 'THING#': 'things', 'OTHER#': 'other' });
  });

  it('records which context declared each entry', () => {
    const composed = compose(things, other({ functions: { otherWorker: fn() } }));
    expect(composed.owners.functions).toEqual({
      thingsStore: 'things',
      thingsConsumer: 'things',
      otherWorker: 'other',
    });
    expect(composed.owners.queues).toEqual({ thingEvents: 'things' });
    expect(composed.owners.rules).toEqual({ thingsToQueue: 'things' });
  });

  it.each<[string, ContextDef, RegExp]>([
    ['a context twice', things, /Context things twice/],
    [
      'a function name another context declares',
      other({ functions: { thingsStore: fn() } }),
      /functions "thingsStore"/,
    ],
    ['a queue name another context declares', other({ queues: things.queues }), /queues "thingEvents"/],
    [
      'a route another function serves',
      other({ functions: { otherStore: fn({ operations: [{ ...getThing, operationId: 'x' }] }) } }),
      /Route GET \/things\/\{thingId\} is served twice/,
    ],
    [
      'an operationId used twice',
      other({ functions: { otherStore: fn({ operations: [{ ...getThing, route: 'GET /other' }] }) } }),
      /operationId getThing/,
    ],
    [
      'a key prefix another context claims',
      other({ keyPrefixes: ['THING#'] }),
      /THING# \(things\) is also claimed by THING# \(other\)/,
    ],
    [
      'a key prefix that starts another context’s',
      other({ keyPrefixes: ['THI'] }),
      /THI \(other\) starts THING# \(things\)/,
    ],
    ['a key prefix of the platform’s', other({ keyPrefixes: ['OUTBOX#'] }), /OUTBOX#/],
    [
      'an event another context emits',
      other({ events: [{ source: 'commerce.things', detailType: 'Made', schema: z.object({}) }] }),
      /Event commerce.things Made is declared twice/,
    ],
  ])('refuses %s', (_, second, message) => {
    expect(() => compose(things, second)).toThrow(DefinitionError);
    expect(() => compose(things, second)).toThrow(message);
  });

  it.each<[string, Partial<ContextDef>, RegExp]>([
    [
      'a rule to an unknown queue',
      { rules: { r: { description: 'x', pattern: {}, queue: 'nope' } } },
      /queue "nope"/,
    ],
    [
      'a queue consumed by an unknown function',
      { queues: { q: { ...things.queues!.thingEvents!, consumer: 'nope' } } },
      /Queue q names function "nope"/,
    ],
    [
      'a pipe to an unknown function',
      { pipes: { p: { description: 'x', filter: {}, target: 'nope', batchSize: 1 } } },
      /Pipe p/,
    ],
    [
      'a schedule of an unknown function',
      { schedules: { s: { description: 'x', rate: 'rate(1 minute)', function: 'nope' } } },
      /Schedule s/,
    ],
    [
      'a state machine substituting an unknown function',
      {
        stateMachines: {
          m: {
            description: 'x',
            definitionFile: 'x.json',
            type: 'STANDARD',
            substitutions: { A: { function: 'nope' } },
          },
        },
      },
      /State machine m \(A\)/,
    ],
    [
      'a state machine starting an unknown one',
      {
        stateMachines: {
          m: {
            description: 'x',
            definitionFile: 'x.json',
            type: 'STANDARD',
            substitutions: { A: { stateMachine: 'nope' } },
          },
        },
      },
      /starts unknown "nope"/,
    ],
    [
      'a function using an unknown queue',
      { functions: { f: fn({ uses: { queues: ['nope'] } }) } },
      /uses unknown queue/,
    ],
    [
      'a function using an undeclared secret',
      { functions: { f: fn({ uses: { secrets: ['nope'] } }) } },
      /undeclared secret "nope"/,
    ],
    [
      'a function using an undeclared external secret',
      { functions: { f: fn({ uses: { externalSecrets: ['nope'] } }) } },
      /undeclared external secret/,
    ],
    [
      'a function resuming an unknown state machine',
      { functions: { f: fn({ uses: { taskTokens: ['nope'] } }) } },
      /unknown state machine "nope"/,
    ],
    [
      'a user pool trigger of an unknown function',
      { userPoolTriggers: { postConfirmation: 'nope' } },
      /User pool trigger postConfirmation/,
    ],
  ])('refuses %s', (_, extra, message) => {
    expect(() => compose(things, other(extra))).toThrow(message);
  });

  it('composes the application itself', () => {
    expect(app.contexts.length).toBeGreaterThanOrEqual(10);
    expect(app.routes.filter((r) => r.path === '$default')).toHaveLength(1);
    expect(app.operations).toHaveLength(app.routes.length);
  });
});
