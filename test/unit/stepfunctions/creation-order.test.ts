import { describe, expect, it } from 'vitest';
import { creationOrder } from '#infra/state-machine-order.ts';
import type { StateMachineDef, Substitution } from '#platform/definition/types.ts';

const machine = (substitutions: Record<string, Substitution> = {}): StateMachineDef => ({
  description: 'test',
  definitionFile: 'unused.asl.json',
  type: 'STANDARD',
  substitutions,
});
const starts = (...names: string[]) =>
  machine(Object.fromEntries(names.map((name) => [`${name}Arn`, { stateMachine: name }])));

describe('creationOrder', () => {
  it('keeps the definition order when no machine substitutes another', () => {
    expect(creationOrder({ b: machine(), a: machine({ F: { function: 'f' } }), c: machine() })).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('creates every machine after the machines it substitutes, at any depth', () => {
    const order = creationOrder({
      checkout: starts('payment', 'audit'),
      payment: starts('audit'),
      audit: machine(),
    });
    expect(order).toEqual(['audit', 'payment', 'checkout']);
  });

  it('lists a machine substituted twice once', () => {
    const twice = machine({ A: { stateMachine: 'child' }, B: { stateMachine: 'child' } });
    expect(creationOrder({ parent: twice, child: machine() })).toEqual(['child', 'parent']);
  });

  it('refuses a substitution of a machine the definition does not define', () => {
    expect(() => creationOrder({ checkout: starts('payments') })).toThrow(
      'State machine "checkout" substitutes state machine "payments", which is not defined',
    );
  });

  it.each([
    ['two machines', { a: starts('b'), b: starts('a') }, 'a → b → a'],
    ['a machine and itself', { self: starts('self') }, 'self → self'],
    ['three machines', { a: starts('b'), b: starts('c'), c: starts('a') }, 'a → b → c → a'],
  ])('refuses a cycle of %s, naming it', (_, machines, cycle) => {
    expect(() => creationOrder(machines)).toThrow(
      `State machines substitute each other in a cycle: ${cycle}`,
    );
  });
});
