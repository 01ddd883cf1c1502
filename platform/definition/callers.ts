import type { AppDefinition } from './types.ts';

/** What can invoke a function of the definition. */
export type Caller = 'route' | 'queue' | 'pipe' | 'schedule' | 'stateMachine' | 'userPoolTrigger';

/**
 * Every caller of every function, read from the definition: the one place that knows which entries
 * invoke a function, so nothing else has to list them again.
 */
export const functionCallers = (app: AppDefinition): ReadonlyMap<string, ReadonlySet<Caller>> => {
  const callers = new Map<string, Set<Caller>>(Object.keys(app.functions).map((name) => [name, new Set()]));
  const add = (name: string, caller: Caller) => callers.get(name)?.add(caller);
  for (const route of app.routes) add(route.function, 'route');
  for (const queue of Object.values(app.queues)) add(queue.consumer, 'queue');
  for (const pipe of Object.values(app.pipes)) add(pipe.target, 'pipe');
  for (const schedule of Object.values(app.schedules ?? {})) add(schedule.function, 'schedule');
  for (const machine of Object.values(app.stateMachines)) {
    for (const s of Object.values(machine.substitutions))
      if ('function' in s) add(s.function, 'stateMachine');
  }
  for (const trigger of Object.values(app.userPoolTriggers ?? {})) {
    if (trigger) add(trigger, 'userPoolTrigger');
  }
  return callers;
};

const SHARING: ReadonlySet<Caller> = new Set(['route', 'stateMachine']);

/**
 * The functions only HTTP routes and state machines invoke, and schedules beside them. None of these
 * callers adds anything to the function's role or attaches an event source to it (API Gateway and an
 * EventBridge schedule hold a resource-policy permission on the function, a state machine its own role's
 * invoke grant), so in AWS they may share a role (with the same `uses`) and a log group. A schedule
 * neither stops a function sharing nor makes it share: a function that only schedules invoke keeps the
 * role and log group of its own it has always had.
 */
export const sharedRoleFunctions = (app: AppDefinition): ReadonlySet<string> =>
  new Set(
    [...functionCallers(app)]
      .filter(
        ([, callers]) =>
          [...callers].some((c) => SHARING.has(c)) &&
          [...callers].every((c) => SHARING.has(c) || c === 'schedule'),
      )
      .map(([name]) => name),
  );
