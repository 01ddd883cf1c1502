import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { readBodyText } from '../net/read-body.ts';
import { createAfterResponse } from './after-response.ts';
import { authenticate } from './auth.ts';
import { StripeApiError } from './errors.ts';
import { parseForm } from './form.ts';
import { canonicalParams, type IdempotencyStore } from './idempotency.ts';
import type { StripeKeys } from './ids.ts';
import { newId } from './ids.ts';
import { inspect } from './inspect.ts';
import type { Later } from './later.ts';
import { unixSeconds } from './objects.ts';
import type { OperationContext } from './operations.ts';
import type { Outages } from './outages.ts';
import { match } from './router.ts';
import type { Store } from './store.ts';
import type { Webhooks } from './webhooks.ts';

/** The account state one handler serves. */
export interface Account {
  readonly keys: StripeKeys;
  readonly store: Store;
  readonly idempotency: IdempotencyStore;
  readonly webhooks: Webhooks;
  readonly outages: Outages;
  /** What Stripe does some time after a call (refunds of some test cards settle later). */
  readonly later: Later;
}

// Far above any request of this subset; stops a runaway client from filling memory.
const MAX_BODY_BYTES = 1024 * 1024;

// Stripe's API answers browsers (Stripe.js calls it directly with the publishable key).
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key, stripe-version',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (body === undefined)
    throw new StripeApiError(
      413,
      { type: 'invalid_request_error', message: 'Request body too large.' },
      true,
    );
  return body;
};

const headerValue = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const send = (response: ServerResponse, status: number, body: string, headers: Record<string, string>) => {
  response.writeHead(status, { 'content-type': 'application/json', ...CORS, ...headers }).end(body);
};

const toError = (error: unknown): StripeApiError => {
  if (error instanceof StripeApiError) return error;
  console.error('[stripe] internal error', error);
  return new StripeApiError(500, {
    type: 'api_error',
    message: 'An internal error occurred in the local Stripe.',
  });
};

/** Answers one HTTP request: a `/v1` API call as Stripe would, or a `/_local` read-out. */
export const handle = async (account: Account, request: IncomingMessage, response: ServerResponse) => {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (method === 'OPTIONS') return send(response, 204, '', {});
  if (method === 'GET' && url.pathname.startsWith('/_local/')) {
    const body = inspect(url.pathname, account.store, account.webhooks);
    return send(
      response,
      body === undefined ? 404 : 200,
      JSON.stringify(body ?? { error: 'no such read-out' }),
      {},
    );
  }
  if (method === 'POST' && url.pathname === '/_local/outages') {
    // `{ "orderId": "…", "count": 3 }`: that order's next 3 PaymentIntent creations fail (fault tests).
    const { orderId, count } = await readBody(request)
      .then((body) => JSON.parse(body) as { orderId?: unknown; count?: unknown })
      .catch(() => ({ orderId: undefined, count: undefined }));
    if (typeof orderId !== 'string' || typeof count !== 'number')
      return send(response, 400, JSON.stringify({ error: 'expected { orderId, count }' }), {});
    account.outages.add(orderId, count);
    return send(response, 204, '', {});
  }
  if (method === 'POST' && url.pathname === '/_local/refunds/settle')
    // Settles now the refunds Stripe settles "some time later" (pm_card_refundFail, pm_card_pendingRefund).
    return send(response, 200, JSON.stringify({ settled: account.later.runNow() }), {});
  const requestId = newId('req');
  const idempotencyKey = method === 'POST' ? (headerValue(request, 'idempotency-key') ?? null) : null;
  const headers: Record<string, string> = {
    'request-id': requestId,
    'stripe-version': headerValue(request, 'stripe-version') ?? Stripe.API_VERSION,
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  };
  const endpoint = `${method} ${url.pathname}`;
  let status = 200;
  let body: unknown;
  let params = '';
  let save = false;
  try {
    const route = match(method, url.pathname);
    if (!route)
      throw new StripeApiError(404, {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      });
    const caller = authenticate(request.headers.authorization, account.keys);
    const form = parseForm(method === 'POST' ? await readBody(request) : url.search.slice(1));
    params = canonicalParams(form);
    if (account.outages.strikes(method, url.pathname, form))
      throw new StripeApiError(
        500,
        { type: 'api_error', message: 'Simulated outage of the local Stripe.' },
        true,
      );
    if (idempotencyKey) {
      const saved = account.idempotency.lookup(idempotencyKey, endpoint, params);
      if (saved)
        return send(response, saved.status, saved.body, {
          ...headers,
          'idempotent-replayed': 'true',
          'original-request': saved.requestId,
        });
      save = true;
    }
    const after = createAfterResponse(account, { requestId, idempotencyKey });
    const ctx: OperationContext = {
      caller,
      form,
      id: route.id,
      store: account.store,
      now: unixSeconds(new Date()),
      emit: after.emit,
      settleLater: after.settleLater,
    };
    try {
      body = route.operation(ctx);
    } finally {
      // Events go out after the response (webhooks.emit defers the attempt), even for a decline.
      after.flush();
    }
  } catch (caught) {
    const error = toError(caught);
    status = error.statusCode;
    body = { error: error.body };
    // Stripe saves no result when the endpoint never began executing (bad key, bad parameters).
    if (error.validation) save = false;
  }
  const text = JSON.stringify(body, null, 2);
  if (save && idempotencyKey)
    account.idempotency.save(idempotencyKey, { endpoint, params, status, body: text, requestId });
  send(response, status, text, headers);
};
