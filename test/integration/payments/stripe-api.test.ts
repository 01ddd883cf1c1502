import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaymentProviderUnavailableError } from '#contexts/payments/domain/errors.ts';
import { STRIPE_API_VERSION, StripeCallError, stripeApi } from '#contexts/payments/stripe/api.ts';
import { toPaymentError } from '#contexts/payments/stripe/errors.ts';

/** A stand-in for Stripe's API that answers each request with the next scripted reply. */
interface Seen {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}
type Reply = (res: ServerResponse) => void;

let server: Server;
let url: string;
let replies: Reply[] = [];
const seen: Seen[] = [];

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
/** Never answers: the client's own time limit must end the attempt. */
const silence: Reply = () => {};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      (replies.shift() ?? json(500, { error: { type: 'api_error', message: 'unscripted' } }))(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  replies = [];
  seen.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (maxNetworkRetries = 2, timeoutMs = 2_000) =>
  stripeApi({ secretKey: 'sk_test_123', apiUrl: url, timeoutMs, maxNetworkRetries });

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};

describe("stripeApi (the functions' Stripe client)", () => {
  it('sends a form POST with the key, the pinned API version and the idempotency key', async () => {
    replies = [json(200, { id: 're_1', status: 'succeeded', amount: 500 })];
    const refund = await client().post<{ id: string }>(
      '/v1/refunds',
      { amount: 500, metadata: { a: 'b' } },
      'k1',
    );
    expect(refund.id).toBe('re_1');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/v1/refunds',
      body: 'amount=500&metadata%5Ba%5D=b',
    });
    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer sk_test_123',
      'stripe-version': STRIPE_API_VERSION,
      'idempotency-key': 'k1',
      'content-type': 'application/x-www-form-urlencoded',
    });
  });

  it('retries a 5xx and a 409 lock timeout with the same idempotency key, then answers the success', async () => {
    replies = [
      json(500, { error: { type: 'api_error', message: 'boom' } }),
      json(409, { error: { type: 'invalid_request_error', code: 'lock_timeout', message: 'locked' } }),
      json(200, { id: 'pi_1' }),
    ];
    const intent = await client().post<{ id: string }>('/v1/payment_intents', { amount: 100 });
    expect(intent.id).toBe('pi_1');
    expect(seen).toHaveLength(3);
    const keys = new Set(seen.map((s) => s.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not retry what Stripe says not to, nor a refusal such as a decline', async () => {
    replies = [
      json(500, { error: { type: 'api_error', message: 'done' } }, { 'stripe-should-retry': 'false' }),
    ];
    expect(await failure(client().post('/v1/refunds', {}))).toMatchObject({
      type: 'api_error',
      statusCode: 500,
    });
    expect(seen).toHaveLength(1);
    seen.length = 0;
    replies = [
      json(402, {
        error: { type: 'card_error', code: 'card_declined', decline_code: 'do_not_honor', message: 'No' },
      }),
    ];
    const declined = await failure(client().post('/v1/payment_intents/pi_1/confirm', {}));
    expect(declined).toBeInstanceOf(StripeCallError);
    expect(declined).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      declineCode: 'do_not_honor',
    });
    expect(seen).toHaveLength(1);
  });

  it('retries an attempt that outlives its time limit, then gives up as unavailable (503)', async () => {
    replies = [silence, silence];
    const error = await failure(client(1, 300).get('/v1/payment_intents/pi_1'));
    expect(error).toMatchObject({ type: 'api_connection_error', statusCode: undefined });
    expect(seen).toHaveLength(2);
    expect(toPaymentError(error)).toBeInstanceOf(PaymentProviderUnavailableError);
  });
});
