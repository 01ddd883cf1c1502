import type { PreparedMachine } from './prepare.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One execution as DescribeExecution reports it; mutable only until it closes. */
export interface ExecutionRecord {
  readonly executionArn: string;
  readonly name: string;
  readonly machine: PreparedMachine;
  /** The input exactly as StartExecution received it. */
  readonly input: string;
  readonly startDate: Date;
  status: ExecutionStatus;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  /** Resolves once the execution has closed, whichever way. */
  readonly closed: Promise<void>;
}
