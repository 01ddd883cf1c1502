// Which Lambda made which DynamoDB request: the proxy cannot tell workers apart, so a request is given
// to the invocation whose run [start, end] contains it and whose role allows the operation. Sound while
// one flow runs at a time (the benches run one checkout at a time); a request inside the windows of two
// functions that could both have made it is reported as shared.
import type { AppDefinition } from '#platform/definition/types.ts';
import type { Invocation } from './lambdas.ts';
import type { ClientCall } from './wire.ts';

/** Requests of one function: count by operation, sequential round trips, capacity units. */
export interface StepTally {
  readonly fn: string;
  invocations: number;
  requests: number;
  roundTrips: number;
  capacity: number;
  readonly byOperation: Record<string, number>;
}

/** Round trips = groups of requests in flight together: overlapping requests went out in parallel. */
export const roundTrips = (calls: readonly ClientCall[]) => {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let trips = 0;
  let busyUntil = Number.NEGATIVE_INFINITY;
  for (const c of sorted) {
    if (c.start > busyUntil) trips++;
    busyUntil = Math.max(busyUntil, c.end);
  }
  return trips;
};

/** `GetItem×2 Query×1`: operations and counts, for a table cell. */
export const formatOps = (byOperation: Record<string, number>) =>
  Object.entries(byOperation)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, n]) => `${op}×${n}`)
    .join(' ') || '-';

const within = (i: Invocation, t: number) => i.start <= t && t <= (Number.isNaN(i.end) ? Infinity : i.end);

/** What the definition says about a function, to narrow who could have made a request. */
export interface Owners {
  /** Its role allows this operation on the table (a read-only function makes no write). */
  canAsk(fn: string, operation: string): boolean;
  /** It waits on a workflow synchronously, so other functions run inside its window. */
  waits(fn: string): boolean;
}

const WRITES = /^(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems)$/;

/** `Owners` from an application definition's `uses` (table access, state machines). */
export const ownersFrom = (functions: AppDefinition['functions']): Owners => ({
  canAsk: (fn, operation) => {
    const table = functions[fn]?.uses?.table;
    return table === 'readWrite' || (table === 'read' && !WRITES.test(operation));
  },
  waits: (fn) => (functions[fn]?.uses?.stateMachines?.length ?? 0) > 0,
});

/** DynamoDB requests grouped by the function that made them (`(none)` / `(shared)` when unclear). */
export const byFunction = (
  calls: readonly ClientCall[],
  invocations: readonly Invocation[],
  owners: Owners,
) => {
  const perInvocation = new Map<Invocation | string, ClientCall[]>();
  for (const call of calls) {
    const able = invocations.filter((i) => within(i, call.start) && owners.canAsk(i.fn, call.operation));
    // A function waiting on a workflow has the workflow's steps running inside its window: theirs first.
    const inner = able.filter(
      (o) => !(owners.waits(o.fn) && able.some((i) => i !== o && within(o, i.start))),
    );
    const names = new Set(inner.map((o) => o.fn));
    const owner = names.size === 1 ? inner.at(-1)! : names.size === 0 ? '(none)' : '(shared)';
    perInvocation.set(owner, [...(perInvocation.get(owner) ?? []), call]);
  }
  const steps = new Map<string, StepTally>();
  const step = (fn: string) => {
    let tally = steps.get(fn);
    if (!tally) {
      tally = { fn, invocations: 0, requests: 0, roundTrips: 0, capacity: 0, byOperation: {} };
      steps.set(fn, tally);
    }
    return tally;
  };
  for (const i of invocations) step(i.fn).invocations++;
  for (const [owner, list] of perInvocation) {
    const tally = step(typeof owner === 'string' ? owner : owner.fn);
    tally.requests += list.length;
    tally.roundTrips += roundTrips(list);
    for (const c of list) {
      tally.capacity += c.capacity;
      tally.byOperation[c.operation] = (tally.byOperation[c.operation] ?? 0) + 1;
    }
  }
  return [...steps.values()];
};
