import type { RunOptions } from 'aws-local-stepfunctions';
import { type JsonObject, machinesOf } from './asl.ts';

type EngineContext = NonNullable<RunOptions['context']>;

export interface ExecutionIdentity {
  readonly executionArn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly roleArn: string;
}

/** The `$$` context object of one execution and the definition that keeps it current. */
export interface LiveContext {
  readonly context: EngineContext;
  /** The definition to run: it reports each state entry, so `$$.State` names the right state. */
  readonly definition: JsonObject;
  /** The token `$$.Task.Token` just resolved to for the Task being started, or a new one. */
  claimToken(): string;
}

/**
 * Builds the context object aws-local-stepfunctions evaluates `$$` paths against. The engine copies
 * it shallowly and sets `Execution.Input` and `Execution.StartTime` itself, so the nested `State` and
 * `Task` objects stay shared with this code and can change while the execution runs:
 *
 * - `State` is updated whenever the engine looks a state up to enter it (the only reads of `States`
 *   it makes), which happens in the same synchronous step that evaluates that state's Parameters.
 * - `Task.Token` is minted when Parameters read it; the Task's handler runs in that same synchronous
 *   step and claims it, so each attempt of each callback task gets its own token.
 */
export function liveContext(
  identity: ExecutionIdentity,
  runnable: JsonObject,
  mint: () => string,
): LiveContext {
  const state = { Name: '', EnteredTime: '' };
  let armed: string | undefined;
  const task = {};
  Object.defineProperty(task, 'Token', {
    enumerable: true,
    get(): string {
      if (armed !== undefined) return armed;
      const token = mint();
      armed = token;
      // Unclaimed (read outside a callback Task), it must not leak into the next Task.
      queueMicrotask(() => {
        if (armed === token) armed = undefined;
      });
      return token;
    },
  });
  const enter = (name: string): void => {
    state.Name = name;
    state.EnteredTime = new Date().toISOString();
  };
  return {
    context: {
      Execution: {
        Id: identity.executionArn,
        Name: identity.name,
        RoleArn: identity.roleArn,
        RedriveCount: 0,
      },
      StateMachine: { Id: identity.stateMachineArn, Name: identity.stateMachineName },
      State: state,
      Task: task,
    },
    definition: withEntryTracking(runnable, enter),
    claimToken: () => {
      const token = armed ?? mint();
      armed = undefined;
      return token;
    },
  };
}

function withEntryTracking(runnable: JsonObject, enter: (name: string) => void): JsonObject {
  const copy = structuredClone(runnable);
  // Collect every (sub-)machine first: reading through a tracking proxy would count as an entry.
  for (const machine of machinesOf(copy)) {
    const states = machine.States as JsonObject;
    machine.States = new Proxy(states, {
      get(target, key, receiver) {
        if (typeof key === 'string' && Object.hasOwn(target, key)) enter(key);
        return Reflect.get(target, key, receiver);
      },
    });
  }
  return copy;
}
