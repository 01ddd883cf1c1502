import type { StateMachineDef } from '#platform/definition/types.ts';

/** The state machines a definition's state machine substitutes (by `{ stateMachine }`), each once. */
export const referencedStateMachines = (def: StateMachineDef): string[] => [
  ...new Set(Object.values(def.substitutions).flatMap((s) => ('stateMachine' in s ? [s.stateMachine] : []))),
];

/**
 * The order to create state machines in: each after every machine it substitutes, because its
 * DefinitionSubstitutions and its StartExecution grant need that machine's ARN. Otherwise the
 * definition's order is kept. An unknown name or a cycle is a definition error, thrown at synth.
 */
export const creationOrder = (machines: Readonly<Record<string, StateMachineDef>>): string[] => {
  const order: string[] = [];
  const visiting: string[] = [];
  const visit = (name: string): void => {
    if (order.includes(name)) return;
    const cycleStart = visiting.indexOf(name);
    if (cycleStart >= 0) {
      const cycle = [...visiting.slice(cycleStart), name].join(' → ');
      throw new Error(`State machines substitute each other in a cycle: ${cycle}`);
    }
    const def = machines[name];
    if (!def) throw new Error(`Unknown state machine "${name}"`);
    visiting.push(name);
    for (const other of referencedStateMachines(def)) {
      if (!Object.hasOwn(machines, other)) {
        throw new Error(`State machine "${name}" substitutes state machine "${other}", which is not defined`);
      }
      visit(other);
    }
    visiting.pop();
    order.push(name);
  };
  for (const name of Object.keys(machines)) visit(name);
  return order;
};
