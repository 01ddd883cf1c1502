import type { z } from 'zod';
import type { EventDefinition } from '../events/definition.ts';
import type { Operation } from '../http/operation.ts';
import type { Access } from './access.ts';

/**
 * The language of the application definition. Each bounded context declares what it runs in its
 * `contexts/<context>/context.ts` (a `ContextDef`); `app/definition.ts` composes them with the table,
 * CORS and secrets into one `AppDefinition`. The CDK stack (`infra/`) and the local cloud (`local/`) both
 * read that one object, so neither can serve something the other does not.
 */

export type { Access };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

/** What a function may touch; each grant becomes an IAM grant in AWS and an environment variable. */
export interface FunctionUses {
  /** `TABLE_NAME`; read or read-write access to the single table. */
  readonly table?: 'read' | 'readWrite';
  /** `EVENT_BUS_NAME`; events:PutEvents on the bus. */
  readonly bus?: boolean;
  /** `QUEUE_URL_<NAME>` for each; sqs:SendMessage. */
  readonly queues?: readonly string[];
  /** `STATE_MACHINE_ARN_<NAME>` for each; states:StartExecution (StartSyncExecution for EXPRESS). */
  readonly stateMachines?: readonly string[];
  /**
   * `SECRET_ARN_<NAME>` for each: a generated secret (an HMAC key). Only its ARN is in the environment;
   * the function reads the value at first use (cached per instance). secretsmanager:GetSecretValue on
   * that secret only.
   */
  readonly secrets?: readonly string[];
  /**
   * `SECRET_ARN_<NAME>` for each: a secret whose value ops put in (e.g. third-party API keys). Only its
   * ARN is in the environment; the function reads the value at run time (cached), so a new value
   * reaches it without a deploy. secretsmanager:GetSecretValue on that secret only.
   */
  readonly externalSecrets?: readonly string[];
  /** states:SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat on the named state machines. */
  readonly taskTokens?: readonly string[];
  /**
   * `MAIL_FROM` (and `MAIL_CONFIGURATION_SET` when the stage has one): the stage's sender.
   * ses:SendEmail / ses:SendRawEmail on the sender's SES identity (and configuration set), from that
   * address only.
   */
  readonly mail?: boolean;
}

export interface FunctionDef {
  /** Handler file, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly uses?: FunctionUses;
  /** Literal environment variables, on top of those derived from `uses`. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * The HTTP operations this function serves, routed inside by `routeKey`. Each becomes one route in API
   * Gateway (explicit, with its own authorization); the function gets one integration for all of them.
   */
  readonly operations?: readonly Operation[];
  /** Log lines that need a person: each gets a metric and an alarm on the stage's alarm topic. */
  readonly logAlarms?: readonly LogAlarmDef[];
}

/** An alarm on a log line of a function: any line whose `message` is exactly `message`. */
export interface LogAlarmDef {
  /** The `message` of the structured log line (Powertools Logger's JSON), also the metric's name. */
  readonly message: string;
  /** What it means and what to do: the alarm's description. */
  readonly description: string;
}

