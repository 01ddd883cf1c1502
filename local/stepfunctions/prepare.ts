import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { roleArn, type Scope, stateMachineArn } from './arns.ts';
import { allStates, isObject, type JsonObject } from './asl.ts';
import { type TaskSpec, taskSpec } from './task-spec.ts';
import {
  DefinitionError,
  parseDefinition,
  refuseJsonata,
  refuseUnsupportedFields,
  validateAsl,
} from './validate.ts';

/** A state machine as the application definition hands it over: ASL text after substitutions. */
export interface StateMachineSource {
  readonly name: string;
  readonly definition: string;
  readonly type: 'STANDARD' | 'EXPRESS';
}

/** A state machine checked and made ready for aws-local-stepfunctions. */
export interface PreparedMachine {
  readonly name: string;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly arn: string;
  readonly roleArn: string;
  /** The definition exactly as given, which DescribeStateMachine returns. */
  readonly definitionText: string;
  /** The definition the engine runs (see `forEngine`). */
  readonly runnable: JsonObject;
  /** Every Task state, at any depth, by its (machine-wide unique) name. */
  readonly tasks: ReadonlyMap<string, TaskSpec>;
  readonly creationDate: Date;
}

/**
 * The longest timer Node can set (2^31-1 ms). aws-local-stepfunctions gives a Task without
 * TimeoutSeconds 60 s, where AWS waits until the execution itself ends; this is the closest to AWS.
 */
export const unboundedTaskSeconds = 2_147_483;

/** Checks a state machine and prepares it, or throws a DefinitionError that says what to change. */
export function prepareStateMachine(
  source: StateMachineSource,
  scope: Scope,
  functionArns: Readonly<Record<string, string>>,
): PreparedMachine {
  const definition = parseDefinition(source.name, source.definition);
  refuseJsonata(source.name, definition);
  validateAsl(source.name, definition);
  refuseUnsupportedFields(source.name, definition);
  const tasks = new Map<string, TaskSpec>();
  for (const [stateName, state] of allStates(definition)) {
    if (state.Type !== 'Task') continue;
    const spec = taskSpec(state, functionArns);
    if ('refusal' in spec)
      throw new DefinitionError(source.name, `Task state "${stateName}" ${spec.refusal}`);
    tasks.set(stateName, spec);
  }
  const runnable = forEngine(definition);
  try {
    new StateMachine(asEngineDefinition(runnable));
  } catch (error) {
    throw new DefinitionError(source.name, (error as Error).message);
  }
  return {
    name: source.name,
    type: source.type,
    arn: stateMachineArn(scope, source.name),
    roleArn: roleArn(scope, source.name),
    definitionText: source.definition,
    runnable,
    tasks,
    creationDate: new Date(),
  };
}

/**
 * Rewrites where the engine and AWS differ: Tasks get AWS's unbounded default timeout, and every
 * retrier or catcher of `States.Timeout` also lists `States.HeartbeatTimeout`, because AWS lets
 * `States.Timeout` match a missed heartbeat while the engine matches error names exactly.
 */
export function forEngine(definition: JsonObject): JsonObject {
  const copy = structuredClone(definition);
  for (const [, state] of allStates(copy)) {
    if (state.Type === 'Task' && state.TimeoutSeconds === undefined) {
      state.TimeoutSeconds = unboundedTaskSeconds;
    }
    const handlers = [state.Retry, state.Catch].flatMap((list) => (Array.isArray(list) ? list : []));
    for (const handler of handlers.filter(isObject)) {
      const names = handler.ErrorEquals;
      if (
        Array.isArray(names) &&
        names.includes('States.Timeout') &&
        !names.includes('States.HeartbeatTimeout')
      ) {
        names.push('States.HeartbeatTimeout');
      }
    }
  }
  return copy;
}

/** The one place a checked JSON definition becomes the engine's type. */
export function asEngineDefinition(definition: JsonObject): StateMachineDefinition {
  return definition as unknown as StateMachineDefinition;
}
