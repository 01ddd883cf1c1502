import { functionCallers } from '#platform/definition/callers.ts';
import type { AppDefinition, EntryKind } from '#platform/definition/types.ts';
import { referencedStateMachines, topologicalOrder } from './state-machine-order.ts';

/**
 * The nested stack each context's resources live in, by the contexts' roles in the shop:
 * - `Platform`: the API's own endpoints and the approval workflow (system).
 * - `Catalog`: what is sold, at what price, and how much is in stock (catalog, pricing, inventory).
 * - `Storefront`: customers, their carts, and the sales channels and publishable keys carts are made in.
 * - `Checkout`: the checkout saga's state machines and every function they invoke, and payments, whose
 *   Stripe webhook resumes the saga (a task-token grant on its state machine).
 * - `PostPurchase`: orders (the cancellation workflow), fulfillment and notifications.
 * A context missing here gets a stack of its own, named after it, so a new context needs no edit here:
 * `webhooks` (outbound deliveries to back-office systems, apart from selling) is in `Webhooks` that way.
 * Every pipe and the function it invokes live in `Streams` instead (below).
 */
export const CONTEXT_GROUPS: Readonly<Record<string, string>> = {
  system: 'Platform',
  catalog: 'Catalog',
  pricing: 'Catalog',
  inventory: 'Catalog',
  customers: 'Storefront',
  carts: 'Storefront',
  channels: 'Storefront',
  checkout: 'Checkout',
  payments: 'Checkout',
  orders: 'PostPurchase',
  fulfillment: 'PostPurchase',
  notifications: 'PostPurchase',
};

/**
 * The group of every pipe and its target function, whatever their context. Every function that writes
 * the table is deployed after every pipe (pipes.ts), so each stack with a writer depends on the pipes'
 * stack: with pipes in the contexts' stacks, two such stacks would depend on each other. No nested stack
 * holds a route (routes are the root stack's, beside the API), so none depends on the user pool through
 * the authorizer: the pool's trigger (in the root stack) writes the table, so it waits for this stack.
 */
export const STREAMS_GROUP = 'Streams';

/** The group of entries no context declared (definitions built by hand, as in tests). */
export const DEFAULT_GROUP = 'App';

/** Where an entry is built: the root stack, or the nested stack of a group. */
export type Placement = { readonly root: true } | { readonly group: string };

const ROOT: Placement = { root: true };

/**
 * Every entry of the definition with where it is built, and the groups in a stable order. Routes are not
 * placed: every route and integration is built in the root stack (commerce-stack.ts).
 */
export interface StackPlan {
  readonly groups: readonly string[];
  readonly functions: ReadonlyMap<string, Placement>;
  readonly stateMachines: ReadonlyMap<string, Placement>;
  readonly queues: ReadonlyMap<string, Placement>;
  readonly rules: ReadonlyMap<string, Placement>;
  readonly pipes: ReadonlyMap<string, Placement>;
  readonly schedules: ReadonlyMap<string, Placement>;
}

const pascal = (name: string): string =>
  name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** The group of a context: its entry in `CONTEXT_GROUPS`, else a group of its own named after it. */
export const groupOfContext = (context: string): string => CONTEXT_GROUPS[context] ?? pascal(context);

/**
 * Places every entry. Functions and state machines go with their context's group; what serves one
 * function goes with it, so that no policy or permission points back across stacks: a queue with its
 * consumer (the event source grants the consumer's role), a rule with its queue (the queue policy names
 * the rule), a pipe or schedule with its function. User pool triggers stay in the root stack: the pool
 * names the function and the function's permission names the pool, a cycle between stacks.
 */
export const planStacks = (definition: AppDefinition): StackPlan => {
  const owners = definition.owners ?? {};
  const groupOf = (kind: EntryKind, name: string): string => {
    const context = owners[kind]?.[name];
    return context ? groupOfContext(context) : DEFAULT_GROUP;
  };
  const pipeTargets = new Set(Object.values(definition.pipes).map((p) => p.target));
  const callers = functionCallers(definition);
  // A trigger kept in the root stack still has a group: its queue goes there, referencing the root
  // stack, which is never a cycle.
  const withFunction = (name: string): Placement => ({
    group: pipeTargets.has(name) ? STREAMS_GROUP : groupOf('functions', name),
  });
  const functions = new Map(
    Object.keys(definition.functions).map((name) => [
      name,
      callers.get(name)?.has('userPoolTrigger') ? ROOT : withFunction(name),
    ]),
  );
  const queues = new Map(Object.entries(definition.queues).map(([n, q]) => [n, withFunction(q.consumer)]));
  // The root stack builds no rules, so a rule whose queue is unknown has nowhere to go.
  const withQueue = (rule: string, queue: string): Placement => {
    const placement = queues.get(queue);
    if (!placement)
      throw new Error(`Rule "${rule}" targets queue "${queue}", which the definition does not define.`);
    return placement;
  };
  const plan: StackPlan = {
    groups: [],
    functions,
    stateMachines: new Map(
      Object.keys(definition.stateMachines).map((n) => [n, { group: groupOf('stateMachines', n) }]),
    ),
    queues,
    rules: new Map(Object.entries(definition.rules).map(([n, r]) => [n, withQueue(n, r.queue)])),
    pipes: new Map(Object.entries(definition.pipes).map(([n, p]) => [n, withFunction(p.target)])),
    schedules: new Map(
      Object.entries(definition.schedules ?? {}).map(([n, s]) => [n, withFunction(s.function)]),
    ),
  };
  const groups = new Set<string>();
  for (const map of [plan.functions, plan.stateMachines, plan.queues, plan.rules, plan.pipes, plan.schedules])
    for (const p of map.values()) if ('group' in p) groups.add(p.group);
  return { ...plan, groups: [...groups].sort() };
};

/** The names of `map` placed in `where` (a group's name, or the root stack). */
export const placedIn = (map: ReadonlyMap<string, Placement>, where: string | 'root'): string[] =>
  [...map].filter(([, p]) => ('root' in p ? where === 'root' : p.group === where)).map(([n]) => n);

/**
 * The groups in the order their state machines can be built: a group after every group whose machines
 * its machines start (a machine needs the ARN of each it starts). Two groups starting each other's
 * machines would reference each other's stacks, which CloudFormation refuses: put them in one group.
 */
export const stateMachineGroupOrder = (definition: AppDefinition, plan: StackPlan): string[] => {
  const groupOf = (name: string) => {
    const p = plan.stateMachines.get(name);
    return p && 'group' in p ? p.group : undefined;
  };
  const needs = new Map(plan.groups.map((g) => [g, new Set<string>()]));
  for (const [name, def] of Object.entries(definition.stateMachines)) {
    const group = groupOf(name);
    for (const other of referencedStateMachines(def)) {
      const otherGroup = groupOf(other);
      if (group && otherGroup && otherGroup !== group) needs.get(group)?.add(otherGroup);
    }
  }
  return topologicalOrder(
    plan.groups,
    (group) => needs.get(group) ?? [],
    (path) => new Error(`Groups start each other's state machines: ${path.join(' → ')}`),
  );
};