/** A route of the HTTP API, derived from an operation (see `routesOf` in compose.ts). */
export interface RouteDef {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/products/{productId}`, or `$default` for the catch-all route. */
  readonly path: string;
  readonly function: string;
  readonly access: Access;
  /** The operation it serves (absent on `$default`). */
  readonly operationId?: string;
}

export interface GsiDef {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDef {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly gsis: readonly GsiDef[];
  readonly ttlAttribute: string;
  readonly stream: 'NEW_AND_OLD_IMAGES';
}

/** An EventBridge event pattern, exactly as AWS documents it. */
export type EventPattern = Readonly<Record<string, unknown>>;

export interface RuleDef {
  readonly description: string;
  readonly pattern: EventPattern;
  /** The queue (by name) that receives matching events. */
  readonly queue: string;
}

export interface QueueDef {
  readonly description: string;
  /** The function that consumes the queue (SQS event source mapping). */
  readonly consumer: string;
  readonly batchSize: number;
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the queue's dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Maximum batching window for the event source mapping. */
  readonly maxBatchingWindowSeconds?: number;
}

/**
 * A value substituted into an ASL file's `${Name}` placeholders: a function's ARN, another state
 * machine's ARN (for `arn:aws:states:::states:startExecution`; that machine is created first and this
 * one may start it), or a literal.
 */
export type Substitution =
  | { readonly function: string }
  | { readonly stateMachine: string }
  | { readonly literal: string };

export interface StateMachineDef {
  readonly description: string;
  /** ASL (JSONPath) file, relative to the repository root. */
  readonly definitionFile: string;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly substitutions: Readonly<Record<string, Substitution>>;
  /**
   * Whether execution logs carry the states' input and output (default false: logs show the path, not
   * the data). Opt in only for a machine whose data holds no task token, secret (cart token, client
   * secret) or personal data; the execution history in the console still shows the data to operators.
   */
  readonly logExecutionData?: boolean;
}

/** DynamoDB stream → filter → target function: an EventBridge Pipe in AWS. */
export interface PipeDef {
  readonly description: string;
  /** An EventBridge pattern applied to each stream record (Pipe filter criteria). */
  readonly filter: EventPattern;
  readonly target: string;
  readonly batchSize: number;
}

/** A function run on a timer: an EventBridge schedule rule in AWS, a timer locally. */
export interface ScheduleDef {
  readonly description: string;
  /** `rate(<n> minute|minutes|hour|hours|day|days)`, as EventBridge writes it. */
  readonly rate: `rate(${number} ${'minute' | 'minutes' | 'hour' | 'hours' | 'day' | 'days'})`;
  readonly function: string;
}

/**
 * A secret whose value comes from outside (a provider's dashboard): the stack creates it with placeholder
 * fields and ops put the real JSON value in; functions that `uses.externalSecrets` it read it at run time.
 */
export interface ExternalSecretDef {
  readonly description: string;
  /** The fields of its JSON value; each starts as a placeholder that no reader accepts. */
  readonly fields: readonly string[];
}

/** Functions the identity provider calls (Cognito user pool triggers in AWS). */
export interface UserPoolTriggersDef {
  /** After a user confirms sign-up: receives Cognito's PostConfirmation event. */
  readonly postConfirmation?: string;
}

/**
 * Cross-origin access to the HTTP API (API Gateway's CORS configuration), so a storefront served from
 * another origin can call it. Callers send bearer tokens in `Authorization`, never cookies, so
 * credentials stay off and `*` is a valid origin list.
 */
export interface CorsDef {
  /** `https://shop.example.com`, `https://*` (any https origin) or `*`. The CDK stack uses its stage's list. */
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly ('GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS')[];
  /** Request headers a browser may send (lower-case); the CORS-safelisted ones need no entry. */
  readonly allowHeaders: readonly string[];
  /** Response headers a page's script may read beyond the CORS-safelisted ones (lower-case). */
  readonly exposeHeaders: readonly string[];
  /** How long a browser may cache a preflight answer. */
  readonly maxAgeSeconds: number;
}

/** A generated secret (random, made by the stack at deploy time), read by functions that `use` it. */
export interface GeneratedSecretDef {
  readonly description: string;
}

/**
 * One bounded context: its functions (HTTP functions carry their operations), event rules, queues,
 * pipes, schedules, state machines and events, and the partition-key prefixes its items use. A context
 * adds files to its own folder; nothing outside it lists what it holds.
 */
export interface ContextDef {
  /** The folder name under `contexts/`. */
  readonly name: string;
  /** What the context is about, for the docs and the contract's tags. */
  readonly description: string;
  /**
   * The partition-key prefixes of its items on the table and every index (`PRODUCT#`, `LIST#`), from its
   * `data/keys.ts`. Composition refuses a prefix that another context claims or that starts another's.
   */
  readonly keyPrefixes: readonly string[];
  readonly functions: Readonly<Record<string, FunctionDef>>;
  readonly rules?: Readonly<Record<string, RuleDef>>;
  readonly queues?: Readonly<Record<string, QueueDef>>;
  readonly stateMachines?: Readonly<Record<string, StateMachineDef>>;
  readonly pipes?: Readonly<Record<string, PipeDef>>;
  readonly schedules?: Readonly<Record<string, ScheduleDef>>;
  readonly userPoolTriggers?: UserPoolTriggersDef;
  /** The domain events it emits (through the outbox), published in docs/events.md. */
  readonly events?: readonly EventDefinition[];
  /** Schemas it publishes as named OpenAPI components (`#/components/schemas/<Name>`). */
  readonly components?: Readonly<Record<string, z.ZodType>>;
  /** The OpenAPI tags its operations introduce. */
  readonly tags?: readonly ApiTag[];
}

