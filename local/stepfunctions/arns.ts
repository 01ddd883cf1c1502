import { randomUUID } from 'node:crypto';

/** The account and region the local endpoint pretends to live in. */
export interface Scope {
  readonly region: string;
  readonly accountId: string;
}

export function stateMachineArn(scope: Scope, name: string): string {
  return `arn:aws:states:${scope.region}:${scope.accountId}:stateMachine:${name}`;
}

/**
 * Standard executions are addressed by name, which is what makes StartExecution idempotent; Express
 * execution names may repeat, so AWS appends a UUID to their ARN.
 */
export function executionArn(
  scope: Scope,
  machineName: string,
  executionName: string,
  type: 'STANDARD' | 'EXPRESS',
): string {
  const base = `arn:aws:states:${scope.region}:${scope.accountId}`;
  return type === 'STANDARD'
    ? `${base}:execution:${machineName}:${executionName}`
    : `${base}:express:${machineName}:${executionName}:${randomUUID()}`;
}

/** The role that `$$.Execution.RoleArn` and DescribeStateMachine report; nothing checks it locally. */
export function roleArn(scope: Scope, machineName: string): string {
  return `arn:aws:iam::${scope.accountId}:role/${machineName}-local-role`;
}

const statesArn = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(stateMachine|execution|express):[^:]+/;

/** Whether a string is shaped like a Step Functions ARN of that kind (malformed ones are `InvalidArn`). */
export function isStatesArn(arn: string, kind: 'stateMachine' | 'execution'): boolean {
  const match = statesArn.exec(arn);
  if (!match) return false;
  return kind === 'stateMachine' ? match[1] === 'stateMachine' : match[1] !== 'stateMachine';
}

// Groups: the unqualified function ARN, then the function name.
const functionArnPattern = /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([^:]+))(?::[^:]+)?$/;

/**
 * Resolves what a Task names as its function to the function name `invoke` expects. Like Lambda's
 * Invoke it accepts the ARN, the ARN with a version or alias qualifier (ignored: there is only
 * `$LATEST` locally), or the bare function name; the definition's function name works too.
 */
export function resolveFunction(
  reference: string,
  functionArns: Readonly<Record<string, string>>,
): string | undefined {
  const requested = functionArnPattern.exec(reference);
  for (const [arn, name] of Object.entries(functionArns)) {
    const known = functionArnPattern.exec(arn);
    if (arn === reference) return name;
    if (requested && known?.[1] === requested[1]) return name;
    if (!requested && (known?.[2] === reference || name === reference)) return name;
  }
  return undefined;
}
