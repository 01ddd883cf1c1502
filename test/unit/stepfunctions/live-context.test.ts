import { describe, expect, it } from 'vitest';
import type { JsonObject } from '#local/stepfunctions/asl.ts';
import { liveContext } from '#local/stepfunctions/live-context.ts';

const identity = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e-1',
  name: 'e-1',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
  stateMachineName: 'm',
  roleArn: 'arn:aws:iam::123456789012:role/m-local-role',
};

const runnable: JsonObject = {
  StartAt: 'Outer',
  States: {
    Outer: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } }],
      End: true,
    },
  },
};

function counter() {
  let n = 0;
  return () => `token-${++n}`;
}

describe('liveContext', () => {
  it('names the state the engine looks up to enter, at any depth', () => {
    const live = liveContext(identity, runnable, counter());
    const state = live.context.State as { Name: string; EnteredTime: string };
    expect(state.Name).toBe('');
    const outer = (live.definition.States as JsonObject).Outer as { Branches: JsonObject[] };
    expect(state.Name).toBe('Outer');
    void (outer.Branches[0]!.States as JsonObject).Inner;
    expect(state.Name).toBe('Inner');
    expect(Date.parse(state.EnteredTime)).toBeGreaterThan(0);
  });

  it('leaves the definition it was given untouched', () => {
    const live = liveContext(identity, runnable, counter());
    expect(live.definition).not.toBe(runnable);
    expect(Object.hasOwn(runnable.States as object, 'Outer')).toBe(true);
  });

  it('hands the token that Parameters read to the Task claiming it in the same step', () => {
    const live = liveContext(identity, runnable, counter());
    const task = live.context.Task as { Token: string };
    const read = task.Token;
    expect(task.Token).toBe(read);
    expect(live.claimToken()).toBe(read);
    expect(live.claimToken()).not.toBe(read);
  });

  it('does not let a token read outside a callback Task leak into a later Task', async () => {
    const live = liveContext(identity, runnable, counter());
    const stray = (live.context.Task as { Token: string }).Token;
    await Promise.resolve();
    expect(live.claimToken()).not.toBe(stray);
  });

  it('carries the execution and state machine identity', () => {
    const { context } = liveContext(identity, runnable, counter());
    expect(context).toMatchObject({
      Execution: { Id: identity.executionArn, Name: 'e-1', RoleArn: identity.roleArn },
      StateMachine: { Id: identity.stateMachineArn, Name: 'm' },
    });
  });
});
