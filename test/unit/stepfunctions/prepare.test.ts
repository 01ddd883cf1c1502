import { describe, expect, it } from 'vitest';
import type { JsonObject } from '#local/stepfunctions/asl.ts';
import { prepareStateMachine, unboundedTaskSeconds } from '#local/stepfunctions/prepare.ts';

const scope = { region: 'eu-west-1', accountId: '111122223333' };
const fnArn = 'arn:aws:lambda:eu-west-1:111122223333:function:commerce-reserve';
const functionArns = { [fnArn]: 'reserveStock' };

const prepare = (definition: unknown, name = 'checkout') =>
  prepareStateMachine(
    { name, type: 'STANDARD', definition: JSON.stringify(definition) },
    scope,
    functionArns,
  );

const task = (fields: Record<string, unknown>) => ({ Type: 'Task', End: true, ...fields });
const machine = (states: Record<string, unknown>) => ({ StartAt: Object.keys(states)[0], States: states });
const invoke = (fields: Record<string, unknown> = {}) =>
  task({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: fnArn }, ...fields });

describe('prepareStateMachine', () => {
  it.each([
    [
      'JSONata at the top level',
      { QueryLanguage: 'JSONata', ...machine({ A: { Type: 'Pass', End: true } }) },
      /JSONata.*top level/,
    ],
    [
      'JSONata in a nested Map state',
      machine({
        Each: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'B',
            States: { B: { Type: 'Pass', QueryLanguage: 'JSONata', End: true } },
          },
          End: true,
        },
      }),
      /JSONata.*state "B"/,
    ],
    [
      'a resource other than Lambda',
      machine({ Put: task({ Resource: 'arn:aws:states:::dynamodb:putItem' }) }),
      /"Put".*not served locally/,
    ],
    [
      'a function outside the definition',
      machine({ Go: task({ Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:x' }) }),
      /"Go".*not a function/,
    ],
    [
      'lambda:invoke of an unknown function',
      machine({ Go: invoke({ Parameters: { FunctionName: 'nope' } }) }),
      /FunctionName "nope"/,
    ],
    [
      'lambda:invoke without FunctionName',
      machine({ Go: invoke({ Parameters: { Payload: {} } }) }),
      /no FunctionName/,
    ],
    ['workflow variables', machine({ A: { Type: 'Pass', Assign: { total: 1 }, End: true } }), /Assign/],
    [
      'a Distributed Map',
      machine({
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject' },
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
          End: true,
        },
      }),
      /Distributed Map/,
    ],
    [
      'a timeout read from the input',
      machine({ Go: invoke({ TimeoutSecondsPath: '$.timeout' }) }),
      /TimeoutSecondsPath/,
    ],
    ['invalid ASL', machine({ A: { Type: 'Pass', Next: 'Missing' } }), /not valid ASL/],
  ])('refuses %s', (_, definition, reason) => {
    expect(() => prepare(definition)).toThrow(reason);
  });

  it('names the state machine in every refusal', () => {
    expect(() =>
      prepareStateMachine({ name: 'refunds', type: 'STANDARD', definition: '{' }, scope, functionArns),
    ).toThrow(/^State machine "refunds" cannot run in the local cloud: its definition is not JSON/);
  });

  it('classifies every Task, nested ones included, and resolves their functions', () => {
    const prepared = prepare(
      machine({
        Reserve: invoke({ End: undefined, Next: 'Both' }),
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Direct', States: { Direct: task({ Resource: `${fnArn}:live` }) } },
            {
              StartAt: 'Wait',
              States: {
                Wait: task({
                  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                  Parameters: { FunctionName: 'commerce-reserve', Payload: { 'token.$': '$$.Task.Token' } },
                  TimeoutSeconds: 30,
                  HeartbeatSeconds: 10,
                }),
              },
            },
          ],
          End: true,
        },
      }),
    );
    expect(Object.fromEntries(prepared.tasks)).toEqual({
      Reserve: { kind: 'invoke', waitForTaskToken: false, functionName: 'reserveStock' },
      Direct: { kind: 'function', functionName: 'reserveStock' },
      Wait: {
        kind: 'invoke',
        waitForTaskToken: true,
        functionName: 'reserveStock',
        timeoutSeconds: 30,
        heartbeatSeconds: 10,
      },
    });
    expect(prepared.arn).toBe('arn:aws:states:eu-west-1:111122223333:stateMachine:checkout');
  });

  it('gives Tasks without TimeoutSeconds no practical timeout, as AWS does, instead of the engine 60 s', () => {
    const prepared = prepare(
      machine({ Go: invoke({ End: undefined, Next: 'Later' }), Later: invoke({ TimeoutSeconds: 5 }) }),
    );
    const states = prepared.runnable.States as Record<string, JsonObject>;
    expect(states.Go?.TimeoutSeconds).toBe(unboundedTaskSeconds);
    expect(states.Later?.TimeoutSeconds).toBe(5);
  });

  it('lets every States.Timeout retrier and catcher match a missed heartbeat too', () => {
    const prepared = prepare(
      machine({
        Go: invoke({
          Retry: [{ ErrorEquals: ['States.Timeout'] }, { ErrorEquals: ['States.TaskFailed'] }],
          Catch: [{ ErrorEquals: ['States.Timeout', 'States.HeartbeatTimeout'], Next: 'Done' }],
          End: undefined,
          Next: 'Done',
        }),
        Done: { Type: 'Succeed' },
      }),
    );
    const go = (prepared.runnable.States as Record<string, JsonObject>).Go as {
      Retry: JsonObject[];
      Catch: JsonObject[];
    };
    expect(go.Retry.map((r) => r.ErrorEquals)).toEqual([
      ['States.Timeout', 'States.HeartbeatTimeout'],
      ['States.TaskFailed'],
    ]);
    expect(go.Catch[0]?.ErrorEquals).toEqual(['States.Timeout', 'States.HeartbeatTimeout']);
    // DescribeStateMachine still shows the definition as written.
    expect(JSON.parse(prepared.definitionText).States.Go.Retry[0].ErrorEquals).toEqual(['States.Timeout']);
  });
});
