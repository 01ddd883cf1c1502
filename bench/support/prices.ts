// AWS on-demand list prices the cost model multiplies by (USD). Prices as of 2026-11, us-east-1; check
// https://aws.amazon.com/<service>/pricing/ (lambda, api-gateway, dynamodb, step-functions, eventbridge,
// sqs, secrets-manager) before quoting a figure. Free tiers are ignored.
export const PRICES_AS_OF =
  'prices as of 2026-11, us-east-1 on-demand (check https://aws.amazon.com/<service>/pricing/)';

export const PRICES = {
  /** Lambda duration per GB-second; the stack deploys arm64 (infra/function.ts). */
  lambdaGbSecondArm64: 0.0000133334,
  lambdaGbSecondX86: 0.0000166667,
  lambdaRequest: 0.2 / 1e6,
  /** API Gateway HTTP API, first 300 M requests a month. */
  httpApiRequest: 1.0 / 1e6,
  /** DynamoDB on-demand after the November 2024 price cut. */
  dynamoWriteRequestUnit: 0.625 / 1e6,
  dynamoReadRequestUnit: 0.125 / 1e6,
  stepFunctionsStandardTransition: 0.025 / 1000,
  stepFunctionsExpressRequest: 1.0 / 1e6,
  /** Express duration, billed per 100 ms in 64 MB steps. */
  stepFunctionsExpressGbSecond: 0.00001667,
  eventBridgeCustomEvent: 1.0 / 1e6,
  /** EventBridge Pipes, per request after filtering (64 KB chunks). */
  pipesRequest: 0.4 / 1e6,
  sqsRequest: 0.4 / 1e6,
  secretsManagerCall: 0.05 / 10_000,
} as const;
