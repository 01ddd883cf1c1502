import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { EXTERNAL_SECRET_PLACEHOLDER } from '#infra/secrets.ts';
import { envName } from '#platform/definition/environment.ts';
import type { FunctionDef } from '#platform/definition/types.ts';
import { logicalIdOf, onlyLogicalIdOf, synthesize } from './support.ts';

const FUNCTION = 'AWS::Lambda::Function';
const SECRET = 'AWS::SecretsManager::Secret';

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

describe('external secrets (values ops put in)', () => {
  const { template } = synthesize(app);
  const resources = template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
  const stripeSecret = logicalIdOf(template, SECRET, 'external:stripe');
  const functions: [string, FunctionDef][] = Object.entries(app.functions);
  const users = functions.filter(([, fn]) => fn.uses?.externalSecrets?.includes('stripe'));
  const statementsOf = (fn: string): Statement[] => {
    const fnProps = template.toJSON().Resources[logicalIdOf(template, FUNCTION, fn)].Properties;
    const role = (fnProps.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
    return Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }),
    ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  };

  it('creates the stripe secret with placeholder fields, encrypted with the data key', () => {
    const props = resources[stripeSecret]?.Properties ?? {};
    expect(JSON.parse(props.SecretString as string)).toEqual({
      secretKey: EXTERNAL_SECRET_PLACEHOLDER,
      publishableKey: EXTERNAL_SECRET_PLACEHOLDER,
      webhookSecret: EXTERNAL_SECRET_PLACEHOLDER,
    });
    expect(props.GenerateSecretString).toBeUndefined();
    expect(props.KmsKeyId).toEqual({ 'Fn::GetAtt': [onlyLogicalIdOf(template, 'AWS::KMS::Key'), 'Arn'] });
  });

  it('is used by the webhook', () => {
    expect(users.map(([name]) => name)).toContain('stripeWebhook');
  });

  it.each(users)('%s gets only the ARN in SECRET_ARN_STRIPE, never the value', (name) => {
    const variables = resources[logicalIdOf(template, FUNCTION, name)]?.Properties.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(variables.Variables[envName('SECRET_ARN', 'stripe')]).toEqual({ Ref: stripeSecret });
    expect(JSON.stringify(variables)).not.toContain('resolve:secretsmanager');
  });

  it.each(users)(
    '%s may GetSecretValue on that secret only, and decrypt only via Secrets Manager',
    (name) => {
      const statements = statementsOf(name);
      const secretStatements = statements.filter(
        (s) =>
          JSON.stringify(s.Action).includes('secretsmanager:') &&
          JSON.stringify(s.Resource).includes(stripeSecret),
      );
      expect(secretStatements).toEqual([
        expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: stripeSecret } }),
      ]);
      const decrypt = statements.filter((s) => JSON.stringify(s.Action).includes('kms:Decrypt'));
      expect(decrypt).toHaveLength(1);
      expect(JSON.stringify(decrypt[0]?.Condition)).toContain('kms:ViaService');
    },
  );

  it('gives no other function access to the secret', () => {
    const others = Object.keys(app.functions).filter((n) => !users.some(([u]) => u === n));
    for (const name of others) {
      const reads = statementsOf(name).filter((s) => JSON.stringify(s.Action).includes('secretsmanager:'));
      expect(JSON.stringify(reads), name).not.toContain(stripeSecret);
    }
  });
});
