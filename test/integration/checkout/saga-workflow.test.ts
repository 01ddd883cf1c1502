import { readFileSync } from 'node:fs';
import {
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { withPaymentTimeout } from '#local/payment-timeout.ts';
import { substitute } from '#local/state-machines.ts';
import {
  accountId,
  type Call,
  closedExecution,
  eventually,
  functionError,
  recordingInvoke,
  region,
  useEndpoint,
} from '../stepfunctions/helpers.ts';

/**
 * The checkout's two workflows exactly as both clouds run them (the repository's ASL, substituted), on
 * the local Step Functions, with stand-in functions that answer or throw as each case needs: this proves
 * the wiring — which failure leads to which compensation — while the steps themselves are tested on
 * DynamoDB Local and the local Stripe (saga-steps.test.ts) and end to end over HTTP.
 */
const functionArn = (name: string) => `arn:aws:lambda:${region}:${accountId}:function:${name}`;
const machineArn = (name: string) => `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;
/** The definition with the payment wait shortened (so a case can watch it expire) or lengthened. */
const definitionOf = (name: 'checkout' | 'checkoutPayment', timeoutSeconds = 60) => {
  const sm = withPaymentTimeout(app, timeoutSeconds).stateMachines[name]!;
  return substitute(readFileSync(sm.definitionFile, 'utf8'), sm.substitutions, {
    functionArn,
    stateMachineArn: machineArn,
  });
};

type Behaviour = (call: Call, index: number) => unknown;
/** What the steps answer when a case does not say otherwise (the saga's Choice reads Release's answer). */
const ordinary: Behaviour = ({ functionName }) =>
  functionName === 'checkoutRelease' ? { outcome: 'released', status: 'expired' } : { status: 'paid' };
let behaviour: Behaviour = ordinary;
const recorder = recordingInvoke((call, index) => behaviour(call, index));
let current = '';
/** The calls of one function for the order of the running case (sagas of earlier cases run on). */
const callsTo = (fn: string) =>
  recorder.calls
    .filter((c) => c.functionName === fn && (c.event as { orderId?: string }).orderId?.startsWith(current))
    .map((c) => c.event);

const orderId = (n: number) => `0000000${n}-aaaa-8aaa-8aaa-aaaaaaaaaaaa`;
const checkoutInput = (n: number) => ({
  orderId: orderId(n),
  cartId: `cart-${n}`,
  caller: { token: 't' },
});
const placed = {
  orderId: 'x',
  orderToken: 'tok',
  replayed: false,
  priceChanges: [],
  total: { grandTotal: 1000, currency: 'EUR' },
};
/** What the placing answers for an order whose total is 0, and what completing it answers. */
const placedFree = { ...placed, total: { grandTotal: 0, currency: 'EUR' } };
const completedFree = { status: 'paid', total: { grandTotal: 0, currency: 'EUR' }, paymentRequired: false };
const opened = {
  status: 'pending_payment',
  total: { grandTotal: 1000, currency: 'EUR' },
  paymentIntentId: 'pi_1',
  clientSecret: 'pi_1_secret_2',
  publishableKey: 'pk_test_1',
};

describe('the checkout workflows, failing at each step (stand-in functions)', () => {
  const sfn = useEndpoint({
    stateMachines: [
      { name: 'checkoutPayment', definition: definitionOf('checkoutPayment'), type: 'STANDARD' },
      // The same saga waiting 2 s: for the case that watches it expire.
      { name: 'expiringSaga', definition: definitionOf('checkoutPayment', 2), type: 'STANDARD' },
      { name: 'checkout', definition: definitionOf('checkout'), type: 'EXPRESS' },
    ],
    functionArns: Object.fromEntries(Object.keys(app.functions).map((name) => [functionArn(name), name])),
    invoke: recorder.invoke,
  });

  beforeEach(() => {
    behaviour = ordinary;
  });

  const runCheckout = async (n: number) => {
    current = orderId(n);
    const run = await sfn.client.send(
      new StartSyncExecutionCommand({
        stateMachineArn: sfn.endpoint.stateMachineArn('checkout'),
        input: JSON.stringify(checkoutInput(n)),
      }),
    );
    expect(run.status).toBe('SUCCEEDED');
    return JSON.parse(run.output ?? 'null');
  };
  const sagaOf = (name: string) =>
    sfn.client.send(
      new DescribeExecutionCommand({
        executionArn: `arn:aws:states:${region}:${accountId}:execution:checkoutPayment:${name}`,
      }),
    );
  const startSaga = async (n: number, machine = 'checkoutPayment') => {
    current = orderId(n);
    const { executionArn } = await sfn.client.send(
      new StartExecutionCommand({
        stateMachineArn: sfn.endpoint.stateMachineArn(machine),
        name: `saga-${n}`,
        input: JSON.stringify({ orderId: orderId(n) }),
      }),
    );
    const token = await eventually(
      () => (callsTo('checkoutAwaitPayment')[0] as { taskToken?: string } | undefined)?.taskToken,
    );
    return { executionArn: executionArn!, token };
  };

  it('answers the placed order, starts its saga by the order id and opens the payment', async () => {
    behaviour = (call, index) =>
      call.functionName === 'checkoutPlaceOrder'
        ? placed
        : call.functionName === 'checkoutOpenPayment'
          ? opened
          : ordinary(call, index);
    const out = await runCheckout(1);
    expect(out).toEqual({
      outcome: 'placed',
      orderId: orderId(1),
      orderToken: 'tok',
      replayed: false,
      priceChanges: [],
      status: 'pending_payment',
      total: { grandTotal: 1000, currency: 'EUR' },
      paymentIntentId: 'pi_1',
      clientSecret: 'pi_1_secret_2',
      publishableKey: 'pk_test_1',
    });
    expect(await sagaOf(orderId(1))).toMatchObject({
      status: 'RUNNING',
      input: JSON.stringify({ orderId: orderId(1) }),
    });
    // A retried request finds the saga running: nothing new starts, and it answers the same way.
    expect(await runCheckout(1)).toEqual(out);
  });

  it('answers a refusal without starting anything', async () => {
    const refusal = { status: 409, code: 'out_of_stock', title: 'Out of stock' };
    behaviour = (call, index) =>
      call.functionName === 'checkoutPlaceOrder' ? { refusal } : ordinary(call, index);
    expect(await runCheckout(2)).toEqual({ outcome: 'refused', refusal });
    expect(callsTo('checkoutOpenPayment')).toEqual([]);
    await expect(sagaOf(orderId(2))).rejects.toThrow();
  });

  it('a placing that fails (maybe after committing) still gets a saga, named apart, to end it', async () => {
    behaviour = (call, index) => {
      if (call.functionName === 'checkoutPlaceOrder') throw functionError('Error', 'DynamoDB went away');
      return ordinary(call, index);
    };
    expect(await runCheckout(3)).toEqual({ outcome: 'failed', error: 'Error' });
    expect(await sagaOf(`${orderId(3)}-unconfirmed`)).toMatchObject({ status: 'RUNNING' });
    await expect(sagaOf(orderId(3))).rejects.toThrow();
    expect(callsTo('checkoutRelease')).toEqual([]);
  });

  it('completes a free order without a saga or a payment, and answers it paid', async () => {
    behaviour = (call, index) =>
      call.functionName === 'checkoutPlaceOrder'
        ? placedFree
        : call.functionName === 'checkoutOpenPayment'
          ? completedFree
          : ordinary(call, index);
    expect(await runCheckout(20)).toEqual({
      outcome: 'placed',
      orderId: orderId(20),
      orderToken: 'tok',
      replayed: false,
      priceChanges: [],
      status: 'paid',
      total: { grandTotal: 0, currency: 'EUR' },
    });
    expect(callsTo('checkoutOpenPayment')).toEqual([{ orderId: orderId(20) }]);
    await expect(sagaOf(orderId(20))).rejects.toThrow();
    await expect(sagaOf(`${orderId(20)}-unconfirmed`)).rejects.toThrow();
  });

  it('a free order whose completion fails (maybe after committing) gets a saga, named apart, to end it', async () => {
    behaviour = (call, index) => {
      if (call.functionName === 'checkoutPlaceOrder') return placedFree;
      if (call.functionName === 'checkoutOpenPayment') throw functionError('Error', 'DynamoDB went away');
      return ordinary(call, index);
    };
    expect(await runCheckout(21)).toEqual({ outcome: 'failed', error: 'Error' });
    expect(await sagaOf(`${orderId(21)}-unconfirmed`)).toMatchObject({ status: 'RUNNING' });
    await expect(sagaOf(orderId(21))).rejects.toThrow();
    expect(callsTo('checkoutRelease')).toEqual([]);
  });

  it('a payment provider outage is retried, then answered as such; the running saga keeps the order', async () => {
    behaviour = (call, index) => {
      if (call.functionName === 'checkoutPlaceOrder') return placed;
      if (call.functionName === 'checkoutOpenPayment')
        throw functionError('PaymentProviderUnavailableError', 'down');
      return ordinary(call, index);
    };
    expect(await runCheckout(4)).toEqual({ outcome: 'failed', error: 'PaymentProviderUnavailableError' });
    expect(callsTo('checkoutOpenPayment')).toHaveLength(3);
    expect(callsTo('checkoutRelease')).toEqual([]);
    expect(await sagaOf(orderId(4))).toMatchObject({ status: 'RUNNING' });
  });

  it('a decline releases with the decline’s cause', async () => {
    const saga = await startSaga(5);
    const cause = JSON.stringify({ orderId: orderId(5), failure: { declineCode: 'insufficient_funds' } });
    await sfn.client.send(
      new SendTaskFailureCommand({ taskToken: saga.token, error: 'PaymentFailed', cause }),
    );
    expect((await closedExecution(sfn.client, saga.executionArn)).status).toBe('SUCCEEDED');
    expect(callsTo('checkoutRelease')).toEqual([
      { orderId: orderId(5), status: 'payment_failed', reason: 'card_declined', cause },
    ]);
    expect(callsTo('checkoutCompleteOrder')).toEqual([]);
  });

  it('a wait that cannot store its token is retried, not taken for a decline', async () => {
    let failed = false;
    behaviour = (call, index) => {
      if (call.functionName === 'checkoutAwaitPayment' && !failed) {
        failed = true;
        throw functionError('WaitNotStoredError', 'the table did not answer');
      }
      return ordinary(call, index);
    };
    const saga = await startSaga(6);
    await eventually(() => (callsTo('checkoutAwaitPayment').length === 2 ? true : undefined), 5000);
    const token = (callsTo('checkoutAwaitPayment')[1] as { taskToken: string }).taskToken;
    await sfn.client.send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ paymentIntentId: 'pi_6' }) }),
    );
    expect((await closedExecution(sfn.client, saga.executionArn)).status).toBe('SUCCEEDED');
    expect(callsTo('checkoutRelease')).toEqual([]);
    expect(callsTo('checkoutCompleteOrder')).toEqual([{ orderId: orderId(6), paymentIntentId: 'pi_6' }]);
  });

  it('a completion that cannot keep the order refunds and releases', async () => {
    behaviour = (call, index) => {
      if (call.functionName === 'checkoutCompleteOrder')
        throw functionError('HoldLostError', 'stock went back');
      return ordinary(call, index);
    };
    const saga = await startSaga(7);
    await sfn.client.send(
      new SendTaskSuccessCommand({
        taskToken: saga.token,
        output: JSON.stringify({ paymentIntentId: 'pi_7' }),
      }),
    );
    expect((await closedExecution(sfn.client, saga.executionArn)).status).toBe('SUCCEEDED');
    expect(callsTo('checkoutCompleteOrder')).toHaveLength(1);
    expect(callsTo('checkoutRelease')).toEqual([
      { orderId: orderId(7), status: 'canceled', reason: 'completion_failed', refund: true },
    ]);
  });

  it('expires after the timeout; a payment that won the race completes the order instead', async () => {
    behaviour = (call, index) =>
      call.functionName === 'checkoutRelease'
        ? { outcome: 'paid_meanwhile', paymentIntentId: 'pi_8' }
        : ordinary(call, index);
    const saga = await startSaga(8, 'expiringSaga');
    expect((await closedExecution(sfn.client, saga.executionArn)).status).toBe('SUCCEEDED');
    expect(callsTo('checkoutRelease')).toEqual([
      { orderId: orderId(8), status: 'expired', reason: 'timeout' },
    ]);
    expect(callsTo('checkoutCompleteOrder')).toEqual([{ orderId: orderId(8), paymentIntentId: 'pi_8' }]);
  });
});
