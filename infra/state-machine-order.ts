import type { StateMachineDef } from '#platform/definition/types.ts';

/** The state machines a definition's state machine substitutes (by `{ stateMachine }`), each once. */
export const referencedStateMachines = (def: StateMachineDef): string[] => [
  ...new Set(Object.values(def.substitutions).flatMap((s) => ('stateMachine' in s ? [s.stateMachine] : []))),
];

/**
 * `items` with each after every item it `needs`, otherwise in their given order (a depth-first
 * topological sort). Items that need each other throw the error `cycle` makes of their path, the first
 * item repeated last (`a → b → a`).
 */
export const topologicalOrder = (
  items: readonly string[],
  needs: (item: string) => Iterable<string>,
  cycle: (path: readonly string[]) => Error,
): string[] => {
  const order: string[] = [];
  const visiting: string[] = [];
  const visit = (item: string): void => {
    if (order.includes(item)) return;
    const cycleStart = visiting.indexOf(item);
    if (cycleStart >= 0) throw cycle([...visiting.slice(cycleStart), item]);
    visiting.push(item);
    for (const other of needs(item)) visit(other);
    visiting.pop();
    order.push(item);
  };
  for (const item of items) visit(item);
  return order;
};

/**
 * The order to create state machines in: each after every machine it substitutes, because its
 * DefinitionSubstitutions and its StartExecution grant need that machine's ARN. Otherwise the
 * definition's order is kept. An unknown name or a cycle is a definition error, thrown at synth.
 */
export const creationOrder = (machines: Readonly<Record<string, StateMachineDef>>): string[] =>
  topologicalOrder(
    Object.keys(machines),
    (name) => {
      const def = machines[name];
      if (!def) throw new Error(`Unknown state machine "${name}"`);
      const started = referencedStateMachines(def);
      const missing = started.find((other) => !Object.hasOwn(machines, other));
      if (missing !== undefined)
        throw new Error(
          `State machine "${name}" substitutes state machine "${missing}", which is not defined`,
        );
      return started;
    },
    (path) => new Error(`State machines substitute each other in a cycle: ${path.join(' → ')}`),
  );
