import { ApiError } from './errors.ts';
import type { ExecutionRecord } from './execution-record.ts';
import type { Executions } from './executions.ts';
import type { PreparedMachine } from './prepare.ts';
import { epochSeconds, type Operation } from './protocol.ts';
import {
  executionRequest,
  listExecutionsRequest,
  parseRequest,
  startExecutionRequest,
  stateMachineRequest,
  stopExecutionRequest,
} from './requests.ts';

export interface ExecutionApi {
  readonly executions: Executions;
}

/** The actions on state machines and their executions. */
export function executionOperations({ executions }: ExecutionApi): Record<string, Operation> {
  const machineFor = (arn: string): PreparedMachine => executions.machine(arn);
  const start = (input: unknown): ExecutionRecord => executions.startRequest(input);

  return {
    StartExecution: (input) => {
      const record = start(input);
      return { executionArn: record.executionArn, startDate: epochSeconds(record.startDate) };
    },
    // The SDK sends this to a `sync-` host prefix: clients of the local endpoint set `disableHostPrefix`.
    StartSyncExecution: async (input) => {
      const request = parseRequest(startExecutionRequest, input);
      if (machineFor(request.stateMachineArn).type !== 'EXPRESS') {
        throw new ApiError(
          'StateMachineTypeNotSupported',
          'StartSyncExecution runs EXPRESS state machines only',
        );
      }
      const record = start(input);
      await record.closed;
      return describe(record);
    },
    DescribeExecution: (input) =>
      describe(executions.describe(parseRequest(executionRequest, input).executionArn)),
    StopExecution: (input) => {
      const request = parseRequest(stopExecutionRequest, input);
      const record = executions.stop(request.executionArn, request.error, request.cause);
      return { stopDate: epochSeconds(record.stopDate ?? new Date()) };
    },
    ListExecutions: (input) => {
      const request = parseRequest(listExecutionsRequest, input);
      const records = executions.list(machineFor(request.stateMachineArn), request.statusFilter);
      return page(records, request.maxResults || 100, request.nextToken);
    },
    DescribeStateMachine: (input) => {
      const machine = machineFor(parseRequest(stateMachineRequest, input).stateMachineArn);
      return {
        stateMachineArn: machine.arn,
        name: machine.name,
        status: 'ACTIVE',
        definition: machine.definitionText,
        roleArn: machine.roleArn,
        type: machine.type,
        creationDate: epochSeconds(machine.creationDate),
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
      };
    },
  };
}

function describe(record: ExecutionRecord): Record<string, unknown> {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.machine.arn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    ...(record.stopDate ? { stopDate: epochSeconds(record.stopDate) } : {}),
    input: record.input,
    inputDetails: { included: true },
    ...(record.output === undefined ? {} : { output: record.output, outputDetails: { included: true } }),
    ...(record.error === undefined ? {} : { error: record.error }),
    ...(record.cause === undefined ? {} : { cause: record.cause }),
    redriveCount: 0,
  };
}

/** The page after the execution named in `nextToken`; a cursor, so executions started meanwhile shift nothing. */
function page(records: ExecutionRecord[], maxResults: number, nextToken?: string): Record<string, unknown> {
  let from = 0;
  if (nextToken !== undefined) {
    const after = records.findIndex(
      (record) => record.executionArn === Buffer.from(nextToken, 'base64url').toString(),
    );
    if (after < 0) throw new ApiError('InvalidToken', `Invalid Token: '${nextToken}'`);
    from = after + 1;
  }
  const items = records.slice(from, from + maxResults);
  const last = items.at(-1);
  return {
    executions: items.map((record) => ({
      executionArn: record.executionArn,
      stateMachineArn: record.machine.arn,
      name: record.name,
      status: record.status,
      startDate: epochSeconds(record.startDate),
      ...(record.stopDate ? { stopDate: epochSeconds(record.stopDate) } : {}),
    })),
    ...(last && from + maxResults < records.length
      ? { nextToken: Buffer.from(last.executionArn).toString('base64url') }
      : {}),
  };
}
