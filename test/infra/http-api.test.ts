import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { describeTemplate } from '#infra/inventory.ts';
import { routeKey } from '#platform/definition/environment.ts';
import type { RouteDef } from '#platform/definition/types.ts';
import { AUTHORIZATION_TYPE, onlyLogicalIdOf, synthesize } from './support.ts';

const ROUTE = 'AWS::ApiGatewayV2::Route';
const routes: RouteDef[] = [...app.routes];

describe('HTTP API', () => {
  const { template } = synthesize(app);
  const authorizer = onlyLogicalIdOf(template, 'AWS::ApiGatewayV2::Authorizer');

  it('has one route per definition route', () => {
    template.resourceCountIs(ROUTE, routes.length);
  });

  it.each(routes.filter((r) => AUTHORIZATION_TYPE[r.access] === 'JWT'))(
    '$method $path ($access) requires a Cognito JWT',
    (r) => {
      template.hasResourceProperties(ROUTE, {
        RouteKey: routeKey(r),
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizer },
      });
    },
  );

  it.each(routes.filter((r) => AUTHORIZATION_TYPE[r.access] === 'NONE'))(
    '$method $path ($access) has no authorizer',
    (r) => {
      template.hasResourceProperties(ROUTE, {
        RouteKey: routeKey(r),
        AuthorizationType: 'NONE',
        AuthorizerId: Match.absent(),
      });
    },
  );

  it('maps the $default route to HTTP API catch-all route key', () => {
    template.hasResourceProperties(ROUTE, { RouteKey: '$default' });
  });

  it('sends each route to the function the definition names', () => {
    expect(describeTemplate(template.toJSON()).routes.map((r) => [r.routeKey, r.function])).toEqual(
      routes.map((r) => [routeKey(r), r.function]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  });

  it('trusts tokens of the user pool, for its app client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: onlyLogicalIdOf(template, 'AWS::Cognito::UserPoolClient') }],
        Issuer: {
          'Fn::Join': ['', Match.arrayWith([{ Ref: onlyLogicalIdOf(template, 'AWS::Cognito::UserPool') }])],
        },
      },
    });
  });

  it('throttles each route and access-logs the $default stage as JSON', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      RouteSettings: Match.objectLike({ 'POST /webhooks/stripe': Match.anyValue() }),
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('^\\{.*requestId'),
      },
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(() => JSON.parse(stage?.Properties.AccessLogSettings.Format)).not.toThrow();
  });
});

describe('user pool', () => {
  const { template } = synthesize(app);

  it('lets customers sign up with their e-mail under a strong password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('has an admin group and a public client without secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin' });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
  });

  it('exports what a storefront needs to sign in and call the API', () => {
    for (const output of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'EventBusName']) {
      template.hasOutput(output, { Value: Match.anyValue() });
    }
  });
});
