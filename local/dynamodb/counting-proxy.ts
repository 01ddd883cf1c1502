import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What went to DynamoDB through the proxy: requests per operation and capacity consumed. */
export interface DynamoTally {
  requests: number;
  byOperation: Record<string, number>;
  readCapacity: number;
  writeCapacity: number;
  capacity: number;
}

export interface CountingProxy {
  readonly endpoint: string;
  /** A copy of the tally so far. */
  snapshot(): DynamoTally;
  reset(): void;
  stop(): Promise<void>;
}

const empty = (): DynamoTally => ({
  requests: 0,
  byOperation: {},
  readCapacity: 0,
  writeCapacity: 0,
  capacity: 0,
});

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * A measuring proxy in front of DynamoDB Local for benchmarks: counts every request by operation and
 * asks DynamoDB for `ReturnConsumedCapacity: TOTAL` so capacity can be summed. Handlers are unchanged:
 * their endpoint variable simply points here.
 */
export const startCountingProxy = async (target: string): Promise<CountingProxy> => {
  const upstream = new URL(target);
  let tally = empty();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'Unknown';
      tally.requests++;
      tally.byOperation[operation] = (tally.byOperation[operation] ?? 0) + 1;
      let body = Buffer.concat(chunks);
      try {
        const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        if (!('ReturnConsumedCapacity' in parsed) && operation !== 'DescribeTable') {
          parsed.ReturnConsumedCapacity = 'TOTAL';
          body = Buffer.from(JSON.stringify(parsed));
        }
      } catch {
        // Not JSON: forward untouched.
      }
      // The SDK signs requests; DynamoDB Local does not verify signatures, so a changed body is fine.
      const headers = { ...req.headers, 'content-length': String(body.length), host: upstream.host };
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
        (up) => {
          const out: Buffer[] = [];
          up.on('data', (c: Buffer) => out.push(c));
          up.on('end', () => {
            const response = Buffer.concat(out);
            try {
              const parsed = JSON.parse(response.toString('utf8')) as {
                ConsumedCapacity?: Consumed | Consumed[];
              };
              for (const c of [parsed.ConsumedCapacity ?? []].flat()) {
                tally.capacity += c.CapacityUnits ?? 0;
                tally.readCapacity += c.ReadCapacityUnits ?? 0;
                tally.writeCapacity += c.WriteCapacityUnits ?? 0;
              }
            } catch {
              // Not JSON: nothing to count.
            }
            res.writeHead(up.statusCode ?? 500, up.headers);
            res.end(response);
          });
        },
      );
      forward.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    snapshot: () => structuredClone(tally),
    reset: () => {
      tally = empty();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
