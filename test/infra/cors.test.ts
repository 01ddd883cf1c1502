import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { describeTemplate } from '#infra/inventory.ts';
import { parseCorsOrigins, stageFromContext, stageSettings } from '#infra/stage.ts';
import { synthesize } from './support.ts';

describe('HTTP API CORS', () => {
  it('configures CORS on the API from the definition, any origin on a dev stage', () => {
    const { template } = synthesize(app);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['*'],
        AllowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        AllowHeaders: [
          'authorization',
          'content-type',
          'idempotency-key',
          'x-cart-token',
          'x-order-token',
          'x-publishable-api-key',
        ],
        ExposeHeaders: ['location', 'idempotent-replayed', 'retry-after'],
        MaxAge: 600,
        AllowCredentials: false,
      },
    });
  });

  it('allows no browser origin on prod until the stage lists its storefronts', () => {
    expect(describeTemplate(synthesize(app, 'prod').template.toJSON()).cors?.allowOrigins).toEqual([]);
  });

  it('takes the stage origins from -c corsOrigins=', () => {
    const stage = stageFromContext(
      new App({
        context: {
          stage: 'prod',
          corsOrigins: 'https://shop.example.com, https://m.example.com',
          mailFrom: 'orders@shop.example.com',
        },
      }),
    );
    expect(stage.corsOrigins).toEqual(['https://shop.example.com', 'https://m.example.com']);
    expect(stageSettings('dev').corsOrigins).toEqual(['*']);
  });

  it.each([
    '',
    'shop.example.com',
    'https://shop.example.com/path',
    'ftp://x.example',
    'https://shop.example.com,evil',
  ])('refuses the corsOrigins value "%s"', (value) => {
    expect(() => parseCorsOrigins(value)).toThrow(/Invalid corsOrigins/);
  });
});
