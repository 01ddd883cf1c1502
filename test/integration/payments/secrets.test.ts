import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentProviderError } from '#contexts/payments/domain/errors.ts';
import { loadStripeKeys, STRIPE_SECRET_ENV } from '#contexts/payments/stripe/keys.ts';
import { type LocalSecretsManager, start } from '#local/secretsmanager/index.ts';
import { readSecret } from '#platform/config/secrets.ts';
import { cloud, sdkConfig } from '../../support/cloud.ts';

let local: LocalSecretsManager;
let client: SecretsManagerClient;

beforeAll(async () => {
  local = await start({ region: 'us-east-1', accountId: '000000000000' });
  client = new SecretsManagerClient(sdkConfig(local.url));
  // What the local Lambda runtime sets for functions: the code under test finds the endpoint itself.
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = local.url;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
});
afterAll(async () => {
  client.destroy();
  await local.stop();
});

describe('local Secrets Manager (GetSecretValue, JSON 1.1)', () => {
  it('answers by name and by ARN with the fields Secrets Manager returns', async () => {
    local.put('app/one', '{"a":1}');
    const byName = await client.send(new GetSecretValueCommand({ SecretId: 'app/one' }));
    expect(byName).toMatchObject({ Name: 'app/one', SecretString: '{"a":1}', VersionStages: ['AWSCURRENT'] });
    expect(byName.ARN).toMatch(
      /^arn:aws:secretsmanager:us-east-1:000000000000:secret:app\/one-[A-Za-z0-9]{6}$/,
    );
    expect(byName.CreatedDate).toBeInstanceOf(Date);
    expect(byName.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    const byArn = await client.send(new GetSecretValueCommand({ SecretId: local.arnOf('app/one') }));
    expect(byArn.SecretString).toBe('{"a":1}');
  });

  it('answers ResourceNotFoundException for a secret it does not hold', async () => {
    await expect(client.send(new GetSecretValueCommand({ SecretId: 'app/missing' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('refuses operations it does not implement', async () => {
    await expect(
      client.send(new CreateSecretCommand({ Name: 'x', SecretString: 'y' })),
    ).rejects.toMatchObject({
      name: 'UnknownOperationException',
    });
  });
});

describe('readSecret (Powertools Parameters, cached 5 minutes)', () => {
  it('reads the current value, then serves it from memory until refreshed', async () => {
    local.put('app/cached', 'v1');
    expect(await readSecret(local.arnOf('app/cached'))).toBe('v1');
    local.put('app/cached', 'v2');
    expect(await readSecret(local.arnOf('app/cached'))).toBe('v1');
    expect(await readSecret(local.arnOf('app/cached'), { refresh: true })).toBe('v2');
  });

  it('fails for a secret that does not exist', async () => {
    await expect(readSecret('app/nothing-here')).rejects.toThrow();
  });
});

describe('loadStripeKeys', () => {
  it('refuses the placeholders the stack creates the secret with: payment_provider_not_configured', async () => {
    local.put(
      'app/stripe-placeholder',
      JSON.stringify({ secretKey: 'REPLACE_ME', publishableKey: 'REPLACE_ME', webhookSecret: 'REPLACE_ME' }),
    );
    process.env[STRIPE_SECRET_ENV] = local.arnOf('app/stripe-placeholder');
    const error = await loadStripeKeys().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect(error).toMatchObject({ code: 'payment_provider_not_configured' });
    expect((error as Error).message).not.toContain('REPLACE_ME');
  });

  it("finds the local cloud's stripe secret holding exactly the local Stripe's keys, as ops fill it in AWS", async () => {
    const info = cloud();
    const functionsEnv = new SecretsManagerClient(sdkConfig(info.endpoints.secretsmanager));
    const { SecretString, ARN } = await functionsEnv.send(
      new GetSecretValueCommand({ SecretId: `${info.tableName}/stripe` }),
    );
    functionsEnv.destroy();
    const { secretKey, publishableKey, webhookSecret } = info.stripe;
    // No URL: where Stripe is comes from STRIPE_API_URL, so nothing in a secret can redirect the keys.
    expect(JSON.parse(SecretString ?? '{}')).toEqual({ secretKey, publishableKey, webhookSecret });
    // What the functions get in SECRET_ARN_STRIPE (the system tests show them reading it).
    expect(ARN).toMatch(/^arn:aws:secretsmanager:/);
  });
});
