import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError } from '../net/aws-error.ts';
import { readBodyText } from '../net/read-body.ts';
import { createSecretStore, type SecretStore } from './secrets.ts';

export interface StartOptions {
  /** 0 or absent: a free port. The server only listens on 127.0.0.1. */
  readonly port?: number;
  readonly region: string;
  readonly accountId: string;
}

/** A running local Secrets Manager endpoint (`AWS_ENDPOINT_URL_SECRETS_MANAGER`). */
export interface LocalSecretsManager {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The full ARN a secret has (or will have once put), stable for the endpoint's life. */
  arnOf(name: string): string;
  /** Creates the secret or makes `value` its current version. */
  put(name: string, value: string): void;
  stop(): Promise<void>;
}

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const TARGET = 'secretsmanager.GetSecretValue';
// GetSecretValue's input is a SecretId and two optional version fields.
const MAX_BODY_BYTES = 64 * 1024;

const readJson = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (body === undefined) throw new AwsError('InvalidRequestException', 'Request is too large.');
  try {
    const input: unknown = JSON.parse(body || '{}');
    if (typeof input === 'object' && input !== null && !Array.isArray(input))
      return input as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AwsError('SerializationException', 'The request body is not a JSON object.');
};

/** GetSecretValue of the current version, answered with the fields Secrets Manager returns. */
const getSecretValue = (store: SecretStore, input: Record<string, unknown>) => {
  const id = input.SecretId;
  if (typeof id !== 'string' || id.length === 0 || id.length > 2048)
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value at 'secretId' failed to satisfy constraint: Member must have length between 1 and 2048",
    );
  const secret = store.find(id);
  if (!secret)
    throw new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  return {
    ARN: secret.arn,
    Name: secret.name,
    SecretString: secret.value,
    VersionId: secret.versionId,
    VersionStages: ['AWSCURRENT'],
    // The JSON protocol sends timestamps as epoch seconds.
    CreatedDate: secret.createdDate.getTime() / 1000,
  };
};

const send = (response: ServerResponse, status: number, body: unknown, errorType?: string) => {
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers).end(JSON.stringify(body));
};

const handle = async (store: SecretStore, request: IncomingMessage, response: ServerResponse) => {
  try {
    const target = request.headers['x-amz-target'];
    const input = await readJson(request);
    if (request.method !== 'POST' || target !== TARGET)
      throw new AwsError(
        'UnknownOperationException',
        `The local Secrets Manager implements only GetSecretValue, not ${String(target)}.`,
      );
    send(response, 200, getSecretValue(store, input));
  } catch (error) {
    if (error instanceof AwsError) {
      send(response, error.statusCode, { __type: error.code, message: error.message }, error.code);
      return;
    }
    console.error('[secretsmanager] internal error', error);
    send(
      response,
      500,
      { __type: 'InternalServiceError', message: 'Internal error.' },
      'InternalServiceError',
    );
  }
};

/**
 * Starts a local Secrets Manager that answers GetSecretValue (JSON 1.1 protocol) for the secrets put
 * into it: what functions call at run time for external secrets such as the Stripe keys.
 */
export const start = async (options: StartOptions): Promise<LocalSecretsManager> => {
  const store = createSecretStore(options.region, options.accountId);
  const server = createServer((request, response) => void handle(store, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    arnOf: (name) => store.arnOf(name),
    put: (name, value) => {
      store.put(name, value);
    },
    stop: () => {
      stopping ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopping;
    },
  };
};
