import type { EventDefinition } from '../events/definition.ts';
import type { Operation } from '../http/operation.ts';
import type { ComposedApp, ContextDef, EntryKind, HttpMethod, RootDef, RouteDef } from './types.ts';

/** A definition that cannot be deployed as written: names the context and what is wrong. */
export class DefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DefinitionError';
  }
}

type Named = EntryKind;
const NAMED: readonly Named[] = ['functions', 'rules', 'queues', 'stateMachines', 'pipes', 'schedules'];

/** The route of an operation: `GET /products/{productId}` → method and path; `$default` stays itself. */
export const routeOfOperation = (operation: Operation, fn: string): RouteDef => {
  if (operation.route === '$default')
    return { method: 'ANY', path: '$default', function: fn, access: operation.access };
  const [method, path] = operation.route.split(' ') as [HttpMethod, string];
  return { method, path, function: fn, access: operation.access, operationId: operation.operationId };
};

/**
 * One application from the root's settings and its contexts. Refuses, with a `DefinitionError`: two
 * entries of one kind with the same name, two operations on one route or with one operationId, a key
 * prefix two contexts claim (or one that starts another's), two events with the same source and
 * detail-type, and any reference to a function, queue, state machine or secret that does not exist.
 */
export const composeApp = (
  root: RootDef,
  contexts: readonly ContextDef[],
  platform: { readonly keyPrefixes: readonly string[] },
): ComposedApp => {
  const merged = Object.fromEntries(NAMED.map((kind) => [kind, {}])) as Record<
    Named,
    Record<string, unknown>
  >;
  // Which context declared each entry: the stack it is built in (infra/stack-groups.ts), and who else
  // may not declare one of the same kind and name.
  const owners = Object.fromEntries(NAMED.map((kind) => [kind, {}])) as Record<Named, Record<string, string>>;
  const contextNames = new Set<string>();
  for (const context of contexts) {
    if (contextNames.has(context.name)) throw new DefinitionError(`Context ${context.name} twice`);
    contextNames.add(context.name);
    for (const kind of NAMED) {
      for (const [name, entry] of Object.entries(context[kind] ?? {})) {
        if (Object.hasOwn(owners[kind], name))
          throw new DefinitionError(
            `${kind} "${name}" is declared by both ${owners[kind][name]} and ${context.name}`,
          );
        merged[kind][name] = entry;
        owners[kind][name] = context.name;
      }
    }
  }
  const app: ComposedApp = {
    ...root,
    contexts: contexts.map((c) => c.name),
    owners,
    ...userPoolTriggersOf(contexts),
    functions: merged.functions as ComposedApp['functions'],
    rules: merged.rules as ComposedApp['rules'],
    queues: merged.queues as ComposedApp['queues'],
    stateMachines: merged.stateMachines as ComposedApp['stateMachines'],
    pipes: merged.pipes as ComposedApp['pipes'],
    schedules: merged.schedules as ComposedApp['schedules'],
    ...routesOf(contexts),
    events: eventsOf(contexts),
    components: componentsOf(contexts),
    tags: contexts.flatMap((c) => c.tags ?? []),
    keyPrefixes: keyPrefixesOf(contexts, platform.keyPrefixes),
  };
  checkReferences(app);
  return app;
};

const userPoolTriggersOf = (contexts: readonly ContextDef[]): Pick<ComposedApp, 'userPoolTriggers'> => {
  const triggers = contexts.flatMap((c) => Object.entries(c.userPoolTriggers ?? {}));
  const names = new Set(triggers.map(([trigger]) => trigger));
  if (names.size !== triggers.length) throw new DefinitionError('A user pool trigger is declared twice');
  return triggers.length > 0 ? { userPoolTriggers: Object.fromEntries(triggers) } : {};
};

const routesOf = (contexts: readonly ContextDef[]): Pick<ComposedApp, 'routes' | 'operations'> => {
  const routes: RouteDef[] = [];
  const operations: Operation[] = [];
  const routeKeys = new Set<string>();
  const ids = new Set<string>();
  const add = (route: RouteDef) => {
    const key = route.path === '$default' ? '$default' : `${route.method} ${route.path}`;
    if (routeKeys.has(key)) throw new DefinitionError(`Route ${key} is served twice`);
    routeKeys.add(key);
    routes.push(route);
  };
  for (const context of contexts) {
    for (const [fn, def] of Object.entries(context.functions)) {
      for (const operation of def.operations ?? []) {
        if (ids.has(operation.operationId))
          throw new DefinitionError(`operationId ${operation.operationId} is used twice`);
        ids.add(operation.operationId);
        add(routeOfOperation(operation, fn));
        operations.push(operation);
      }
    }
  }
  return { routes, operations };
};

