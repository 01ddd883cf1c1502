import { randomUUID } from 'node:crypto';
import { executionArn, isStatesArn, type Scope } from './arns.ts';
import { ApiError } from './errors.ts';
import type { PreparedMachine } from './prepare.ts';
import { parseRequest, startExecutionRequest } from './requests.ts';
import { type EngineDeps, type ExecutionRecord, type Running, runExecution } from './run-execution.ts';

/**
 * Every execution this endpoint started, with the rules AWS applies to them: Standard executions are
 * unique by name (StartExecution is idempotent while one runs), Express ones are invisible to
 * DescribeExecution, ListExecutions and StopExecution.
 */
export class Executions {
  readonly #scope: Scope;
  readonly #machines: ReadonlyMap<string, PreparedMachine>;
  readonly #deps: EngineDeps;
  readonly #byArn = new Map<string, Running>();

  constructor(
    scope: Scope,
    machines: ReadonlyMap<string, PreparedMachine>,
    deps: Omit<EngineDeps, 'startExecution'>,
  ) {
    this.#scope = scope;
    this.#machines = machines;
    // A `states:startExecution` Task starts its child through this endpoint, with the API's own rules.
    this.#deps = { ...deps, startExecution: (request) => this.startRequest(request) };
  }

  /** The state machine with this ARN: `InvalidArn` when malformed, `StateMachineDoesNotExist` when unknown. */
  machine(arn: string): PreparedMachine {
    if (!isStatesArn(arn, 'stateMachine')) throw new ApiError('InvalidArn', `Invalid Arn: '${arn}'`);
    const machine = this.#machines.get(arn);
    if (!machine) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  }

  /** StartExecution as the API receives it: the request validated, the machine looked up, then `start`. */
  startRequest(input: unknown): ExecutionRecord {
    const request = parseRequest(startExecutionRequest, input);
    return this.start(this.machine(request.stateMachineArn), request.name, request.input ?? '{}');
  }

  start(machine: PreparedMachine, name: string | undefined, input: string): ExecutionRecord {
    const executionName = name ?? randomUUID();
    checkName(executionName);
    checkInput(input);
    const arn = executionArn(this.#scope, machine.name, executionName, machine.type);
    const existing = this.#byArn.get(arn)?.record;
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new ApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const running = runExecution(machine, { executionArn: arn, name: executionName, input }, this.#deps);
    this.#byArn.set(arn, running);
    // Express executions leave no trace AWS would let anyone read, so they are forgotten once closed.
    if (machine.type === 'EXPRESS') running.record.closed.then(() => this.#byArn.delete(arn));
    return running.record;
  }

  describe(arn: string): ExecutionRecord {
    return this.#find(arn).record;
  }

  /** Newest first, as AWS lists them. */
  list(machine: PreparedMachine, statusFilter?: string): ExecutionRecord[] {
    if (machine.type === 'EXPRESS') {
      throw new ApiError(
        'StateMachineTypeNotSupported',
        'This operation is not supported by EXPRESS state machines',
      );
    }
    return [...this.#byArn.values()]
      .map(({ record }) => record)
      .filter((record) => record.machine === machine && (!statusFilter || record.status === statusFilter))
      .reverse();
  }

  /** Stopping a closed execution changes nothing and still succeeds. */
  stop(arn: string, error?: string, cause?: string): ExecutionRecord {
    const running = this.#find(arn);
    running.stop(error, cause);
    return running.record;
  }

  stopAll(): void {
    for (const running of this.#byArn.values()) running.stop();
  }

  #find(arn: string): Running {
    if (!isStatesArn(arn, 'execution')) throw new ApiError('InvalidArn', `Invalid Arn: '${arn}'`);
    const running = this.#byArn.get(arn);
    if (!running || running.record.machine.type === 'EXPRESS') {
      throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    }
    return running;
  }
}

// Characters AWS rejects in execution names (besides control characters and surrogates).
const forbidden = new Set([...'<>{}[]?*"#%\\^|~`$&,;:/']);

function checkName(name: string): void {
  const invalid = [...name].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff;
    return control || (code >= 0xd800 && code <= 0xdfff) || /\s/u.test(char) || forbidden.has(char);
  });
  if (name.length < 1 || name.length > 80 || invalid) {
    throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
  }
}

function checkInput(input: string): void {
  try {
    JSON.parse(input);
  } catch {
    throw new ApiError(
      'InvalidExecutionInput',
      'Invalid State Machine Execution Input: the input is not valid JSON',
    );
  }
}
