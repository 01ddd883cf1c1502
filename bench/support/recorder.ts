// Every call a bench's shoppers and back office make, named by the route it hits (API Gateway's
// `routeKey`, so the Lambda invocations that served it can be matched), with its status and latency.
import { type Answer, type Shop, send } from './shop.ts';

/** One call: the route it hit, what it answered, how long it took from sending to the body read. */
export interface Call {
  readonly op: string;
  readonly status: number;
  readonly ms: number;
}

/** Records calls; `must` throws on a non-2xx answer so a journey stops where it went wrong. */
export const recorder = (shop: Shop) => {
  const calls: Call[] = [];
  /** `op` is `METHOD /route/{param}`; `path` the URL path it is sent to. */
  const call = async (op: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const method = op.split(' ')[0] ?? 'GET';
    const answer: Answer = await send(shop, method, path, body, headers);
    calls.push({ op, status: answer.status, ms: answer.ms });
    return answer;
  };
  const must = async (op: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const answer = await call(op, path, body, headers);
    if (answer.status >= 300)
      throw new Error(`${op} (${path}) answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  /** Times work that is not an API call (a Stripe.js confirmation); a throw records status 0. */
  const timed = async <T>(op: string, work: () => Promise<T>) => {
    const t0 = performance.now();
    try {
      const result = await work();
      calls.push({ op, status: 200, ms: performance.now() - t0 });
      return result;
    } catch (error) {
      calls.push({ op, status: 0, ms: performance.now() - t0 });
      throw error;
    }
  };
  return { calls, call, must, timed };
};
export type Recorder = ReturnType<typeof recorder>;