const eventsOf = (contexts: readonly ContextDef[]): readonly EventDefinition[] => {
  const events = contexts.flatMap((c) => c.events ?? []);
  const seen = new Set<string>();
  for (const e of events) {
    const key = `${e.source} ${e.detailType}`;
    if (seen.has(key)) throw new DefinitionError(`Event ${key} is declared twice`);
    seen.add(key);
  }
  return events;
};

const componentsOf = (contexts: readonly ContextDef[]): ComposedApp['components'] => {
  const components: Record<string, ComposedApp['components'][string]> = {};
  for (const context of contexts) {
    for (const [name, schema] of Object.entries(context.components ?? {})) {
      if (components[name]) throw new DefinitionError(`Component ${name} is published twice`);
      components[name] = schema;
    }
  }
  return components;
};

/**
 * Which context owns each partition-key prefix. Two owners of one prefix, or a prefix that starts
 * another owner's (`CART` and `CARTS#`), would let one context's Query read the other's items.
 */
const keyPrefixesOf = (
  contexts: readonly ContextDef[],
  platformPrefixes: readonly string[],
): Record<string, string> => {
  const claims = [
    ...platformPrefixes.map((prefix) => ({ prefix, by: 'platform' })),
    ...contexts.flatMap((c) => c.keyPrefixes.map((prefix) => ({ prefix, by: c.name }))),
  ];
  const owners: Record<string, string> = {};
  for (const claim of claims) {
    for (const other of claims) {
      if (claim === other || claim.by === other.by) continue;
      if (other.prefix.startsWith(claim.prefix))
        throw new DefinitionError(
          `Key prefix ${claim.prefix} (${claim.by}) ${claim.prefix === other.prefix ? 'is also claimed by' : 'starts'} ${other.prefix} (${other.by})`,
        );
    }
    if (owners[claim.prefix])
      throw new DefinitionError(`${claim.by} claims key prefix ${claim.prefix} twice`);
    owners[claim.prefix] = claim.by;
  }
  return owners;
};

const checkReferences = (app: ComposedApp): void => {
  const need = (exists: boolean, what: string) => {
    if (!exists) throw new DefinitionError(what);
  };
  const fn = (name: string, by: string) =>
    need(name in app.functions, `${by} names function "${name}", which no context declares`);
  for (const route of app.routes) fn(route.function, `Route ${route.method} ${route.path}`);
  for (const [name, rule] of Object.entries(app.rules))
    need(rule.queue in app.queues, `Rule ${name} targets queue "${rule.queue}", which no context declares`);
  for (const [name, queue] of Object.entries(app.queues)) fn(queue.consumer, `Queue ${name}`);
  for (const [name, pipe] of Object.entries(app.pipes)) fn(pipe.target, `Pipe ${name}`);
  for (const [name, schedule] of Object.entries(app.schedules)) fn(schedule.function, `Schedule ${name}`);
  for (const [trigger, name] of Object.entries(app.userPoolTriggers ?? {}))
    if (name) fn(name, `User pool trigger ${trigger}`);
  for (const [name, machine] of Object.entries(app.stateMachines)) {
    for (const [placeholder, s] of Object.entries(machine.substitutions)) {
      if ('function' in s) fn(s.function, `State machine ${name} (${placeholder})`);
      if ('stateMachine' in s)
        need(
          s.stateMachine in app.stateMachines,
          `State machine ${name} (${placeholder}) starts unknown "${s.stateMachine}"`,
        );
    }
  }
  for (const [name, def] of Object.entries(app.functions)) {
    const uses = def.uses ?? {};
    const by = `Function ${name}`;
    for (const q of uses.queues ?? []) need(q in app.queues, `${by} uses unknown queue "${q}"`);
    for (const sm of [...(uses.stateMachines ?? []), ...(uses.taskTokens ?? [])])
      need(sm in app.stateMachines, `${by} uses unknown state machine "${sm}"`);
    for (const s of uses.secrets ?? []) need(s in (app.secrets ?? {}), `${by} uses undeclared secret "${s}"`);
    for (const s of uses.externalSecrets ?? [])
      need(s in (app.externalSecrets ?? {}), `${by} uses undeclared external secret "${s}"`);
  }
  // Both kinds reach a function as SECRET_ARN_<NAME>: one name for two secrets would share a variable.
  for (const s of Object.keys(app.secrets ?? {}))
    need(!(s in (app.externalSecrets ?? {})), `Secret "${s}" is declared both generated and external`);
};
