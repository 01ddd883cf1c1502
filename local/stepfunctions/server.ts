import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Invoke } from '#local/lambda/types.ts';
import { stateMachineArn } from './arns.ts';
import { executionOperations } from './execution-operations.ts';
import { Executions } from './executions.ts';
import { type PreparedMachine, prepareStateMachine, type StateMachineSource } from './prepare.ts';
import { serveRequest } from './protocol.ts';
import { taskOperations } from './task-operations.ts';
import { TaskTokens } from './task-tokens.ts';

export interface StepFunctionsOptions {
  /** Defaults to a free port. */
  readonly port?: number;
  readonly region: string;
  readonly accountId: string;
  /** ASL (JSONPath) after substitutions, as the CDK stack deploys it. */
  readonly stateMachines: ReadonlyArray<StateMachineSource>;
  /** Lambda function ARN → function name in the application definition. */
  readonly functionArns: Readonly<Record<string, string>>;
  readonly invoke: Invoke;
}

export interface StepFunctionsEndpoint {
  /** Endpoint URL for `new SFNClient({ endpoint: url })`. */
  readonly url: string;
  stateMachineArn(name: string): string;
  /** Stops every running execution and closes the server. */
  stop(): Promise<void>;
}

/**
 * Starts the local Step Functions endpoint. Every state machine is checked first: one the local cloud
 * cannot run as AWS would (JSONata, a Task resource other than Lambda, ...) makes this reject with a
 * DefinitionError naming the state machine and the reason, before anything listens.
 */
export async function start(options: StepFunctionsOptions): Promise<StepFunctionsEndpoint> {
  const scope = { region: options.region, accountId: options.accountId };
  const machines = new Map<string, PreparedMachine>();
  for (const source of options.stateMachines) {
    const machine = prepareStateMachine(source, scope, options.functionArns);
    machines.set(machine.arn, machine);
  }
  const tokens = new TaskTokens();
  const executions = new Executions(scope, machines, {
    functionArns: options.functionArns,
    invoke: options.invoke,
    tokens,
  });
  const operations = { ...executionOperations({ executions }), ...taskOperations(tokens) };

  const server = createServer((request, response) => void serveRequest(request, response, operations));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stateMachineArn: (name) => stateMachineArn(scope, name),
    stop: async () => {
      executions.stopAll();
      tokens.closeAll();
      // SDK clients keep connections alive; without this, close() would wait for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
