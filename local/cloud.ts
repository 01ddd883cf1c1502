import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { stripeKeysSchema } from '#contexts/payments/stripe/keys.ts';
import { functionEnvironment } from '#platform/definition/environment.ts';
import { routeThrottles } from '#platform/definition/throttling.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import * as auth from './auth/index.ts';
import { type CountingProxy, startCountingProxy } from './dynamodb/counting-proxy.ts';
import * as dynamodb from './dynamodb/index.ts';
import * as eventbridge from './eventbridge/index.ts';
import * as gateway from './gateway/index.ts';
import { buildFunctions } from './lambda/build.ts';
import { createRuntime, type LambdaRuntime } from './lambda/runtime.ts';
import type { Invoke } from './lambda/types.ts';
import { paymentTimeoutOf } from './payment-timeout.ts';
import * as schedules from './schedules/index.ts';
import { localSecrets } from './secrets.ts';
import * as secretsmanager from './secretsmanager/index.ts';
import * as ses from './ses/index.ts';
import * as sqs from './sqs/index.ts';
import { substitute } from './state-machines.ts';
import { stateMachineArn } from './stepfunctions/arns.ts';
import * as sfn from './stepfunctions/index.ts';
import * as pipes from './streams/index.ts';
import * as stripe from './stripe/index.ts';
import { withLocalWebhooks } from './webhooks.ts';

export const REGION = 'us-east-1';
export const ACCOUNT_ID = '000000000000';
/** `MAIL_FROM` of the functions that `use` mail: the local mail sink keeps what they send. */
export const LOCAL_MAIL_FROM = 'orders@commerce.localhost';

export interface CloudOptions {
  readonly port?: number;
  /** Keep DynamoDB data (and secrets) here across restarts; in memory when absent. */
  readonly dataDir?: string;
  /** Where bundles go; `.local/build` by default. */
  readonly buildDir?: string;
  /** Log level of the functions (Powertools); quiet by default. */
  readonly logLevel?: string;
  /** Scales queue visibility timeouts (tests use a small factor so redelivery takes seconds). */
  readonly visibilityScale?: number;
  /** Runs every schedule at this period instead of its rate (tests). */
  readonly scheduleIntervalMs?: number;
  /** Route the functions' DynamoDB traffic through a counting proxy (benchmarks). */
  readonly countDynamoRequests?: boolean;
}

/** Instances of a function that runs Express workflows synchronously (see `waitsOnExpress`). */
const SYNC_CALLER_INSTANCES = 16;

/** Whether a function starts an Express workflow, which it runs synchronously and waits for. */
const waitsOnExpress = (app: AppDefinition, fn: AppDefinition['functions'][string]): boolean =>
  (fn.uses?.stateMachines ?? []).some((sm) => app.stateMachines[sm]?.type === 'EXPRESS');

/** Everything a tool or test needs to reach the local cloud; also written to `.local/cloud.json`. */
export interface CloudInfo {
  readonly apiUrl: string;
  readonly region: string;
  readonly accountId: string;
  readonly tableName: string;
  readonly eventBusName: string;
  readonly endpoints: Readonly<
    Record<
      'dynamodb' | 'eventbridge' | 'sqs' | 'stepfunctions' | 'secretsmanager' | 'ses' | 'issuer' | 'jwks',
      string
    >
  >;
  readonly auth: { readonly issuer: string; readonly clientId: string };
  /** The ARN of each generated secret (`cursorKey`, …) in the local Secrets Manager, where functions read it. */
  readonly secretArns: Readonly<Record<string, string>>;
  /** The local Stripe: point the `stripe` SDK at `apiUrl` with `secretKey`; events are signed with `webhookSecret`. */
  readonly stripe: {
    readonly apiUrl: string;
    readonly publishableKey: string;
    readonly secretKey: string;
    readonly webhookSecret: string;
  };
  readonly stateMachines: Readonly<Record<string, string>>;
  /** How long a checkout waits for its payment here (the definition's value unless shortened). */
  readonly paymentTimeoutSeconds: number;
  readonly queues: Readonly<Record<string, { url: string; dlqUrl: string }>>;
  readonly tokens: { readonly customer: string; readonly admin: string };
  /** What each piece was started with, as it reports it: compared with the CDK template by a test. */
  readonly served: {
    readonly functions: string[];
    readonly routes: gateway.ServedRoute[];
    readonly cors: gateway.ServedCors | undefined;
    /** Each route's token bucket, as the stage's `RouteSettings` declare them in AWS. */
    readonly throttles: gateway.RouteLimit[];
    readonly rules: { name: string; pattern: unknown; queue: string }[];
    readonly pipes: { name: string; filter: unknown; target: string; batchSize: number }[];
    readonly schedules: { name: string; rate: string; function: string }[];
    /** Each machine's type and the substitutions its ASL was filled with (definition terms). */
    readonly stateMachines: { name: string; type: string; substitutions: Record<string, unknown> }[];
  };
}