/** An OpenAPI tag: a group of operations in the reference page. */
export interface ApiTag {
  readonly name: string;
  readonly description: string;
}

/**
 * API Gateway's route throttling, declared once for both clouds: a token bucket per route that holds
 * `burstLimit` requests and refills at `rateLimit` a second. Each route gets its own bucket, so a flood
 * of one route answers 429 on that route only, never on the Stripe webhook or the storefront.
 */
export interface ThrottleLimit {
  /** Steady requests per second. */
  readonly rateLimit: number;
  /** The bucket's size: requests accepted at once after a quiet spell. */
  readonly burstLimit: number;
}

/**
 * The limits of a definition: named groups of routes, the group each route falls in by its access and
 * method (so a new operation needs no entry here), and the routes that need another group by route key.
 */
export interface ThrottlingDef {
  readonly groups: Readonly<Record<string, ThrottleLimit>>;
  /** The group of a route that `routes` does not name, by its access; `read` is for its GETs. */
  readonly byAccess: Readonly<Record<Access, { readonly read: string; readonly write: string }>>;
  /** Route keys (`POST /webhooks/stripe`, `$default`) placed in a group of their own choosing. */
  readonly routes?: Readonly<Record<string, string>>;
  /**
   * Functions that must never be starved of Lambda concurrency by the others (the Stripe webhook): each
   * gets the stage's reserved concurrency (`-c reservedConcurrency=`; 0 reserves nothing).
   */
  readonly reservedFor?: readonly string[];
}

/** What the root definition holds itself: everything shared by all contexts. */
export interface RootDef {
  readonly name: string;
  readonly table: TableDef;
  readonly cors?: CorsDef;
  /** Route throttling in API Gateway (and the local gateway); absent: 100 requests/s, burst 200 a route. */
  readonly throttling?: ThrottlingDef;
  readonly secrets?: Readonly<Record<string, GeneratedSecretDef>>;
  readonly externalSecrets?: Readonly<Record<string, ExternalSecretDef>>;
}

/** The kinds of named entries a context declares. */
export type EntryKind = 'functions' | 'rules' | 'queues' | 'stateMachines' | 'pipes' | 'schedules';

/**
 * What the two clouds deploy: the root's settings and every function, route, rule, queue, state machine,
 * pipe and schedule. The CDK stack and the local cloud take this shape (tests give them small ones).
 */
export interface AppDefinition extends RootDef {
  /**
   * Which context declared each entry, by kind and name. The CDK stack places a context's resources in
   * the nested stack of its group (infra/stack-groups.ts); an entry without one lands in a default group.
   * @default no context for any entry
   */
  readonly owners?: Readonly<Partial<Record<EntryKind, Readonly<Record<string, string>>>>>;
  readonly userPoolTriggers?: UserPoolTriggersDef;
  readonly functions: Readonly<Record<string, FunctionDef>>;
  readonly routes: readonly RouteDef[];
  readonly rules: Readonly<Record<string, RuleDef>>;
  readonly queues: Readonly<Record<string, QueueDef>>;
  readonly stateMachines: Readonly<Record<string, StateMachineDef>>;
  readonly pipes: Readonly<Record<string, PipeDef>>;
  readonly schedules?: Readonly<Record<string, ScheduleDef>>;
}

/** The composed application: the root's settings and the union of its contexts, checked (compose.ts). */
export interface ComposedApp extends AppDefinition {
  /** The contexts it was composed from, by name. */
  readonly contexts: readonly string[];
  /** Which context declared each entry (every entry has one). */
  readonly owners: Readonly<Record<EntryKind, Readonly<Record<string, string>>>>;
  /** Every route, derived from the operations of the functions (`$default` included). */
  readonly routes: readonly RouteDef[];
  /** Every operation of the HTTP API, as the functions serve them. */
  readonly operations: readonly Operation[];
  readonly schedules: Readonly<Record<string, ScheduleDef>>;
  readonly events: readonly EventDefinition[];
  readonly components: Readonly<Record<string, z.ZodType>>;
  readonly tags: readonly ApiTag[];
  /** Which context declared each partition-key prefix (`platform` for the platform's own items). */
  readonly keyPrefixes: Readonly<Record<string, string>>;
}
