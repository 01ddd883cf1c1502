import { Names, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { gatewayAuthorizes } from '#platform/definition/access.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import type { Auth } from '../auth.ts';
import { deadLetterQueues } from '../dead-letter-alarms.ts';
import type { Functions } from '../functions.ts';
import type { CommerceHttpApi } from '../http-api.ts';
import { primaryResource } from '../naming.ts';
import type { Pipes } from '../pipes.ts';
import type { Queues } from '../queues.ts';
import type { Rules } from '../rules.ts';
import type { Schedules } from '../schedules.ts';
import type { Secrets } from '../secrets.ts';
import type { StateMachines } from '../state-machines.ts';
import type { CommerceTable } from '../table.ts';

/** What one stack built of the definition's entries (the root stack or a group's nested stack). */
export interface NagParts {
  readonly functions?: Functions;
  readonly queues?: Queues;
  readonly rules?: Rules;
  readonly stateMachines?: StateMachines;
  readonly pipes?: Pipes;
  readonly schedules?: Schedules;
}

/** What the acknowledgements look at: the stack's parts (the stack passes itself). */
export interface NagSubject {
  readonly definition: AppDefinition;
  readonly table: CommerceTable;
  /** The root stack's functions. */
  readonly functions: Functions;
  /** Each nested stack's parts. */
  readonly groups: readonly NagParts[];
  readonly secrets: Secrets;
  readonly auth: Auth;
  readonly httpApi: CommerceHttpApi;
}

/**
 * Every cdk-nag finding the stack accepts, in one place. Each is acknowledged on the single resource it
 * is about (never on the stack), and IAM wildcard findings name the exact wildcard they accept
 * (`AwsSolutions-IAM5[Resource::*]`), so a new wildcard elsewhere still fails the synth.
 */
export const REASONS = {
  lambdaOutsideVpc:
    'The functions call only AWS public endpoints (DynamoDB, EventBridge, SQS, Step Functions, Secrets ' +
    'Manager) over TLS with IAM auth, and Stripe over the internet; there is no VPC-only resource to reach. ' +
    'Card data never reaches the backend (Stripe.js confirms on the client, SAQ-A), so there is no ' +
    'cardholder-data network to segment; a VPC would add NAT gateways without reducing exposure.',
  lambdaNoDlq:
    'The function is only invoked synchronously (API Gateway, SQS event source, Pipe with ' +
    'REQUEST_RESPONSE, Step Functions lambda:invoke); a Lambda DLQ only applies to asynchronous invokes. ' +
    'Failures surface to the caller or go to the SQS/Pipe dead-letter queues. The one asynchronous caller, ' +
    'a definition schedule, runs idempotent sweeps: the next tick redoes a failed run, so a Lambda DLQ ' +
    'would only collect stale ticks.',
  xray: 'xray:PutTraceSegments/PutTelemetryRecords do not support resource-level permissions (AWS X-Ray IAM docs).',
  tableIndexes:
    "Query access to this table's own GSIs (`<table arn>/index/*`): the wildcard covers only indexes of " +
    'the one table, all of which the definition declares.',
  inlinePolicy:
    'The policy is the CDK-generated least-privilege policy of exactly one role, reviewed as code and ' +
    'deleted with the role; it is not attached to users or groups, which is what PCI DSS 7.1.2 targets.',
  stateMachineLogDelivery:
    'CloudWatch Logs vended-log delivery (logs:*LogDelivery*, resource policies) and X-Ray actions do not ' +
    'support resource-level permissions; Step Functions needs them to log ALL and trace.',
  publicRoute:
    'Public storefront route (catalog browsing, health, 404 catch-all): no identity is needed to call it; ' +
    'it is throttled per route (its own token bucket) and the handler validates all input.',
  optionalRoute:
    'Route open to guests and customers alike (e.g. a cart a guest proves with its cart token): an HTTP ' +
    'API JWT authorizer cannot be optional, so the function verifies a presented bearer token itself ' +
    "against the user pool's issuer, client and JWKS, and answers 401 when it fails. Throttled per " +
    'route; the handler validates all input.',
  sqsEventSourceDestination:
    'SQS event source mappings do not support on-failure destinations; a message that keeps failing moves ' +
    "to the queue's dead-letter queue after maxReceiveCount (redrive policy).",
  deadLetterQueue:
    'This queue is itself a dead-letter queue (of a queue, an EventBridge target or a Pipe); giving it ' +
    'another DLQ would only move the failed messages once more. Operators inspect and redrive it.',
  secretRotation:
    'An HMAC key the functions read at run time (only its ARN is in their environment) and cache for 5 ' +
    'minutes, so a new value reaches every function within 5 minutes, without a deploy. No schedule: ' +
    'rotating invalidates outstanding pagination cursors (cursorKey), and is done by ops when a key may ' +
    'have leaked (put a new random value, see docs/deploy.md). Guest order tokens already issued stay ' +
    'valid (orders keep a hash of the token, not the key).',
  externalSecretRotation:
    "The secret holds a provider's keys (Stripe), which only the provider can roll (dashboard key roll); " +
    'ops put the new value in and functions pick it up within their 5-minute cache, without a deploy. ' +
    'A Secrets Manager rotation Lambda cannot create provider keys.',
  webhookRoute:
    'Provider webhook (Stripe): the provider cannot present a JWT. The handler verifies the signature of ' +
    'the raw body with the webhook secret (HMAC-SHA256, 5-minute tolerance) before any effect, answers 400 ' +
    'otherwise, and de-duplicates by event id. Throttled on its own route limit, apart from shoppers.',
  optionalMfa:
    'Customers sign themselves up; MFA is offered (TOTP) but not forced, since forcing it loses shoppers at ' +
    'sign-up. Plus-tier threat protection enforces risk-based challenges on suspicious sign-ins instead.',
} as const;

/** Acknowledges on the CloudFormation resource itself, so nothing else in the construct is covered. */
const acknowledge = (construct: IConstruct | undefined, id: string, reason: string): void => {
  if (!construct) throw new Error(`Nothing to acknowledge ${id} on: the construct does not exist`);
  Validations.of(primaryResource(construct)).acknowledge({ id, reason });
};

/** The policy CDK grants write into (`<role>/DefaultPolicy`). */
const defaultPolicy = (role: IConstruct): IConstruct | undefined => role.node.tryFindChild('DefaultPolicy');

/** Applies every acknowledgement; called once, after the whole stack is built. */
export const acknowledgeNagFindings = (stack: NagSubject): void => {
  for (const parts of [{ functions: stack.functions }, ...stack.groups]) acknowledgeParts(stack, parts);
  for (const route of stack.definition.routes.filter((r) => !gatewayAuthorizes(r.access))) {
    const reason =
      route.access === 'optional'
        ? REASONS.optionalRoute
        : route.path.startsWith('/webhooks/')
          ? REASONS.webhookRoute
          : REASONS.publicRoute;
    acknowledge(stack.httpApi.routeFor(route), 'AwsSolutions-APIG4', reason);
  }
  for (const [, secret] of stack.secrets.entries())
    acknowledge(secret, 'AwsSolutions-SMG4', REASONS.secretRotation);
  for (const [, secret] of stack.secrets.externalEntries())
    acknowledge(secret, 'AwsSolutions-SMG4', REASONS.externalSecretRotation);
  acknowledge(stack.auth.userPool, 'AwsSolutions-COG2', REASONS.optionalMfa);
};

/**
 * The findings on `<table arn>/index/*` in `policy`. Checked on the construct tree (`validateScope`), the
 * ARN reads as the table's `Fn::GetAtt`; checked on the synthesized template of a nested stack (the synth
 * plugins), as the parameter CDK passes it in (`referenceto<unique id of the table>Arn`).
 */
const indexWildcards = (table: CommerceTable, policy: IConstruct): string[] => {
  const resource = primaryResource(table.table);
  const finding = (arn: string) => `AwsSolutions-IAM5[Resource::<${arn}>/index/*]`;
  const own = finding(`${Stack.of(resource).resolve(resource.logicalId)}.Arn`);
  return Stack.of(policy) === Stack.of(resource)
    ? [own]
    : [own, finding(`referenceto${Names.uniqueId(resource)}Arn`)];
};

/** The acknowledgements on what one stack built of the definition's entries. */
const acknowledgeParts = (stack: NagSubject, parts: NagParts): void => {
  for (const [, f] of parts.functions?.entries() ?? []) {
    acknowledge(f.fn, 'PCI.DSS.321-LambdaInsideVPC', REASONS.lambdaOutsideVpc);
    acknowledge(f.fn, 'Serverless-LambdaDLQ', REASONS.lambdaNoDlq);
    for (const esm of f.fn.node.children.filter((c) => c.node.id.startsWith('SqsEventSource:'))) {
      acknowledge(esm, 'Serverless-LambdaEventSourceMappingDestination', REASONS.sqsEventSourceDestination);
    }
  }
  // Once per role: a role shared by route-only functions has one policy, holding what all of them use.
  for (const { role, functions } of parts.functions?.roles() ?? []) {
    const policy = defaultPolicy(role);
    acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', REASONS.xray);
    acknowledge(policy, 'PCI.DSS.321-IAMNoInlinePolicy', REASONS.inlinePolicy);
    if (policy && functions.some((name) => stack.definition.functions[name]?.uses?.table))
      for (const id of indexWildcards(stack.table, policy)) acknowledge(policy, id, REASONS.tableIndexes);
  }
  for (const [, sm] of parts.stateMachines?.entries() ?? []) {
    const policy = defaultPolicy(sm.role);
    acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', REASONS.stateMachineLogDelivery);
    acknowledge(policy, 'PCI.DSS.321-IAMNoInlinePolicy', REASONS.inlinePolicy);
  }
  for (const [, pipe] of parts.pipes?.entries() ?? []) {
    acknowledge(defaultPolicy(pipe.role), 'PCI.DSS.321-IAMNoInlinePolicy', REASONS.inlinePolicy);
  }
  for (const [, dlq] of deadLetterQueues(parts))
    acknowledge(dlq, 'Serverless-SQSRedrivePolicy', REASONS.deadLetterQueue);
  // A queue's own DLQ is recognised by the rule through the redrive policy; target and pipe DLQs are not.
  for (const [, r] of parts.rules?.entries() ?? [])
    acknowledge(r.deadLetterQueue, 'AwsSolutions-SQS3', REASONS.deadLetterQueue);
  for (const [, p] of parts.pipes?.entries() ?? [])
    acknowledge(p.deadLetterQueue, 'AwsSolutions-SQS3', REASONS.deadLetterQueue);
  for (const [, q] of parts.schedules?.entries() ?? [])
    acknowledge(q, 'AwsSolutions-SQS3', REASONS.deadLetterQueue);
};
