import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { flattenTemplates } from '#infra/flatten-templates.ts';
import { stageFromContext, stageSettings } from '#infra/stage.ts';
import { routeThrottles, type ThrottlingDef } from '#platform/definition/throttling.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { logicalIdOf, SKIP_BUNDLING, stackTemplates, synthesize } from './support.ts';

const STAGE = 'AWS::ApiGatewayV2::Stage';
const FUNCTION = 'AWS::Lambda::Function';
const WEBHOOK = 'POST /webhooks/stripe';

const routeSettingsOf = (template: Template): Record<string, unknown> => {
  const [stage] = Object.values(template.findResources(STAGE));
  return stage?.Properties.RouteSettings as Record<string, unknown>;
};

describe('route throttling', () => {
  const { template } = synthesize(app);
  const declared = routeThrottles(app.routes, app.throttling);

  it('gives every route its own limits, those of its group in the definition', () => {
    expect(routeSettingsOf(template)).toEqual(
      Object.fromEntries(
        declared.map((t) => [
          t.routeKey,
          { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit },
        ]),
      ),
    );
    expect(Object.keys(routeSettingsOf(template))).toHaveLength(app.routes.length);
  });

  it('keeps the Stripe webhook in a group of its own, apart from every shopper route', () => {
    const webhook = declared.find((t) => t.routeKey === WEBHOOK);
    expect(webhook?.group).toBe('stripeWebhook');
    expect(declared.filter((t) => t.group === webhook?.group).map((t) => t.routeKey)).toEqual([WEBHOOK]);
  });

  it('limits checkout below cart writes, and cart writes below store reads', () => {
    const of = (key: string) => declared.find((t) => t.routeKey === key)?.rateLimit ?? 0;
    expect(of('POST /carts/{cartId}/checkout')).toBeLessThan(of('POST /carts/{cartId}/items'));
    expect(of('POST /carts/{cartId}/items')).toBeLessThan(of('GET /products/{productId}'));
  });

  it('creates the stage after every route, as API Gateway needs for route settings', () => {
    const routes = Object.keys(template.findResources('AWS::ApiGatewayV2::Route'));
    const [stage] = Object.values(template.findResources(STAGE));
    expect(stage?.DependsOn).toEqual(expect.arrayContaining(routes));
  });

  it('reserves no Lambda concurrency on a dev stage', () => {
    expect(
      template.findResources(FUNCTION, { Properties: { ReservedConcurrentExecutions: Match.anyValue() } }),
    ).toEqual({});
  });

  it('reserves concurrency for the Stripe webhook only on a production stage', () => {
    const prod = synthesize(app, 'prod').template;
    const reserved = prod.findResources(FUNCTION, {
      Properties: { ReservedConcurrentExecutions: Match.anyValue() },
    });
    expect(Object.keys(reserved)).toEqual([logicalIdOf(prod, FUNCTION, 'stripeWebhook')]);
    expect(Object.values(reserved)[0]?.Properties.ReservedConcurrentExecutions).toBe(10);
  });
});

describe('route throttling with stage overrides', () => {
  const throttling: ThrottlingDef = {
    groups: {
      shop: { rateLimit: 300, burstLimit: 600 },
      staff: { rateLimit: 30, burstLimit: 60 },
      payments: { rateLimit: 80, burstLimit: 160 },
    },
    byAccess: {
      public: { read: 'shop', write: 'shop' },
      optional: { read: 'shop', write: 'shop' },
      customer: { read: 'shop', write: 'shop' },
      admin: { read: 'staff', write: 'staff' },
    },
    routes: { 'POST /webhooks/payments': 'payments' },
    reservedFor: ['webhook'],
  };
  const definition = { ...fixtureDefinition, name: 'throttled', throttling } as AppDefinition;
  const cdkApp = new App({ context: SKIP_BUNDLING });
  const stage = stageSettings('dev', {
    throttle: { payments: { rateLimit: 250, burstLimit: 500 } },
    reservedConcurrency: 3,
  });
  const template = Template.fromJSON(
    flattenTemplates(
      stackTemplates(new CommerceStack(cdkApp, 'Throttled-dev', { definition, stage })),
    ) as object,
  );

  it('applies the stage override to its group and the definition to the others', () => {
    expect(routeSettingsOf(template)).toEqual({
      'POST /orders': { ThrottlingRateLimit: 300, ThrottlingBurstLimit: 600 },
      'GET /admin/orders': { ThrottlingRateLimit: 30, ThrottlingBurstLimit: 60 },
      'POST /webhooks/payments': { ThrottlingRateLimit: 250, ThrottlingBurstLimit: 500 },
      'GET /carts/{cartId}': { ThrottlingRateLimit: 300, ThrottlingBurstLimit: 600 },
    });
  });

  it("reserves the stage's concurrency for the functions the definition lists", () => {
    template.hasResourceProperties(FUNCTION, { ReservedConcurrentExecutions: 3 });
    expect(
      Object.keys(
        template.findResources(FUNCTION, { Properties: { ReservedConcurrentExecutions: Match.anyValue() } }),
      ),
    ).toEqual([logicalIdOf(template, FUNCTION, 'webhook')]);
  });

  it('reads overrides and reserved concurrency from the stage context', () => {
    const settings = stageFromContext(
      new App({
        context: { stage: 'dev', throttle: 'checkout=80/160, admin=5/10', reservedConcurrency: '4' },
      }),
    );
    expect(settings.throttle).toEqual({
      checkout: { rateLimit: 80, burstLimit: 160 },
      admin: { rateLimit: 5, burstLimit: 10 },
    });
    expect(settings.reservedConcurrency).toBe(4);
  });

  it.each(['checkout', 'checkout=80', 'checkout=fast/10', '=1/2'])('refuses the throttle "%s"', (value) => {
    expect(() => stageFromContext(new App({ context: { stage: 'dev', throttle: value } }))).toThrow(
      /Invalid throttle/,
    );
  });

  it.each(['-1', '1.5', 'ten', '5000'])('refuses the reserved concurrency "%s"', (value) => {
    expect(() =>
      stageFromContext(new App({ context: { stage: 'dev', reservedConcurrency: value } })),
    ).toThrow(/Invalid reservedConcurrency/);
  });

  it('refuses an override of a group the definition does not declare', () => {
    expect(() =>
      routeThrottles(definition.routes, throttling, { checkout: { rateLimit: 1, burstLimit: 1 } }),
    ).toThrow(/Unknown throttle group "checkout"/);
  });
});
