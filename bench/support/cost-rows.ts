// Prices a window's usage: one row per billed component, its count per unit of work, unit price, and
// dollars per 1,000 units of work (orders, or calls of one operation).

import type { Usage } from './cost-usage.ts';
import { PRICES } from './prices.ts';

/** One billed component: what it counts, how much per unit of work, at what price. */
export interface PricedRow {
  readonly component: string;
  readonly count: number;
  readonly price: number;
  readonly unit: string;
}

const M = 1e6;

/** The usage of a window priced per unit of work, `per` units of work having been done in it. */
export const pricedRows = (u: Usage, per: number): PricedRow[] => {
  const row = (component: string, total: number, price: number, unit: string): PricedRow => ({
    component,
    count: total / per,
    price,
    unit,
  });
  return [
    row(
      'API Gateway HTTP API requests',
      u.apiRequests,
      PRICES.httpApiRequest,
      `$${PRICES.httpApiRequest * M} / 1M`,
    ),
    row('Lambda requests', u.lambdaRequests, PRICES.lambdaRequest, `$${PRICES.lambdaRequest * M} / 1M`),
    row(
      'Lambda GB-s (arm64, measured local duration)',
      u.lambdaGbS,
      PRICES.lambdaGbSecondArm64,
      `$${PRICES.lambdaGbSecondArm64} / GB-s`,
    ),
    row(
      'DynamoDB write request units',
      u.wru,
      PRICES.dynamoWriteRequestUnit,
      `$${PRICES.dynamoWriteRequestUnit * M} / 1M`,
    ),
    row(
      'DynamoDB read request units',
      u.rru,
      PRICES.dynamoReadRequestUnit,
      `$${PRICES.dynamoReadRequestUnit * M} / 1M`,
    ),
    row(
      'Step Functions Express requests',
      u.expressRequests,
      PRICES.stepFunctionsExpressRequest,
      `$${PRICES.stepFunctionsExpressRequest * M} / 1M`,
    ),
    row(
      'Step Functions Express GB-s (64 MB, 100 ms steps)',
      u.expressGbS,
      PRICES.stepFunctionsExpressGbSecond,
      `$${PRICES.stepFunctionsExpressGbSecond} / GB-s`,
    ),
    row(
      'Step Functions Standard transitions',
      u.standardTransitions,
      PRICES.stepFunctionsStandardTransition,
      `$${PRICES.stepFunctionsStandardTransition * 1000} / 1K`,
    ),
    row(
      'EventBridge custom events',
      u.events,
      PRICES.eventBridgeCustomEvent,
      `$${PRICES.eventBridgeCustomEvent * M} / 1M`,
    ),
    row(
      'EventBridge Pipes requests (records after filter)',
      u.pipeRecords,
      PRICES.pipesRequest,
      `$${(PRICES.pipesRequest * M).toFixed(2)} / 1M`,
    ),
    row(
      'SQS requests (send, non-empty receive, delete)',
      u.sqsBilled,
      PRICES.sqsRequest,
      `$${(PRICES.sqsRequest * M).toFixed(2)} / 1M`,
    ),
    row(
      'Secrets Manager calls (cached 5 min)',
      u.secrets,
      PRICES.secretsManagerCall,
      `$${PRICES.secretsManagerCall * 10_000} / 10K`,
    ),
  ];
};

/** Dollars per 1,000 units of work. */
export const per1000 = (rows: readonly PricedRow[]) => rows.reduce((n, r) => n + r.count * r.price * 1000, 0);

/** `$0.1234`, or five decimals below a cent. */
export const usd = (n: number) => `$${n.toFixed(n < 0.01 ? 5 : 4)}`;
