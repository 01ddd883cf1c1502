// What crosses the local cloud's wires, recorded from Node's HTTP diagnostics channels in this process:
// the local cloud runs its servers, its DynamoDB counting proxy and its SQS pollers here, so every
// request they make or answer is seen without changing local/. Measurement only.
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { instanceIn } from './instances.ts';

/** One outgoing request of this process (the counting proxy's forward, an SQS poll, a bus delivery). */
export interface ClientCall {
  readonly port: number;
  /** The `X-Amz-Target` suffix, e.g. `GetItem`, `ReceiveMessage`. */
  readonly operation: string;
  readonly start: number;
  end: number;
  /** DynamoDB: `ConsumedCapacity` units the response reported. */
  capacity: number;
  /** SQS ReceiveMessage: how many messages came back. */
  messages: number;
  /** The Lambda instance that asked (`instances.ts`), `''` when unknown. */
  readonly instance: string;
}

/** One request a local server of this process answered (the gateway, Step Functions, …). */
export interface ServerCall {
  readonly port: number;
  readonly method: string;
  readonly path: string;
  readonly operation: string;
  readonly start: number;
  end: number;
  /** The HTTP status answered. */
  status: number;
  /** Request and answer bodies: kept only for the operations `wire.keepBodies` names. */
  body?: string;
  answer?: string;
}

const portOf = (url: string) => Number(new URL(url).port);
const targetOf = (value: unknown) =>
  String(value ?? '')
    .split('.')
    .at(-1) ?? '';

const clientCalls: ClientCall[] = [];
const serverCalls: ServerCall[] = [];
const openClient = new WeakMap<ClientRequest, ClientCall>();
const openServer = new WeakMap<IncomingMessage, ServerCall>();
/** Operations whose bodies a server call keeps (none unless a bench asks: copying costs time). */
let keptBodies: ReadonlySet<string> = new Set();

/** Copies a request's body as its parser pushes it, and the answer its handler ends with. */
const keepBodies = (call: ServerCall, request: IncomingMessage, response: ServerResponse) => {
  const chunks: Buffer[] = [];
  const push = request.push.bind(request);
  request.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk === null) call.body = Buffer.concat(chunks).toString('utf8');
    else chunks.push(Buffer.from(chunk));
    return push(chunk, encoding);
  };
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.end = ((...args: unknown[]) => {
    const [data] = args;
    if (typeof data === 'string' || Buffer.isBuffer(data)) call.answer = data.toString();
    return end(...args);
  }) as ServerResponse['end'];
};

/** Parses what a response body says about capacity (DynamoDB) and messages (SQS). */
const readBody = (call: ClientCall, body: string) => {
  try {
    const parsed = JSON.parse(body) as {
      ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
      Messages?: unknown[];
    };
    for (const c of [parsed.ConsumedCapacity ?? []].flat()) call.capacity += c.CapacityUnits ?? 0;
    call.messages = parsed.Messages?.length ?? 0;
  } catch {
    // Not JSON (an error page): nothing to read.
  }
};

subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  const host = String(request.getHeader('host') ?? '');
  const call: ClientCall = {
    port: Number(host.split(':')[1] ?? 80),
    operation: targetOf(request.getHeader('x-amz-target')),
    start: performance.now(),
    end: Number.NaN,
    capacity: 0,
    messages: 0,
    instance: instanceIn(request.getHeader('x-amzn-trace-id')),
  };
  openClient.set(request, call);
  clientCalls.push(call);
});

subscribe('http.client.response.finish', (message) => {
  const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
  const call = openClient.get(request);
  if (!call) return;
  // The body is copied as the parser pushes it: listening for 'data' would start the stream flowing
  // before its reader (an SDK) listens, and lose chunks for it.
  const chunks: Buffer[] = [];
  const push = response.push.bind(response);
  response.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk === null) {
      call.end = performance.now();
      readBody(call, Buffer.concat(chunks).toString('utf8'));
    } else chunks.push(Buffer.from(chunk));
    return push(chunk, encoding);
  };
});

subscribe('http.server.request.start', (message) => {
  const { request, response, server } = message as {
    request: IncomingMessage;
    response: ServerResponse;
    server: Server;
  };
  const address = server.address() as AddressInfo | null;
  const call: ServerCall = {
    port: address?.port ?? 0,
    method: request.method ?? '',
    path: (request.url ?? '').split('?')[0] ?? '',
    operation: targetOf(request.headers['x-amz-target']),
    start: performance.now(),
    end: Number.NaN,
    status: 0,
  };
  if (keptBodies.has(call.operation)) keepBodies(call, request, response);
  openServer.set(request, call);
  serverCalls.push(call);
});

subscribe('http.server.response.finish', (message) => {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  const call = openServer.get(request);
  if (!call) return;
  call.end = performance.now();
  call.status = response.statusCode;
});

/** Where the local cloud's pieces listen, to tell their traffic apart. */
export interface Ports {
  readonly dynamodb: number;
  readonly sqs: number;
  readonly gateway: number;
  readonly stepfunctions: number;
  readonly secretsmanager: number;
}

/** The ports of a started local cloud's pieces. */
export const portsOf = (info: { apiUrl: string; endpoints: Record<string, string> }): Ports => ({
  dynamodb: portOf(info.endpoints.dynamodb ?? ''),
  sqs: portOf(info.endpoints.sqs ?? ''),
  gateway: portOf(info.apiUrl),
  stepfunctions: portOf(info.endpoints.stepfunctions ?? ''),
  secretsmanager: portOf(info.endpoints.secretsmanager ?? ''),
});

/** What was recorded since `mark()`: read it with `since(mark)`. */
export const wire = {
  mark: () => ({ client: clientCalls.length, server: serverCalls.length }),
  since: (mark: { client: number; server: number }) => ({
    client: clientCalls.slice(mark.client),
    server: serverCalls.slice(mark.server),
  }),
  /**
   * Keep the request and answer bodies of server calls of these operations (`X-Amz-Target` suffixes),
   * e.g. the writes the counting proxy receives from the functions. Off by default.
   */
  keepBodies: (operations: readonly string[]) => {
    keptBodies = new Set(operations);
  },
};

/**
 * The functions' DynamoDB requests among client calls: the counting proxy forwards them to DynamoDB
 * Local's port (the stream pipes read it too, but with `DynamoDBStreams_*` targets, filtered out).
 */
export const dynamoCalls = (calls: readonly ClientCall[], ports: Ports) =>
  calls.filter(
    (c) =>
      c.port === ports.dynamodb &&
      c.operation !== '' &&
      !/^(GetRecords|GetShardIterator|DescribeStream|ListStreams)$/.test(c.operation),
  );