export interface Cloud {
  readonly info: CloudInfo;
  readonly invoke: Invoke;
  readonly dynamo: dynamodb.LocalDynamo;
  /** Present when started with `countDynamoRequests`. */
  readonly dynamoTally?: CountingProxy;
  /** Mints a token as the local issuer (for `npm run token` and tests). */
  mintToken(claims: { email: string; groups?: string[]; expiresInSeconds?: number }): Promise<string>;
  /** Events the bus delivered, per rule, for tests and tools. */
  deliveredEvents(rule?: string): unknown[];
  stop(): Promise<void>;
}

const credentials = dynamodb.localCredentials;

/**
 * Starts the whole local cloud for an application definition: every piece the CDK stack deploys,
 * wired the same way. Pieces stop in reverse order; a failed start stops what had started.
 */
export const startCloud = async (app: AppDefinition, options: CloudOptions = {}): Promise<Cloud> => {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse())
      await stop().catch((e: unknown) => console.error('[local] stop failed:', e));
    stops.length = 0;
  };
  try {
    // Receivers of the local cloud's webhooks run on this machine (loopback, plain http).
    return await assemble(withLocalWebhooks(app), options, stops, stopAll);
  } catch (error) {
    await stopAll();
    throw error;
  }
};

const assemble = async (
  app: AppDefinition,
  options: CloudOptions,
  stops: Array<() => Promise<void>>,
  stopAll: () => Promise<void>,
): Promise<Cloud> => {
  const prefix = `${app.name}-local`;
  const tableName = prefix;
  const eventBusName = prefix;
  // Pieces that invoke functions start before the functions exist (their environment needs the
  // pieces' URLs), so they get an invoker bound once the runtime is up.
  let runtime: LambdaRuntime | undefined;
  const invoke: Invoke = (fn, event) => {
    if (!runtime) throw new Error('The local Lambda runtime is not started yet');
    return runtime.invoke(fn, event);
  };

  const dynamo = await dynamodb.start({
    region: REGION,
    ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}),
  });
  stops.push(() => dynamo.stop());
  await dynamo.ensureTable(tableName, app.table);

  const issuer = await auth.start({});
  stops.push(() => issuer.stop());

  const queues = await sqs.start({
    region: REGION,
    accountId: ACCOUNT_ID,
    queues: app.queues,
    queueName: (name) => `${prefix}-${name}`,
    invoke,
    ...(options.visibilityScale ? { visibilityScale: options.visibilityScale } : {}),
  });
  stops.push(() => queues.stop());

  const sqsClient = new SQSClient({ endpoint: queues.url, region: REGION, credentials });
  stops.push(async () => sqsClient.destroy());
  const busRules = Object.entries(app.rules).map(([name, rule]) => ({
    name,
    pattern: rule.pattern,
    queue: rule.queue,
  }));
  // EventBridge → SQS: the message body is the whole event as JSON.
  const toQueue = (queueUrl: string) => async (event: eventbridge.EventBridgeEvent) => {
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(event) }));
  };
  const bus = await eventbridge.start({
    busName: eventBusName,
    region: REGION,
    accountId: ACCOUNT_ID,
    // With a data directory the archive survives a restart, so earlier days' events can be replayed.
    ...(options.dataDir ? { archive: { file: join(options.dataDir, 'eventbridge', 'archive.jsonl') } } : {}),
    rules: busRules.map((rule) => ({
      name: rule.name,
      pattern: rule.pattern,
      targetArn: queues.queueArn(rule.queue),
      deliver: toQueue(queues.queueUrl(rule.queue)),
    })),
    // A rule put at run time may target any queue of the local SQS (the ops CLI's tail queue): SQS finds
    // a queue by the last segment of its URL, the queue name the ARN ends with.
    targetOf: (arn) => {
      const name = /^arn:aws:sqs:[^:]*:[^:]*:([\w-]{1,80})$/.exec(arn)?.[1];
      return name ? toQueue(`${queues.url}/${ACCOUNT_ID}/${name}`) : undefined;
    },
  });
  stops.push(() => bus.stop());

  const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${name}`;
  const machines = await sfn.start({
    region: REGION,
    accountId: ACCOUNT_ID,
    stateMachines: Object.entries(app.stateMachines).map(([name, sm]) => ({
      name,
      type: sm.type,
      definition: substitute(readFileSync(resolve(sm.definitionFile), 'utf8'), sm.substitutions, {
        functionArn,
        stateMachineArn: (other) => {
          if (!(other in app.stateMachines)) {
            throw new Error(
              `State machine "${name}" substitutes state machine "${other}", which is not defined`,
            );
          }
          return stateMachineArn({ region: REGION, accountId: ACCOUNT_ID }, other);
        },
      }),
    })),
    functionArns: Object.fromEntries(Object.keys(app.functions).map((name) => [functionArn(name), name])),
    invoke,
  });
  stops.push(() => machines.stop());

  const secrets = localSecrets(options.dataDir);
  // External secrets (AWS: values ops put in) live in a local Secrets Manager that the functions call
  // at run time exactly as in AWS; values are put once the pieces they describe have started.
  const secretStore = await secretsmanager.start({ region: REGION, accountId: ACCOUNT_ID });
  stops.push(() => secretStore.stop());
  const externalSecretName = (name: string) => `${prefix}/${name}`;
  const generatedSecretName = (name: string) => `${prefix}/generated/${name}`;
  // Generated secrets live in the same local Secrets Manager, put before any function starts; the
  // functions get only the ARN and read the value at first use, as in AWS.
  for (const name of Object.keys(app.secrets ?? {}))
    secretStore.put(generatedSecretName(name), secrets(name));
  const locator = {
    tableName,
    eventBusName,
    queueUrl: (name: string) => queues.queueUrl(name),
    stateMachineArn: (name: string) => machines.stateMachineArn(name),
    secretArn: (name: string) => secretStore.arnOf(generatedSecretName(name)),
    // As the synth does, an external secret the definition does not declare is an error at start.
    externalSecretArn: (name: string) => {
      if (!app.externalSecrets?.[name])
        throw new Error(`A function uses external secret "${name}", which the definition does not declare`);
      return secretStore.arnOf(externalSecretName(name));
    },
    auth: { issuer: issuer.issuer, audience: issuer.clientId, jwksUrl: issuer.jwksUrl },
    // The local mail sink verifies no identity; a `.localhost` address cannot reach anyone by mistake.
    mail: { from: LOCAL_MAIL_FROM },
  };
  const proxy = options.countDynamoRequests ? await startCountingProxy(dynamo.endpoint) : undefined;
  if (proxy) stops.push(() => proxy.stop());
  const bundles = await buildFunctions(app, resolve(options.buildDir ?? '.local/build'));
  // Webhooks go to the API's Stripe route (`stripeWebhook`), which starts later; failed deliveries stay
  // listed at the local Stripe's /_local/deliveries.
  let webhookUrl = '';
  const payments = await stripe.start({ webhookUrl: () => webhookUrl });
  stops.push(() => payments.stop());
  // Exactly the JSON ops put in the AWS secret; where Stripe is reaches functions as an endpoint override.
  secretStore.put(externalSecretName('stripe'), JSON.stringify(stripeKeysSchema.parse(payments)));
  // Mail the functions send through SES v2 is kept here and shown at its URL; nothing is delivered.
  const mail = await ses.start();
  stops.push(() => mail.stop());
  const sdkEnvironment = {
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: proxy?.endpoint ?? dynamo.endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: bus.url,
    AWS_ENDPOINT_URL_SQS: queues.url,
    AWS_ENDPOINT_URL_SFN: machines.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretStore.url,
    AWS_ENDPOINT_URL_SESV2: mail.url,
    STRIPE_API_URL: payments.apiUrl,
    POWERTOOLS_LOG_LEVEL: options.logLevel ?? 'WARN',
    POWERTOOLS_DEV: 'true',
    TZ: 'UTC',
  };
  runtime = createRuntime(
    Object.entries(app.functions).map(([name, fn]) => ({
      name,
      file: bundles[name] as string,
      memoryMb: fn.memoryMb,
      timeoutSeconds: fn.timeoutSeconds,
      // A synchronous workflow's caller waits out the whole run in its instance, doing almost nothing:
      // with the default 4 it would cap every checkout at 4 at a time where AWS scales it out.
      ...(waitsOnExpress(app, fn) ? { maxInstances: SYNC_CALLER_INSTANCES } : {}),
      environment: {
        ...sdkEnvironment,
        AWS_LAMBDA_FUNCTION_NAME: name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
        ...functionEnvironment(app, fn, locator),
      },
    })),
    { region: REGION, accountId: ACCOUNT_ID },
  );
  const activeRuntime = runtime;
  stops.push(() => activeRuntime.stop());

  const stream = await pipes.start({
    endpoint: dynamo.endpoint,
    region: REGION,
    credentials,
    tableName,
    pipes: app.pipes,
    invoke,
  });
  stops.push(() => stream.stop());

  const timers = schedules.start({
    schedules: app.schedules ?? {},
    invoke,
    region: REGION,
    accountId: ACCOUNT_ID,
    ...(options.scheduleIntervalMs ? { intervalMs: options.scheduleIntervalMs } : {}),
  });
  stops.push(() => timers.stop());

  // The definition's limits, as a stage without `-c throttle=` overrides deploys them.
  const throttles = routeThrottles(app.routes, app.throttling).map(({ routeKey, rateLimit, burstLimit }) => ({
    routeKey,
    rateLimit,
    burstLimit,
  }));
  const api = await gateway.start({
    port: options.port ?? 3000,
    throttles,
    routes: app.routes,
    // Any origin locally, whatever a deployed stage lists: a storefront dev server runs on any port.
    ...(app.cors ? { cors: app.cors } : {}),
    invoke,
    auth: locator.auth,
    region: REGION,
    accountId: ACCOUNT_ID,
  });
  stops.push(() => api.stop());
  webhookUrl = `${api.url}/webhooks/stripe`;

  const info: CloudInfo = {
    apiUrl: api.url,
    region: REGION,
    accountId: ACCOUNT_ID,
    tableName,
    eventBusName,
    endpoints: {
      dynamodb: dynamo.endpoint,
      eventbridge: bus.url,
      sqs: queues.url,
      stepfunctions: machines.url,
      secretsmanager: secretStore.url,
      ses: mail.url,
      issuer: issuer.issuer,
      jwks: issuer.jwksUrl,
    },
    auth: { issuer: issuer.issuer, clientId: issuer.clientId },
    secretArns: Object.fromEntries(Object.keys(app.secrets ?? {}).map((n) => [n, locator.secretArn(n)])),
    stripe: {
      apiUrl: payments.apiUrl,
      publishableKey: payments.publishableKey,
      secretKey: payments.secretKey,
      webhookSecret: payments.webhookSecret,
    },
    stateMachines: Object.fromEntries(
      Object.keys(app.stateMachines).map((n) => [n, machines.stateMachineArn(n)]),
    ),
    paymentTimeoutSeconds: paymentTimeoutOf(app),
    queues: Object.fromEntries(
      Object.keys(app.queues).map((n) => [n, { url: queues.queueUrl(n), dlqUrl: queues.dlqUrl(n) }]),
    ),
    served: {
      functions: [...activeRuntime.functionNames].sort(),
      routes: gateway.servedRoutes(app.routes).sort((a, b) => a.routeKey.localeCompare(b.routeKey)),
      cors: app.cors ? gateway.servedCors(app.cors) : undefined,
      throttles: [...throttles].sort((a, b) => a.routeKey.localeCompare(b.routeKey)),
      stateMachines: Object.entries(app.stateMachines).map(([name, sm]) => ({
        name,
        type: sm.type,
        substitutions: { ...sm.substitutions },
      })),
      rules: busRules,
      schedules: Object.entries(app.schedules ?? {}).map(([name, sc]) => ({
        name,
        rate: sc.rate,
        function: sc.function,
      })),
      pipes: Object.entries(app.pipes).map(([name, p]) => ({
        name,
        filter: p.filter,
        target: p.target,
        batchSize: p.batchSize,
      })),
    },
    tokens: {
      customer: await issuer.mintToken({ email: 'customer@example.com', expiresInSeconds: 12 * 3600 }),
      admin: await issuer.mintToken({
        email: 'admin@example.com',
        groups: ['admin'],
        expiresInSeconds: 12 * 3600,
      }),
    },
  };
  return {
    info,
    invoke,
    dynamo,
    ...(proxy ? { dynamoTally: proxy } : {}),
    mintToken: (claims) => issuer.mintToken(claims),
    deliveredEvents: (rule) => bus.deliveredEvents(rule),
    stop: stopAll,
  };
};
