/**
 * The shape of the application definition: the one place that lists every function, route, table,
 * rule, queue, state machine and pipe. The CDK stack (`infra/`) and the local cloud (`local/`) both read
 * it, so neither can serve something the other does not.
 */

/**
 * Who may call a route:
 * - `public`: anyone; the handler never learns who.
 * - `optional`: anyone; when a valid customer token is presented the handler knows the caller (a guest
 *   cart and a customer's cart on the same routes). API Gateway cannot make a JWT authorizer optional, so
 *   these routes have no authorizer and the function verifies a presented token itself; a presented
 *   token that fails is a 401, never a guest.
 * - `customer`: any signed-in customer (API Gateway's JWT authorizer).
 * - `admin`: members of the `admin` group (authorizer, then the group check in the handler).
 */
export type Access = 'public' | 'optional' | 'customer' | 'admin';

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
  /** `SECRET_<NAME>` for each: a generated secret, resolved into the environment at deploy time. */
  readonly secrets?: readonly string[];
  /**
   * `SECRET_ARN_<NAME>` for each: a secret whose value ops put in (e.g. third-party API keys). Only its
   * ARN is in the environment; the function reads the value at run time (cached), so a new value
   * reaches it without a deploy. secretsmanager:GetSecretValue on that secret only.
   */
  readonly externalSecrets?: readonly string[];
  /** states:SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat on the named state machines. */
  readonly taskTokens?: readonly string[];
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
}

export interface RouteDef {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/products/{productId}`, or `$default` for the catch-all route. */
  readonly path: string;
  readonly function: string;
  readonly access: Access;
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
   * Whether execution logs carry the states' input and output (default true). Off for a machine whose
   * data holds secrets (a cart token, a client secret): its logs then show the path, not the data.
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

export interface AppDefinition {
  readonly name: string;
  readonly userPoolTriggers?: UserPoolTriggersDef;
  readonly table: TableDef;
  readonly functions: Readonly<Record<string, FunctionDef>>;
  readonly routes: readonly RouteDef[];
  readonly cors?: CorsDef;
  readonly rules: Readonly<Record<string, RuleDef>>;
  readonly queues: Readonly<Record<string, QueueDef>>;
  readonly stateMachines: Readonly<Record<string, StateMachineDef>>;
  readonly pipes: Readonly<Record<string, PipeDef>>;
  readonly schedules?: Readonly<Record<string, ScheduleDef>>;
  readonly externalSecrets?: Readonly<Record<string, ExternalSecretDef>>;
}
