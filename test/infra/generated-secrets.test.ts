import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { envName } from '#platform/definition/environment.ts';
import type { FunctionDef } from '#platform/definition/types.ts';
import { logicalIdOf, onlyLogicalIdOf, synthesize } from './support.ts';

const FUNCTION = 'AWS::Lambda::Function';
const SECRET = 'AWS::SecretsManager::Secret';

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

describe('generated secrets (HMAC keys: cursorKey, orderTokenKey)', () => {
  const { template } = synthesize(app);
  const resources = template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
  const functions: [string, FunctionDef][] = Object.entries(app.functions);
  const names = Object.keys(app.secrets ?? {});
  const functionProps = (fn: string) =>
    template.toJSON().Resources[logicalIdOf(template, FUNCTION, fn)].Properties;
  const variablesOf = (fn: string) => functionProps(fn).Environment.Variables as object;
  const statementsOf = (fn: string): Statement[] => {
    const role = (functionProps(fn).Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
    return Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }),
    ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  };
  const readsOf = (fn: string, secret: string) =>
    statementsOf(fn).filter(
      (s) =>
        JSON.stringify(s.Action).includes('secretsmanager:') &&
        JSON.stringify(s.Resource) === JSON.stringify({ Ref: logicalIdOf(template, SECRET, secret) }),
    );

  it('declares both keys, each used by some function', () => {
    expect(names).toEqual(expect.arrayContaining(['cursorKey', 'orderTokenKey']));
    for (const name of names) expect(functions.some(([, fn]) => fn.uses?.secrets?.includes(name))).toBe(true);
  });

  it.each(names)('creates %s as a generated secret, encrypted with the data key', (name) => {
    const props = resources[logicalIdOf(template, SECRET, name)]?.Properties ?? {};
    expect(props.GenerateSecretString).toBeDefined();
    expect(props.KmsKeyId).toEqual({ 'Fn::GetAtt': [onlyLogicalIdOf(template, 'AWS::KMS::Key'), 'Arn'] });
  });

  it.each(functions)('%s holds no secret value nor a dynamic reference to one in its environment', (name) => {
    const variables = JSON.stringify(variablesOf(name));
    expect(variables).not.toContain('resolve:secretsmanager');
    expect(variables).not.toContain('SecretString');
  });

  const users = functions.flatMap(([name, fn]) => (fn.uses?.secrets ?? []).map((s) => [name, s] as const));
  it.each(users)('%s finds %s by its ARN in SECRET_ARN_<NAME>', (name, secret) => {
    expect(variablesOf(name)).toMatchObject({
      [envName('SECRET_ARN', secret)]: { Ref: logicalIdOf(template, SECRET, secret) },
    });
  });

  it.each(users)('%s may GetSecretValue on %s, and decrypt only via Secrets Manager', (name, secret) => {
    expect(readsOf(name, secret)).toEqual([
      expect.objectContaining({ Action: 'secretsmanager:GetSecretValue' }),
    ]);
    // (The table grant adds its own kms:Decrypt; the secret's is the one limited to Secrets Manager.)
    const viaSecretsManager = statementsOf(name).filter(
      (s) =>
        JSON.stringify(s.Action).includes('kms:Decrypt') &&
        JSON.stringify(s.Condition).includes('secretsmanager.'),
    );
    expect(viaSecretsManager).toHaveLength(1);
  });

  const nonUsers = functions.flatMap(([name, fn]) =>
    names.filter((s) => !fn.uses?.secrets?.includes(s)).map((s) => [name, s] as const),
  );
  it.each(nonUsers)('%s cannot read %s', (name, secret) => {
    expect(readsOf(name, secret)).toEqual([]);
  });
});
