import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import * as awaitPayment from '#contexts/checkout/workflow/await-payment.ts';
import * as completeFreeOrder from '#contexts/checkout/workflow/complete-free-order.ts';
import * as completeOrder from '#contexts/checkout/workflow/complete-order.ts';
import * as openPayment from '#contexts/checkout/workflow/open-payment.ts';
import * as placeOrder from '#contexts/checkout/workflow/place-order.ts';
import * as startPaymentSaga from '#contexts/checkout/workflow/start-payment-saga.ts';
import { substitute } from '#local/state-machines.ts';

type MachineName = 'checkout' | 'checkoutPayment';

interface State {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number }[];
  Choices?: { Next: string }[];
  Default?: string;
  Next?: string;
  TimeoutSeconds?: number;
}

const machineArn = (name: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;

/** A workflow's states as both clouds run them (the repository's ASL, substituted like the local cloud does). */
const statesOf = (name: MachineName): Record<string, State> => {
  const sm = app.stateMachines[name]!;
  const text = substitute(readFileSync(sm.definitionFile, 'utf8'), sm.substitutions, {
    functionArn: (fn) => `arn:aws:lambda:us-east-1:000000000000:function:${fn}`,
    stateMachineArn: machineArn,
  });
  return (JSON.parse(text) as { States: Record<string, State> }).States;
};

const machines = { checkout: statesOf('checkout'), checkoutPayment: statesOf('checkoutPayment') };
const STARTS: Record<MachineName, string> = { checkout: 'PlaceOrder', checkoutPayment: 'AwaitPayment' };
const machineOf = (state: string): MachineName | undefined =>
  (Object.keys(machines) as MachineName[]).find((m) => machines[m][state] !== undefined);

/** Every forward Task state of both workflows, and the step module that names its compensation. */
const forwardSteps: Record<string, { readonly compensatedBy: string }> = {
  PlaceOrder: placeOrder,
  StartPaymentSaga: startPaymentSaga,
  OpenPayment: openPayment,
  CompleteFreeOrder: completeFreeOrder,
  AwaitPayment: awaitPayment,
  CompleteOrder: completeOrder,
};
const compensations = new Set(Object.values(forwardSteps).map((step) => step.compensatedBy));

/**
 * The Task states a run reaches from `from` before running any other Task: Pass and Choice states are
 * followed (every branch), a Task is where the path stops, and so does an end (Succeed, Fail, `End`).
 */
const tasksReached = (states: Record<string, State>, from: string): Set<string> => {
  const tasks = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const state = states[id];
    if (!state) throw new Error(`No state ${id}`);
    if (state.Type === 'Task') {
      tasks.add(id);
      return;
    }
    for (const next of [state.Next, state.Default, ...(state.Choices ?? []).map((c) => c.Next)])
      if (next) visit(next);
  };
  visit(from);
  return tasks;
};

/** The states a run passes on its way from the start to `to` when nothing fails (Catch paths left out). */
const successPathTo = (states: Record<string, State>, startAt: string, to: string): string[] => {
  const walk = (id: string, path: string[]): string[] | undefined => {
    if (id === to) return path;
    if (path.includes(id)) return undefined;
    const state = states[id]!;
    for (const next of [state.Next, state.Default, ...(state.Choices ?? []).map((c) => c.Next)]) {
      const found = next ? walk(next, [...path, id]) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return walk(startAt, []) ?? [];
};

const allTasks = (Object.keys(machines) as MachineName[]).flatMap((m) =>
  Object.entries(machines[m])
    .filter(([, s]) => s.Type === 'Task')
    .map(([id]) => id),
);

describe('the checkout saga’s compensations', () => {
  it('knows every Task state: a forward step with its step module, or a compensation one of them names', () => {
    expect([...allTasks].sort()).toEqual([...Object.keys(forwardSteps), ...compensations].sort());
    for (const compensation of compensations) expect(forwardSteps).not.toHaveProperty(compensation);
  });

  it.each(Object.entries(forwardSteps))(
    'catches every failure of %s into the compensation its module names',
    (id, step) => {
      const own = machineOf(id)!;
      const states = machines[own];
      const state = states[id]!;
      expect(state.Catch?.some((c) => c.ErrorEquals.includes('States.ALL'))).toBe(true);
      const home = machineOf(step.compensatedBy);
      expect(home, `${step.compensatedBy} is no state of either workflow`).toBeDefined();
      for (const c of state.Catch ?? []) {
        // A Catch that resumes where success goes is no failure (a saga that already runs, for instance),
        // nor one that goes back to a step the run passed on its way here (to wait for the right payment).
        if (c.Next === state.Next) continue;
        if (successPathTo(states, STARTS[own], id).includes(c.Next)) continue;
        const reached = [...tasksReached(states, c.Next)];
        // A compensation in the other workflow is not this run's to call: the run ends, undoing nothing.
        expect(reached, `${id} on ${c.ErrorEquals.join(', ')}`).toEqual(
          home === own ? [step.compensatedBy] : [],
        );
      }
    },
  );

  it.each(
    Object.entries(forwardSteps).filter(([id, step]) => machineOf(step.compensatedBy) !== machineOf(id)),
  )(
    'leaves %s to the payment saga, started before it, whose timeout reaches its compensation',
    (id, step) => {
      const states = machines.checkout;
      const before = successPathTo(states, 'PlaceOrder', id);
      expect(before).toContain('StartPaymentSaga');
      expect(states.StartPaymentSaga!.Parameters).toMatchObject({
        StateMachineArn: machineArn('checkoutPayment'),
      });
      const saga = machines.checkoutPayment;
      const waits = Object.values(saga).filter((s) => s.Type === 'Task' && s.TimeoutSeconds !== undefined);
      expect(waits.length).toBeGreaterThan(0);
      for (const wait of waits) {
        const timeout = wait.Catch?.find((c) => c.ErrorEquals.includes('States.Timeout'));
        expect([...tasksReached(saga, timeout!.Next)]).toEqual([step.compensatedBy]);
      }
    },
  );

  it.each([...compensations])('runs %s safely again, and ends the run if even it fails', (id) => {
    const states = machines[machineOf(id)!];
    const state = states[id]!;
    if (state.Resource === 'arn:aws:states:::states:startExecution') {
      // Named: starting it again is ExecutionAlreadyExists, never a second saga.
      expect(Object.keys(state.Parameters ?? {})).toContain('Name.$');
    } else {
      // Retried on any error, which only an idempotent step may be: `releaseCheckout` leaves an order that
      // is no longer pending as it is (run twice in test/integration/checkout/saga-steps.test.ts).
      expect(state.Parameters).toMatchObject({
        FunctionName: expect.stringMatching(/:function:checkoutRelease$/),
      });
      const any = state.Retry?.find((r) => r.ErrorEquals.includes('States.ALL'));
      expect(any?.MaxAttempts).toBeGreaterThanOrEqual(2);
    }
    // Nothing undoes a compensation: its failure ends the run (the stock hold still expires on its own).
    for (const c of state.Catch ?? []) expect([...tasksReached(states, c.Next)]).toEqual([]);
  });
});
