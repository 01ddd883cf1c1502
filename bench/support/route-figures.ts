// Per route and per function: calls, latency, and the DynamoDB requests and capacity each invocation
// made. A request belongs to the invocation its instance was running when the counting proxy forwarded
// it (`instances.ts`): exact under any concurrency, since an instance serves one invocation at a time.
import type { Invocation } from './lambdas.ts';
import type { Call } from './recorder.ts';
import type { ClientCall } from './wire.ts';

const READS = /^(GetItem|Query|Scan|BatchGetItem|TransactGetItems)$/;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** DynamoDB requests of a set of invocations, summed, and each invocation's count. */
interface Spent {
  invocations: number;
  readonly byOperation: Record<string, number>;
  rcu: number;
  wcu: number;
  readonly perInvocation: number[];
}

const spent = (): Spent => ({ invocations: 0, byOperation: {}, rcu: 0, wcu: 0, perInvocation: [] });

/** Matches DynamoDB requests to the invocations that made them; answers what is left unmatched. */
export const matchRequests = (calls: readonly ClientCall[], invocations: readonly Invocation[]) => {
  const byInstance = new Map<string, Invocation[]>();
  for (const i of invocations) byInstance.set(i.instance, [...(byInstance.get(i.instance) ?? []), i]);
  const made = new Map<Invocation, ClientCall[]>();
  let unmatched = 0;
  for (const c of calls) {
    const owner = byInstance
      .get(c.instance)
      ?.find((i) => i.start <= c.start && c.start <= (Number.isNaN(i.end) ? Infinity : i.end));
    if (!owner || c.instance === '') unmatched++;
    else made.set(owner, [...(made.get(owner) ?? []), c]);
  }
  return { made, unmatched };
};

const tally = (into: Spent, calls: readonly ClientCall[] = []) => {
  into.invocations++;
  into.perInvocation.push(calls.length);
  for (const c of calls) {
    into.byOperation[c.operation] = (into.byOperation[c.operation] ?? 0) + 1;
    if (READS.test(c.operation)) into.rcu += c.capacity;
    else into.wcu += c.capacity;
  }
};

const per = (n: number, d: number) => (d === 0 ? '-' : String(Number((n / d).toFixed(2))));

/** `Query 2 · GetItem 1`: requests per invocation by operation. */
const kinds = (s: Spent) =>
  Object.entries(s.byOperation)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, n]) => `${op} ${per(n, s.invocations)}`)
    .join(' · ') || '-';

const requests = (s: Spent) => Object.values(s.byOperation).reduce((a, b) => a + b, 0);

/** The median invocation's request count: a mean hides whether every call pays the same. */
const requestsP50 = (s: Spent) =>
  s.invocations === 0
    ? '-'
    : String(
        percentile(
          [...s.perInvocation].sort((a, b) => a - b),
          50,
        ),
      );

/** One row per route the bench called: count, latency, answers, DynamoDB per call of its function. */
export const routeRows = (
  calls: readonly Call[],
  made: Map<Invocation, ClientCall[]>,
  invocations: readonly Invocation[],
) => {
  const byRoute = new Map<string, Spent>();
  for (const i of invocations)
    if (i.route) tally((byRoute.get(i.route) ?? byRoute.set(i.route, spent()).get(i.route))!, made.get(i));
  const ops = [...new Set(calls.map((c) => c.op))];
  return ops.map((op) => {
    const mine = calls.filter((c) => c.op === op);
    const ms = mine.map((c) => c.ms).sort((a, b) => a - b);
    const other = new Map<number, number>();
    for (const c of mine)
      if (c.status < 200 || c.status >= 300) other.set(c.status, (other.get(c.status) ?? 0) + 1);
    const s = byRoute.get(op) ?? spent();
    return {
      route: op,
      calls: mine.length,
      'p50 ms': Math.round(percentile(ms, 50)),
      'p95 ms': Math.round(percentile(ms, 95)),
      'p99 ms': Math.round(percentile(ms, 99)),
      '5xx': mine.filter((c) => c.status >= 500).length,
      'non-2xx': [...other].map(([status, n]) => `${status}×${n}`).join(' ') || '0',
      'Lambda runs': s.invocations,
      'DynamoDB req/call': per(requests(s), s.invocations),
      'req p50': requestsP50(s),
      'by kind (per call)': kinds(s),
      'RCU/call': per(s.rcu, s.invocations),
      'WCU/call': per(s.wcu, s.invocations),
    };
  });
};

/** One row per function that ran: invocations, run time, DynamoDB per invocation. */
export const functionRows = (made: Map<Invocation, ClientCall[]>, invocations: readonly Invocation[]) => {
  const byFn = new Map<string, { s: Spent; ms: number[] }>();
  for (const i of invocations) {
    const entry = byFn.get(i.fn) ?? byFn.set(i.fn, { s: spent(), ms: [] }).get(i.fn)!;
    tally(entry.s, made.get(i));
    entry.ms.push(i.end - i.start);
  }
  return [...byFn]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fn, { s, ms }]) => {
      const sorted = ms.filter((m) => !Number.isNaN(m)).sort((a, b) => a - b);
      return {
        function: fn,
        invocations: s.invocations,
        'p50 ms': Math.round(percentile(sorted, 50)),
        'p95 ms': Math.round(percentile(sorted, 95)),
        'p99 ms': Math.round(percentile(sorted, 99)),
        'DynamoDB req/inv': per(requests(s), s.invocations),
        'req p50': requestsP50(s),
        'by kind (per invocation)': kinds(s),
        'RCU/inv': per(s.rcu, s.invocations),
        'WCU/inv': per(s.wcu, s.invocations),
      };
    });
};
