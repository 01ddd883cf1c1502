import type { EventPattern } from '#platform/definition/types.ts';
import { boundedLog } from './bounded-log.ts';
import type { EventBridgeEvent } from './event.ts';
import { type CompiledPattern, compilePattern } from './pattern.ts';

/** A rule on the bus: its pattern and its (single) target. */
export interface BusRule {
  readonly name: string;
  readonly pattern: EventPattern;
  /** The target's ARN, as `ListTargetsByRule` reports it and `PutTargets` may name it again. */
  readonly targetArn?: string;
  /** Sends the event to the rule's target; a rejection counts as a failed attempt. */
  readonly deliver: (event: EventBridgeEvent) => Promise<void>;
}

/** A target invocation that still failed after every attempt. */
export interface FailedDelivery {
  readonly ruleName: string;
  readonly event: EventBridgeEvent;
  readonly attempts: number;
  readonly error: string;
}

export interface DeliveryOptions {
  /** Attempts per event and rule before it counts as a failed invocation. Default 3. */
  readonly attempts?: number;
  /** Wait before retry n is n times this. Default 100 ms. */
  readonly retryDelayMs?: number;
  /** How many events each log keeps. Default 1000. */
  readonly historyLimit?: number;
  /** Told about each failed invocation. Default: one line on stderr. */
  readonly onFailure?: (failure: FailedDelivery) => void;
}

export interface Router {
  /**
   * Records the event and starts delivering it to every matching rule; returns their names. A replayed
   * event goes only to `rules` when given, and is not recorded as put on the bus again.
   */
  route(event: EventBridgeEvent, replay?: { readonly rules?: ReadonlySet<string> }): string[];
  /** Adds a rule (or replaces the one of that name), as `PutRule` + `PutTargets` do. */
  putRule(rule: BusRule): void;
  /** Removes a rule; events already routed to it are still delivered. */
  deleteRule(name: string): boolean;
  /** The rules on the bus, in the order they were added. */
  rules(): BusRule[];
  /** Events put on the bus, or, with a rule name, the events routed to that rule; oldest first. */
  delivered(ruleName?: string): EventBridgeEvent[];
  failures(ruleName?: string): FailedDelivery[];
  /** Resolves when no delivery is in flight. */
  settled(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const logFailure = (failure: FailedDelivery): void => {
  console.error(
    `[eventbridge] rule ${failure.ruleName}: event ${failure.event.id} not delivered after ${failure.attempts} attempts: ${failure.error}`,
  );
};

interface CompiledRule {
  readonly rule: BusRule;
  readonly pattern: CompiledPattern;
}

/** Validates every rule before the bus starts, naming the rule whose pattern AWS would reject. */
const compileRules = (rules: readonly BusRule[]): CompiledRule[] => {
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    if (compiled.some((c) => c.rule.name === rule.name))
      throw new Error(`Two rules are named "${rule.name}"`);
    try {
      compiled.push({ rule, pattern: compilePattern(rule.pattern) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Rule "${rule.name}": ${reason}`, { cause: error });
    }
  }
  return compiled;
};

type RetryPolicy = Required<Pick<DeliveryOptions, 'attempts' | 'retryDelayMs'>>;

/** Resolves once delivered; after the last failed attempt resolves to the failure instead. */
const deliverWithRetry = async (
  rule: BusRule,
  event: EventBridgeEvent,
  { attempts, retryDelayMs }: RetryPolicy,
): Promise<FailedDelivery | undefined> => {
  let error: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await rule.deliver(structuredClone(event));
      return undefined;
    } catch (caught) {
      error = caught;
      if (attempt < attempts) await sleep(retryDelayMs * attempt);
    }
  }
  return {
    ruleName: rule.name,
    event,
    attempts,
    error: error instanceof Error ? error.message : String(error),
  };
};

/**
 * Routes events to rules. Delivery runs in the background like EventBridge's (PutEvents answers before
 * targets are invoked); each target gets its own copy of the event, so one cannot alter another's.
 * AWS retries for up to 24 hours; locally a few quick attempts are enough to ride out a restarting
 * queue, and a target that keeps failing is logged rather than crashing the bus.
 */
export const createRouter = (rules: readonly BusRule[], options: DeliveryOptions = {}): Router => {
  const { attempts = 3, retryDelayMs = 100, historyLimit = 1000, onFailure = logFailure } = options;
  let compiled = compileRules(rules);
  const all = boundedLog<EventBridgeEvent>(historyLimit);
  const perRule = new Map(
    compiled.map(({ rule }) => [rule.name, boundedLog<EventBridgeEvent>(historyLimit)]),
  );
  const failed = boundedLog<FailedDelivery>(historyLimit);
  const inFlight = new Set<Promise<void>>();

  const invoke = async (rule: BusRule, event: EventBridgeEvent): Promise<void> => {
    const failure = await deliverWithRetry(rule, event, { attempts, retryDelayMs });
    if (!failure) return;
    failed.push(failure);
    try {
      onFailure(failure);
    } catch {
      logFailure(failure);
    }
  };

  const track = (delivery: Promise<void>): void => {
    inFlight.add(delivery);
    const done = () => inFlight.delete(delivery);
    delivery.then(done, done);
  };

  const logFor = (ruleName: string) => {
    const log = perRule.get(ruleName);
    if (!log) throw new Error(`No rule named "${ruleName}" on the local bus`);
    return log;
  };

  return {
    route: (event, replay) => {
      if (!replay) all.push(event);
      const matched = compiled.filter(
        ({ rule, pattern }) => (!replay?.rules || replay.rules.has(rule.name)) && pattern.matches(event),
      );
      for (const { rule } of matched) {
        logFor(rule.name).push(event);
        track(invoke(rule, event));
      }
      return matched.map(({ rule }) => rule.name);
    },
    putRule: (rule) => {
      const [added] = compileRules([rule]);
      if (!added) return;
      compiled = [...compiled.filter((c) => c.rule.name !== rule.name), added];
      if (!perRule.has(rule.name)) perRule.set(rule.name, boundedLog<EventBridgeEvent>(historyLimit));
    },
    deleteRule: (name) => {
      const before = compiled.length;
      compiled = compiled.filter((c) => c.rule.name !== name);
      return compiled.length < before;
    },
    rules: () => compiled.map((c) => c.rule),
    delivered: (ruleName) => (ruleName === undefined ? all.list() : logFor(ruleName).list()),
    failures: (ruleName) => {
      if (ruleName !== undefined) logFor(ruleName);
      return failed.list().filter((f) => ruleName === undefined || f.ruleName === ruleName);
    },
    settled: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
};
