import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { stageSettings } from '#infra/stage.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import { fixtureDefinition, richPattern } from './fixtures/definition.ts';
import { logicalIdOf, onlyLogicalIdOf, synthesize } from './support.ts';

// What the real definition does not (yet) use: every pattern operator, queues and state machines in
// `uses`, task tokens, EXPRESS machines, batching windows, several GSIs.
describe('stack built from the fixture definition', () => {
  const { template } = synthesize(fixtureDefinition);
  const fnProps = (name: string) =>
    template.toJSON().Resources[logicalIdOf(template, 'AWS::Lambda::Function', name)].Properties;
  const statementsOf = (fn: string) =>
    Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: fnProps(fn).Role['Fn::GetAtt'][0] }] },
      }),
    ).flatMap((p) => p.Properties.PolicyDocument.Statement);

  it('passes every pattern operator through to the rule unchanged', () => {
    const rule = template.toJSON().Resources[logicalIdOf(template, 'AWS::Events::Rule', 'everything')];
    expect(rule.Properties.EventPattern).toStrictEqual(richPattern);
  });

  it('puts queue URLs and state machine ARNs in the environment', () => {
    expect(fnProps('api').Environment.Variables).toMatchObject({
      QUEUE_URL_ORDER_EVENTS: { Ref: logicalIdOf(template, 'AWS::SQS::Queue', 'orderEvents') },
      STATE_MACHINE_ARN_WORK: { Ref: logicalIdOf(template, 'AWS::StepFunctions::StateMachine', 'work') },
      EVENT_BUS_NAME: { Ref: onlyLogicalIdOf(template, 'AWS::Events::EventBus') },
    });
  });

  it('grants sending to used queues, running used (Express: synchronously) machines and putting events', () => {
    const actions = statementsOf('api').flatMap((s: { Action: string | string[] }) => s.Action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sqs:SendMessage',
        'states:StartSyncExecution',
        'events:PutEvents',
        'dynamodb:PutItem',
      ]),
    );
  });

  it('lets a task-token user answer only the named machine (a managed policy of its own)', () => {
    const managed = Object.values(
      template.findResources('AWS::IAM::ManagedPolicy', {
        Properties: { Roles: [{ Ref: fnProps('webhook').Role['Fn::GetAtt'][0] }] },
      }),
    ).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(managed).toContainEqual(
      expect.objectContaining({
        Action: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        Resource: { Ref: logicalIdOf(template, 'AWS::StepFunctions::StateMachine', 'work') },
      }),
    );
  });

  it('grants nothing a function does not use', () => {
    const actions = JSON.stringify(statementsOf('worker'));
    for (const service of ['dynamodb:', 'sqs:', 'states:', 'events:']) expect(actions).not.toContain(service);
  });

  it('builds EXPRESS machines and carries the batching window', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'EXPRESS',
      DefinitionSubstitutions: { Label: 'done', WorkerArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 25,
      MaximumBatchingWindowInSeconds: 2,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('gives a function serving an optional route the user pool it verifies tokens against', () => {
    const issuerParts = [
      'https://cognito-idp.',
      { Ref: 'AWS::Region' },
      '.',
      { Ref: 'AWS::URLSuffix' },
      '/',
      { Ref: onlyLogicalIdOf(template, 'AWS::Cognito::UserPool') },
    ];
    const issuer = { 'Fn::Join': ['', issuerParts] };
    expect(fnProps('api').Environment.Variables).toMatchObject({
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: { Ref: onlyLogicalIdOf(template, 'AWS::Cognito::UserPoolClient') },
      AUTH_JWKS_URL: { 'Fn::Join': ['', [...issuerParts, '/.well-known/jwks.json']] },
    });
    // The authorizer trusts the very same issuer and audience.
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: {
        Issuer: issuer,
        Audience: [{ Ref: onlyLogicalIdOf(template, 'AWS::Cognito::UserPoolClient') }],
      },
    });
  });

  it.each(['webhook', 'worker', 'consumer'])(
    'gives %s, which serves no optional route, no AUTH_*',
    (name) => {
      expect(Object.keys(fnProps(name).Environment.Variables).filter((k) => k.startsWith('AUTH_'))).toEqual(
        [],
      );
    },
  );

  it('attaches no authorizer to an optional route', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /carts/{cartId}',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
  });

  it('keeps every GSI of the definition', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'gsi1' }),
        Match.objectLike({ IndexName: 'gsi2' }),
      ],
    });
  });
});

describe('definition mistakes fail the synth', () => {
  const build = (definition: AppDefinition) => () =>
    new CommerceStack(new App(), 'Broken', { definition, stage: stageSettings('dev') });

  it('refuses a route to a function that does not exist', () => {
    const routes = [{ method: 'GET', path: '/x', function: 'missing', access: 'public' }] as const;
    expect(build({ ...fixtureDefinition, routes })).toThrow(/function "missing"/);
  });

  it('refuses a queue whose visibility timeout is shorter than its consumer timeout', () => {
    const queues = { orderEvents: { ...fixtureDefinition.queues.orderEvents, visibilityTimeoutSeconds: 5 } };
    expect(build({ ...fixtureDefinition, queues })).toThrow(/visibility timeout/);
  });

  it('refuses an ASL placeholder the definition does not substitute', () => {
    const work = {
      ...fixtureDefinition.stateMachines.work,
      substitutions: { WorkerArn: { function: 'worker' } },
    };
    expect(build({ ...fixtureDefinition, stateMachines: { work } })).toThrow(/Label/);
  });
});
