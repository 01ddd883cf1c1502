import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { paymentTimeoutOf } from '#local/payment-timeout.ts';
import { substitute } from '#local/state-machines.ts';

type State = {
  Type: string;
  Resource?: string;
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number; BackoffRate?: number }[];
  Next?: string;
  End?: boolean;
  TimeoutSeconds?: number;
};

/** The ASL as both clouds run it, substituted by the same rules as the local cloud's. */
const machine = (name: 'checkout' | 'checkoutPayment') => {
  const sm = app.stateMachines[name]!;
  const text = substitute(readFileSync(sm.definitionFile, 'utf8'), sm.substitutions, {
    functionArn: (fn) => `arn:aws:lambda:us-east-1:000000000000:function:${fn}`,
    stateMachineArn: (other) => `arn:aws:states:us-east-1:000000000000:stateMachine:${other}`,
  });
  return JSON.parse(text) as { StartAt: string; States: Record<string, State> };
};

describe.each(['checkout', 'checkoutPayment'] as const)('the %s workflow', (name) => {
  const { States } = machine(name);
  const tasks = Object.entries(States).filter(([, s]) => s.Type === 'Task');

  it.each(tasks)('catches every error of %s into a compensation or an answer', (_, state) => {
    const all = state.Catch?.find((c) => c.ErrorEquals.includes('States.ALL'));
    expect(all?.Next).toBeDefined();
    expect(States[all!.Next]).toBeDefined();
  });

  it.each(tasks)('retries %s with backoff, and only a bounded number of times', (_, state) => {
    expect(state.Retry?.length).toBeGreaterThan(0);
    for (const retry of state.Retry ?? []) {
      expect(retry.MaxAttempts).toBeLessThanOrEqual(6);
      if ((retry.MaxAttempts ?? 3) > 0) expect(retry.BackoffRate).toBeGreaterThanOrEqual(2);
    }
  });

  it('reaches every state from the start', () => {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const s = States[id] as State & { Choices?: { Next: string }[]; Default?: string };
      for (const next of [
        s.Next,
        s.Default,
        ...(s.Catch ?? []).map((c) => c.Next),
        ...(s.Choices ?? []).map((c) => c.Next),
      ])
        if (next) visit(next);
    };
    visit(machine(name).StartAt);
    expect([...seen].sort()).toEqual(Object.keys(States).sort());
  });
});

describe('the payment saga', () => {
  const { States } = machine('checkoutPayment');

  it('waits for the payment with a task token and a timeout, and maps each outcome to its compensation', () => {
    const wait = States.AwaitPayment!;
    expect(wait.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(wait.TimeoutSeconds).toBe(paymentTimeoutOf(app));
    expect(Object.fromEntries(wait.Catch!.map((c) => [c.ErrorEquals[0], c.Next]))).toEqual({
      PaymentFailed: 'Declined',
      PaymentCanceled: 'Canceled',
      'States.Timeout': 'Expired',
      'States.ALL': 'Broken',
    });
    for (const end of ['Declined', 'Canceled', 'Expired', 'Broken', 'RefundAndRelease'])
      expect(States[end]!.Next).toBe('Release');
  });

  it('refunds when the order cannot be completed after the payment succeeded, and waits on for another intent', () => {
    expect(States.CompleteOrder!.Catch).toEqual([
      expect.objectContaining({ ErrorEquals: ['PaymentMismatchError'], Next: 'AwaitPayment' }),
      expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'RefundAndRelease' }),
    ]);
    expect(States.RefundAndRelease).toMatchObject({ Parameters: { refund: true } });
  });
});
