import { readFileSync } from 'node:fs';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { describeTemplate, type TemplateInventory } from '#infra/inventory.ts';
import { PAYMENT_TIMEOUT, paymentTimeoutOf, withPaymentTimeout } from '#local/payment-timeout.ts';
import { substitute } from '#local/state-machines.ts';
import { routeKey } from '#platform/definition/environment.ts';
import { AUTHORIZATION_TYPE, synthesize } from '../infra/support.ts';
import { scaled } from '../support/budget.ts';
import { cloud, sdkConfig } from '../support/cloud.ts';

/**
 * The two clouds serve one definition: what the synthesized CDK template deploys is exactly what the
 * running local cloud serves — routes, functions, rules, queues, state machines and pipes.
 */
describe('fidelity: CDK template ⇔ local cloud', () => {
  let aws: TemplateInventory;
  beforeAll(() => {
    aws = describeTemplate(synthesize(app).template.toJSON());
  }, scaled(120_000));

  it('serves the same functions', () => {
    expect(cloud().served.functions).toEqual(aws.functions);
  });

  it('serves the same routes with the same functions and the same authorization', () => {
    // Each side reports what it serves: the template its Route resources, the gateway its route table.
    expect(cloud().served.routes).toEqual(aws.routes);
    for (const route of app.routes) {
      const deployed = aws.routes.find((r) => r.routeKey === routeKey(route));
      expect(deployed?.function).toBe(route.function);
      expect(deployed?.authorizationType).toBe(AUTHORIZATION_TYPE[route.access]);
    }
  });

  it('answers browsers with the same CORS configuration', () => {
    // The local cloud allows any origin; the dev stack synthesized here does too (stage default).
    expect(aws.cors).toBeDefined();
    expect(cloud().served.cors).toEqual(aws.cors);
  });

  it('throttles every route with the same token bucket', () => {
    // The template's stage route settings (dev: the definition's limits), against the gateway's buckets.
    const [stage] = Object.values(synthesize(app).template.findResources('AWS::ApiGatewayV2::Stage'));
    const settings = stage?.Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    const deployed = Object.entries(settings)
      .map(([routeKey, s]) => ({
        routeKey,
        rateLimit: s.ThrottlingRateLimit,
        burstLimit: s.ThrottlingBurstLimit,
      }))
      .sort((a, b) => a.routeKey.localeCompare(b.routeKey));
    expect(deployed).toHaveLength(app.routes.length);
    expect(cloud().served.throttles).toEqual(deployed);
  });

  it('routes the same rules with the same patterns to the same queues', () => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...cloud().served.rules].sort(byName)).toEqual([...aws.rules].sort(byName));
  });

  it('runs the same queues with the same consumer, batch size, visibility and max receives', async () => {
    const sqs = new SQSClient(sdkConfig(cloud().endpoints.sqs));
    expect(Object.keys(cloud().queues).sort()).toEqual(aws.queues.map((q) => q.name).sort());
    for (const deployed of aws.queues) {
      const local = cloud().queues[deployed.name]!;
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: local.url, AttributeNames: ['All'] }),
      );
      expect(JSON.parse(Attributes.RedrivePolicy!).maxReceiveCount).toBe(deployed.maxReceiveCount);
      const def = app.queues[deployed.name]!;
      expect(deployed).toMatchObject({
        consumer: def.consumer,
        batchSize: def.batchSize,
        visibilityTimeoutSeconds: def.visibilityTimeoutSeconds,
      });
    }
  });

  it('fills the same placeholders with the same functions, machines and literals', () => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    // The local cloud shortens the checkout's payment wait, the one value it serves differently.
    const local = [...cloud().served.stateMachines].sort(byName).map((sm) => ({
      ...sm,
      substitutions: {
        ...sm.substitutions,
        ...(sm.substitutions[PAYMENT_TIMEOUT.substitution]
          ? { [PAYMENT_TIMEOUT.substitution]: { literal: String(paymentTimeoutOf(app)) } }
          : {}),
      },
    }));
    expect(local).toEqual([...aws.stateMachines].sort(byName));
    expect(aws.stateMachines.flatMap((sm) => Object.values(sm.substitutions))).not.toContainEqual(
      expect.objectContaining({ unknown: expect.anything() }),
    );
  });

  it('runs the same state machines from the same ASL', async () => {
    const sfn = new SFNClient(sdkConfig(cloud().endpoints.stepfunctions));
    expect(Object.keys(cloud().stateMachines).sort()).toEqual(aws.stateMachines.map((s) => s.name).sort());
    for (const deployed of aws.stateMachines) {
      const local = await sfn.send(
        new DescribeStateMachineCommand({ stateMachineArn: cloud().stateMachines[deployed.name]! }),
      );
      // The local cloud shortens the checkout's payment wait, the one value it serves differently.
      const def = withPaymentTimeout(app, cloud().paymentTimeoutSeconds).stateMachines[deployed.name]!;
      expect(local.type).toBe(deployed.type);
      const arns = {
        functionArn: (fn: string) => `arn:aws:lambda:${cloud().region}:${cloud().accountId}:function:${fn}`,
        stateMachineArn: (sm: string) => cloud().stateMachines[sm]!,
      };
      expect(JSON.parse(local.definition!)).toEqual(
        JSON.parse(substitute(readFileSync(def.definitionFile, 'utf8'), def.substitutions, arns)),
      );
    }
  });

  it('runs the same functions on the same schedules', () => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(aws.schedules.length).toBe(Object.keys(app.schedules).length);
    expect([...cloud().served.schedules].sort(byName)).toEqual([...aws.schedules].sort(byName));
  });

  it('feeds the same pipes with the same filter, target and batch size', () => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...cloud().served.pipes].sort(byName)).toEqual([...aws.pipes].sort(byName));
  });
});
