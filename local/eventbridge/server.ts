import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBodyText } from '../net/read-body.ts';
import { type Archive, type ArchiveOptions, createArchive } from './archive.ts';
import { AwsError } from './aws-error.ts';
import { type Bus, busArn } from './bus.ts';
import {
  type BusRule,
  createRouter,
  type DeliveryOptions,
  type FailedDelivery,
  type Router,
} from './delivery.ts';
import { describeEventBus } from './describe-event-bus.ts';
import type { EventBridgeEvent } from './event.ts';
import { DEFAULT_MAX_REQUEST_BYTES, putEvents } from './put-events.ts';
import { replayOperations } from './replays.ts';
import { ruleOperations, type TargetOf } from './rules-api.ts';
import { testEventPattern } from './test-event-pattern.ts';

export interface StartOptions extends DeliveryOptions {
  /** 0 or absent: a free port. The server only listens on 127.0.0.1. */
  readonly port?: number;
  readonly busName: string;
  readonly region: string;
  readonly accountId: string;
  readonly rules: readonly BusRule[];
  /** Limit on the summed entry sizes of one PutEvents call. Default 1 MiB, as AWS. */
  readonly maxRequestBytes?: number;
  /** The bus's archive (every event, for replay); default `<busName>-archive`, kept in memory. */
  readonly archive?: Partial<ArchiveOptions>;
  /**
   * Delivery to a target ARN no defined rule names (a queue created at run time, as the ops CLI's
   * `events tail` makes); undefined refuses it. Default: only the defined rules' targets.
   */
  readonly targetOf?: TargetOf;
}

/** A running local EventBridge endpoint. */
export interface LocalEventBridge {
  /** `http://127.0.0.1:<port>`: the endpoint SDK clients point at. */
  readonly url: string;
  readonly busName: string;
  readonly busArn: string;
  /** Stops listening, then waits for deliveries in flight. */
  stop(): Promise<void>;
  /** Every event put on the bus, or with a rule name the events routed to that rule (newest 1000). */
  deliveredEvents(ruleName?: string): EventBridgeEvent[];
  /** Target invocations that failed every attempt. */
  failedDeliveries(ruleName?: string): FailedDelivery[];
  /** Resolves once every delivery started so far has succeeded or failed for good. */
  settled(): Promise<void>;
}

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'AWSEvents.';
// Well above any valid PutEvents call; stops a runaway client from filling memory.
const MAX_BODY_BYTES = 8 * 1024 * 1024;

type Operation = (input: Readonly<Record<string, unknown>>) => unknown;

const readBody = async (request: IncomingMessage): Promise<string> => {
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (body === undefined) throw new AwsError('RequestEntityTooLargeException', 'Request is too large.', 413);
  return body;
};

const parseInput = (body: string): Record<string, unknown> => {
  try {
    const input: unknown = body.trim() === '' ? {} : JSON.parse(body);
    if (typeof input === 'object' && input !== null && !Array.isArray(input))
      return input as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AwsError('SerializationException', 'The request body is not a JSON object.');
};

const send = (response: ServerResponse, status: number, body: unknown, errorType?: string): void => {
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers).end(JSON.stringify(body));
};

const handle = async (
  operations: Readonly<Record<string, Operation>>,
  request: IncomingMessage,
  response: ServerResponse,
) => {
  try {
    const target = request.headers['x-amz-target'];
    const name =
      typeof target === 'string' && target.startsWith(TARGET_PREFIX)
        ? target.slice(TARGET_PREFIX.length)
        : '';
    const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
    const body = await readBody(request);
    if (!operation)
      throw new AwsError(
        'UnknownOperationException',
        `The local EventBridge does not implement ${String(target)}.`,
      );
    send(response, 200, operation(parseInput(body)));
  } catch (error) {
    if (error instanceof AwsError) {
      send(response, error.statusCode, { __type: error.code, message: error.message }, error.code);
      return;
    }
    console.error('[eventbridge] internal error', error);
    send(
      response,
      500,
      { __type: 'InternalException', message: 'Internal error in the local EventBridge.' },
      'InternalException',
    );
  }
};

/**
 * `GET /_local/events[?detail-type=…][&source=…][&rule=…]`: the newest events the bus received (up to its
 * history limit), oldest first — a local-only read-out, as the AWS console's event archive would show
 * them. With `rule`, the events routed to that rule, replayed ones (with their `replay-name`) included.
 */
const inspectEvents = (router: Router, request: IncomingMessage, response: ServerResponse): void => {
  const query = new URL(request.url ?? '/', 'http://local').searchParams;
  const detailType = query.get('detail-type');
  const source = query.get('source');
  const rule = query.get('rule');
  let routed: EventBridgeEvent[];
  try {
    // A rule deleted since (a replay's temporary copy) keeps what it was routed.
    routed = router.delivered(rule ?? undefined);
  } catch {
    response
      .writeHead(404, { 'content-type': 'application/json' })
      .end(JSON.stringify({ message: `No rule ${rule}` }));
    return;
  }
  const events = routed.filter(
    (e) => (!detailType || e['detail-type'] === detailType) && (!source || e.source === source),
  );
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ events }));
};

/** The operations the endpoint answers, keyed by the `X-Amz-Target` suffix. */
const operationsFor = (
  bus: Bus,
  router: Router,
  archive: Archive,
  maxRequestBytes: number,
  targetOf: TargetOf | undefined,
): Record<string, Operation> => {
  const context = { bus, maxRequestBytes, now: () => new Date(), newId: randomUUID };
  return {
    PutEvents: (input) => {
      const { response, events } = putEvents(input, context);
      for (const event of events) {
        archive.append(event);
        router.route(event);
      }
      return response;
    },
    ...replayOperations(bus, archive, router),
    ...ruleOperations(bus, router, targetOf),
    TestEventPattern: testEventPattern,
    DescribeEventBus: (input) => describeEventBus(input, bus),
  };
};

const listen = async (server: Server, port: number): Promise<number> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
};

const close = (server: Server): Promise<void> =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    // The SDK keeps connections alive; without this, close waits for them to time out.
    server.closeAllConnections();
  });

/**
 * Starts the local EventBridge: one bus with its archive, the given rules, and the JSON 1.1 API the AWS
 * SDK speaks (PutEvents, TestEventPattern, DescribeEventBus, the rule and target calls, archives and
 * replays). Rule patterns are validated before it listens.
 */
export const start = async (options: StartOptions): Promise<LocalEventBridge> => {
  const router = createRouter(options.rules, options);
  const { busName, region, accountId } = options;
  const bus: Bus = {
    name: busName,
    arn: busArn(region, accountId, busName),
    region,
    accountId,
    createdAt: new Date(),
  };
  const archive = createArchive({ name: `${busName}-archive`, ...options.archive });
  const operations = operationsFor(
    bus,
    router,
    archive,
    options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    options.targetOf,
  );
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.startsWith('/_local/events')) {
      inspectEvents(router, request, response);
      return;
    }
    void handle(operations, request, response);
  });
  const port = await listen(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}`,
    busName: bus.name,
    busArn: bus.arn,
    stop: async () => {
      await close(server);
      await router.settled();
    },
    deliveredEvents: (ruleName) => router.delivered(ruleName),
    failedDeliveries: (ruleName) => router.failures(ruleName),
    settled: () => router.settled(),
  };
};
