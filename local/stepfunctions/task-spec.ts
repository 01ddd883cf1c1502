import { resolveFunction } from './arns.ts';
import { isObject, type JsonObject } from './asl.ts';

const functionResource = /^arn:aws[a-z-]*:lambda:/;
// Groups: `.waitForTaskToken` when present. Any partition, as in `arn:aws-cn:states:::lambda:invoke`.
const invokeResource = /^arn:aws[a-z-]*:states:::lambda:invoke(\.waitForTaskToken)?$/;
// Groups: the integration pattern suffix (`.sync`, `.sync:2`, `.waitForTaskToken`), when present.
const startExecutionResource = /^arn:aws[a-z-]*:states:::states:startExecution(\..*)?$/;

/** How the local endpoint serves one Task state, worked out once when the server starts. */
export type TaskSpec =
  /** `Resource` is a function ARN: the state's input is the event, the result is what it returns. */
  | { readonly kind: 'function'; readonly functionName: string }
  /** `lambda:invoke`, optionally with `.waitForTaskToken`; the function comes from `Parameters`. */
  | {
      readonly kind: 'invoke';
      readonly waitForTaskToken: boolean;
      /** Set when `FunctionName` is static; `FunctionName.$` is resolved per invocation. */
      readonly functionName?: string;
      readonly timeoutSeconds?: number;
      readonly heartbeatSeconds?: number;
    }
  /**
   * `states:startExecution` (request-response): starts another state machine of this endpoint and
   * succeeds once it has started. `StateMachineArn` is checked when the Task runs, as AWS does.
   */
  | { readonly kind: 'startExecution' };

/**
 * Classifies a Task state, or explains why the local cloud cannot serve it. Lambda and starting
 * another state machine of this endpoint are served: every other integration would need an emulator
 * for its service behind it.
 */
export function taskSpec(
  state: JsonObject,
  functionArns: Readonly<Record<string, string>>,
): TaskSpec | { readonly refusal: string } {
  const resource = typeof state.Resource === 'string' ? state.Resource : '';
  if (functionResource.test(resource)) {
    const functionName = resolveFunction(resource, functionArns);
    if (functionName) return { kind: 'function', functionName };
    return { refusal: `its Resource "${resource}" is not a function of the application definition` };
  }
  const parameters = isObject(state.Parameters) ? state.Parameters : {};
  const startExecution = startExecutionResource.exec(resource);
  if (startExecution) return startExecutionSpec(startExecution[1], parameters);
  const invoke = invokeResource.exec(resource);
  if (!invoke) {
    return {
      refusal:
        `its Resource "${resource}" is not served locally; only Lambda is (a function ARN, ` +
        '"arn:aws:states:::lambda:invoke" or "arn:aws:states:::lambda:invoke.waitForTaskToken") ' +
        'and "arn:aws:states:::states:startExecution"',
    };
  }
  const common = {
    kind: 'invoke',
    waitForTaskToken: invoke[1] !== undefined,
    ...(typeof state.TimeoutSeconds === 'number' ? { timeoutSeconds: state.TimeoutSeconds } : {}),
    ...(typeof state.HeartbeatSeconds === 'number' ? { heartbeatSeconds: state.HeartbeatSeconds } : {}),
  } as const;
  if (typeof parameters['FunctionName.$'] === 'string') return common;
  const reference = parameters.FunctionName;
  if (typeof reference !== 'string') return { refusal: 'its Parameters have no FunctionName' };
  const functionName = resolveFunction(reference, functionArns);
  if (!functionName) {
    return { refusal: `its FunctionName "${reference}" is not a function of the application definition` };
  }
  return { ...common, functionName };
}

function startExecutionSpec(
  pattern: string | undefined,
  parameters: JsonObject,
): TaskSpec | { readonly refusal: string } {
  if (pattern !== undefined) {
    // `.sync` would need the child's completion reported back (and `.waitForTaskToken` a token);
    // neither is emulated, so a machine relying on them must not run as if it were request-response.
    return {
      refusal:
        `uses "states:startExecution${pattern}", which the local cloud does not serve; only ` +
        'request-response "arn:aws:states:::states:startExecution" is',
    };
  }
  if (typeof parameters.StateMachineArn !== 'string' && typeof parameters['StateMachineArn.$'] !== 'string') {
    return { refusal: 'its Parameters have no StateMachineArn' };
  }
  return { kind: 'startExecution' };
}
