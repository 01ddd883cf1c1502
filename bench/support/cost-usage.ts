// What a window of work used on the local cloud, counted in the units AWS bills: API requests, Lambda
// requests and GB-s, DynamoDB request units, Step Functions requests and transitions, bus events, pipe
// records, SQS requests, Secrets Manager calls. A window ends once no Lambda has run for 3 s, so the
// followers of its work (pipes, queue consumers, workflow steps) are in it.
import type { ComposedApp } from '#platform/definition/types.ts';
import { type Invocation, lambdas } from './lambdas.ts';
import { dynamoCalls, type Ports, wire } from './wire.ts';

/** Billable units of one window (sweeps left out: they run whatever the volume). */
export interface Usage {
  readonly apiRequests: number;
  readonly lambdaRequests: number;
  readonly lambdaGbS: number;
  /** DynamoDB requests: not billed on demand (units are), printed to relate units to calls. */
  readonly dynamoRequests: number;
  readonly wru: number;
  readonly rru: number;
  readonly expressRequests: number;
  readonly expressGbS: number;
  readonly standardTransitions: number;
  readonly events: number;
  readonly pipeRecords: number;
  readonly sqsBilled: number;
  /** Not billed per order: Lambda's pollers' empty long polls. */
  readonly emptyPolls: number;
  readonly secrets: number;
  /** The invocations of the window, sweeps excluded. */
  readonly invocations: readonly Invocation[];
}

const READS = /^(GetItem|Query|Scan|BatchGetItem|TransactGetItems)$/;

/** The functions that are Task states of Standard workflows: each invocation is one state entered. */
const standardSteps = (app: ComposedApp) =>
  new Set(
    Object.values(app.stateMachines)
      .filter((m) => m.type === 'STANDARD')
      .flatMap((m) => Object.values(m.substitutions).flatMap((s) => ('function' in s ? [s.function] : []))),
  );

/** Measures windows of work on a started bench cloud. */
export const usageMeter = (app: ComposedApp, ports: Ports, eventBusUrl: string) => {
  const functions: Record<string, { memoryMb: number }> = app.functions;
  // Schedules run whatever the order volume: a fixed monthly cost, not a per-order one.
  const scheduled = new Set<string>(Object.values(app.schedules).map((s) => s.function));
  const pipeTargets = new Set<string>(Object.values(app.pipes).map((p) => p.target));
  const steps = standardSteps(app);
  // The bus keeps its last 1,000 events: a window must publish fewer to be counted whole.
  const busEventIds = async () => {
    const res = await fetch(`${eventBusUrl}/_local/events`);
    const { events } = (await res.json()) as { events: { id: string }[] };
    return new Set(events.map((e) => e.id));
  };

  /** Runs `work`, waits for its followers, and answers what the window used. */
  const measure = async (work: () => Promise<void>): Promise<Usage> => {
    const before = await busEventIds();
    const wireMark = wire.mark();
    const lambdaMark = lambdas.mark();
    await work();
    await lambdas.settle(3000, 180_000);
    const { client, server } = wire.since(wireMark);
    const all = lambdas.since(lambdaMark);
    const invocations = all.filter((i) => !scheduled.has(i.fn));
    const events = [...(await busEventIds())].filter((id) => !before.has(id)).length;
    // DynamoDB: capacity as DynamoDB Local reports it (ReturnConsumedCapacity TOTAL through the proxy),
    // less the sweeps' (a request is theirs when made by an instance running a sweep at the time).
    const sweepInstances = all.filter((i) => scheduled.has(i.fn));
    const bySweep = (c: { instance: string; start: number }) =>
      sweepInstances.some((i) => i.instance === c.instance && i.start <= c.start && c.start <= i.end);
    const dynamo = dynamoCalls(client, ports).filter((c) => !bySweep(c));
    const units = (read: boolean) =>
      dynamo.filter((c) => READS.test(c.operation) === read).reduce((n, c) => n + c.capacity, 0);
    const express = server.filter(
      (c) => c.port === ports.stepfunctions && c.operation === 'StartSyncExecution',
    );
    const sqs = client.filter((c) => c.port === ports.sqs);
    const sqsBilled = sqs.filter((c) => c.operation !== 'ReceiveMessage' || c.messages > 0).length;
    const memoryGb = (fn: string) => (functions[fn]?.memoryMb ?? 128) / 1024;
    return {
      apiRequests: server.filter((c) => c.port === ports.gateway).length,
      lambdaRequests: invocations.length,
      // Billed per 1 ms of each invocation's duration, at its memory.
      lambdaGbS: invocations.reduce((n, i) => n + (Math.ceil(i.end - i.start) / 1000) * memoryGb(i.fn), 0),
      dynamoRequests: dynamo.length,
      wru: units(false),
      rru: units(true),
      expressRequests: express.length,
      // Express bills whole 100 ms steps of 64 MB.
      expressGbS: express.reduce((n, c) => n + (Math.ceil((c.end - c.start) / 100) / 10) * (64 / 1024), 0),
      // Each Task state entered is a transition (retries included, as AWS counts them); the payment
      // saga then enters its `Paid` Succeed state once per completed order.
      standardTransitions:
        invocations.filter((i) => steps.has(i.fn)).length +
        invocations.filter((i) => i.fn === 'checkoutCompleteOrder' && i.ok).length,
      events,
      pipeRecords: invocations.filter((i) => pipeTargets.has(i.fn)).reduce((n, i) => n + i.records, 0),
      sqsBilled,
      emptyPolls: sqs.length - sqsBilled,
      secrets: server.filter((c) => c.port === ports.secretsmanager).length,
      invocations,
    };
  };
  return { measure, scheduled };
};
