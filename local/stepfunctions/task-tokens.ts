import { randomBytes } from 'node:crypto';
import type { Json } from './asl.ts';
import { ApiError, heartbeatTimeout, type StateError } from './errors.ts';

/** One `.waitForTaskToken` task, as its Task state sees it. */
export interface TaskWait {
  /** Settles with the SendTaskSuccess output, or rejects with the failure the state must raise. */
  readonly promise: Promise<Json>;
  /** Starts the heartbeat clock: AWS starts it only once the function handed the token has returned. */
  startHeartbeat(): void;
  /** Fails the task, e.g. when the function that was to receive the token throws. */
  fail(error: StateError): void;
}

export interface WaitOptions {
  readonly executionArn: string;
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
}

interface Pending {
  readonly executionArn: string;
  readonly resolve: (output: Json) => void;
  readonly reject: (error: Error) => void;
  readonly heartbeatMs?: number;
  readonly timers: { timeout?: NodeJS.Timeout; heartbeat?: NodeJS.Timeout };
}

const prefix = 'sfn-local-v1.';
const tokenShape = /^sfn-local-v1\.[A-Za-z0-9_-]{43}$/;

/**
 * The task tokens of every running callback task. A token is pending until SendTaskSuccess,
 * SendTaskFailure, a timeout or the end of its execution closes it; a closed token answers
 * `TaskTimedOut` like AWS, a token never issued `TaskDoesNotExist`, a malformed one `InvalidToken`.
 */
export class TaskTokens {
  readonly #pending = new Map<string, Pending>();
  readonly #closed = new Set<string>();

  mint(): string {
    return prefix + randomBytes(32).toString('base64url');
  }

  wait(token: string, options: WaitOptions): TaskWait {
    const { promise, resolve, reject } = Promise.withResolvers<Json>();
    const heartbeatMs = options.heartbeatSeconds === undefined ? undefined : options.heartbeatSeconds * 1000;
    const pending: Pending = { executionArn: options.executionArn, resolve, reject, heartbeatMs, timers: {} };
    this.#pending.set(token, pending);
    if (options.timeoutSeconds !== undefined) {
      // The engine raises States.Timeout from its own timer of the same length; this one only makes
      // a late SendTask* answer TaskTimedOut, so it must not settle the promise itself.
      pending.timers.timeout = setTimeout(() => this.#close(token), options.timeoutSeconds * 1000);
    }
    return {
      promise,
      startHeartbeat: () => this.#armHeartbeat(token),
      fail: (error) => this.#settle(token, (task) => task.reject(error)),
    };
  }

  succeed(token: string, output: Json): void {
    this.#settle(token, (task) => task.resolve(output), true);
  }

  fail(token: string, error: StateError): void {
    this.#settle(token, (task) => task.reject(error), true);
  }

  heartbeat(token: string): void {
    this.#require(token);
    this.#armHeartbeat(token);
  }

  /**
   * Closes the tokens of an execution that ended or was stopped, so late SendTask* calls answer
   * TaskTimedOut. Their tasks are unwound by the execution itself (see `TaskScope.closed`).
   */
  closeExecution(executionArn: string): void {
    for (const [token, task] of this.#pending) {
      if (task.executionArn === executionArn) this.#close(token);
    }
  }

  closeAll(): void {
    for (const token of [...this.#pending.keys()]) this.#close(token);
  }

  #armHeartbeat(token: string): void {
    const task = this.#pending.get(token);
    if (task?.heartbeatMs === undefined) return;
    clearTimeout(task.timers.heartbeat);
    task.timers.heartbeat = setTimeout(
      () => this.#settle(token, (pending) => pending.reject(heartbeatTimeout())),
      task.heartbeatMs,
    );
  }

  #settle(token: string, outcome: (task: Pending) => void, fromApi = false): void {
    const task = fromApi ? this.#require(token) : this.#pending.get(token);
    if (!task) return;
    this.#close(token);
    outcome(task);
  }

  #require(token: string): Pending {
    if (!tokenShape.test(token)) throw new ApiError('InvalidToken', `Invalid Token: '${token.slice(0, 64)}'`);
    const task = this.#pending.get(token);
    if (task) return task;
    if (this.#closed.has(token)) {
      throw new ApiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    }
    throw new ApiError('TaskDoesNotExist', 'Task does not exist or was never issued by this endpoint');
  }

  #close(token: string): void {
    const task = this.#pending.get(token);
    if (!task) return;
    clearTimeout(task.timers.timeout);
    clearTimeout(task.timers.heartbeat);
    this.#pending.delete(token);
    this.#closed.add(token);
  }
}
