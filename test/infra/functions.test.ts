import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { DEFAULT_MAIL_FROM } from '#infra/stage.ts';
import { sharedRoleFunctions } from '#platform/definition/callers.ts';
import { functionEnvironment } from '#platform/definition/environment.ts';
import type { FunctionDef } from '#platform/definition/types.ts';
import { logicalIdOf, onlyLogicalIdOf, synthesize } from './support.ts';

const FUNCTION = 'AWS::Lambda::Function';
const functions: [string, FunctionDef][] = Object.entries(app.functions);

/** A locator whose values are recognisable markers, to tell literal variables from resource references. */
const markers = {
  tableName: '<table>',
  eventBusName: '<bus>',
  queueUrl: (n: string) => `<queue ${n}>`,
  stateMachineArn: (n: string) => `<sm ${n}>`,
  secretArn: (n: string) => `<generated secret arn ${n}>`,
  externalSecretArn: (n: string) => `<secret arn ${n}>`,
  auth: { issuer: '<issuer>', audience: '<audience>', jwksUrl: '<jwks>' },
  mail: { from: DEFAULT_MAIL_FROM },
};

describe('functions', () => {
  const { template } = synthesize(app);

  it('builds one Lambda function per definition function', () => {
    template.resourceCountIs(FUNCTION, functions.length);
  });

  it.each(functions)('%s runs on nodejs24.x arm64 with the definition memory and timeout', (name, fn) => {
    const props = template.toJSON().Resources[logicalIdOf(template, FUNCTION, name)].Properties;
    expect(props).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: fn.memoryMb,
      Timeout: fn.timeoutSeconds,
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
    });
  });

  it.each(functions)(
    '%s gets exactly the environment functionEnvironment derives, plus Powertools',
    (name, fn) => {
      const variables = template.toJSON().Resources[logicalIdOf(template, FUNCTION, name)].Properties
        .Environment.Variables as Record<string, unknown>;
      const expected = functionEnvironment(app, fn, markers);
      expect(Object.keys(variables).sort()).toEqual(
        [...Object.keys(expected), 'POWERTOOLS_LOG_LEVEL', 'NODE_OPTIONS'].sort(),
      );
      for (const [key, value] of Object.entries(expected)) {
        if (!value.startsWith('<')) expect(variables[key]).toBe(value);
      }
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(variables.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
    },
  );

  it.each(functions.filter(([, fn]) => fn.uses?.table))('%s finds the table in TABLE_NAME', (name) => {
    const props = template.toJSON().Resources[logicalIdOf(template, FUNCTION, name)].Properties;
    expect(props.Environment.Variables.TABLE_NAME).toEqual({
      Ref: onlyLogicalIdOf(template, 'AWS::DynamoDB::GlobalTable'),
    });
  });

  const sharing = sharedRoleFunctions(app);
  it.each(functions)(
    '%s logs to an encrypted log group, shared only by route and state machine task functions',
    (name) => {
      const props = template.toJSON().Resources[logicalIdOf(template, FUNCTION, name)].Properties;
      const logGroupId = props.LoggingConfig.LogGroup.Ref as string;
      const logGroup = template.toJSON().Resources[logGroupId];
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroupId.startsWith('FunctionsApiFunctionLogs')).toBe(sharing.has(name));
      expect(logGroup.Properties).toMatchObject({
        RetentionInDays: 30,
        KmsKeyId: { 'Fn::GetAtt': [onlyLogicalIdOf(template, 'AWS::KMS::Key'), 'Arn'] },
      });
    },
  );

  it('gives read-only functions no write access to the table', () => {
    const role = template.toJSON().Resources[logicalIdOf(template, FUNCTION, 'catalogStore')].Properties.Role[
      'Fn::GetAtt'
    ][0] as string;
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(role),
    );
    const actions = JSON.stringify(policies.map((p) => p.Properties.PolicyDocument));
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
  });

  it('attaches no AWS managed policy to function roles', () => {
    const roles = Object.values(template.findResources('AWS::IAM::Role'));
    expect(roles.filter((r) => r.Properties.ManagedPolicyArns)).toEqual([]);
  });
});
