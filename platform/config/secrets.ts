import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/**
 * How long a secret value is reused before Secrets Manager is asked again: keeps GetSecretValue off the
 * request path (one call per instance per 5 minutes) while a new value put by ops arrives within minutes.
 */
export const SECRET_CACHE_SECONDS = 5 * 60;

/**
 * The current value of a secret (ARN or name) as text, cached in memory for {@link SECRET_CACHE_SECONDS}.
 * Powertools Parameters does the caching and calls Secrets Manager with the SDK's own endpoint settings
 * (`AWS_ENDPOINT_URL_SECRETS_MANAGER` locally). This is the only module that reads secrets at run time.
 */
export const readSecret = async (secretId: string, options: { refresh?: boolean } = {}): Promise<string> => {
  const value = await getSecret<string>(secretId, {
    maxAge: SECRET_CACHE_SECONDS,
    forceFetch: options.refresh === true,
    throwOnMissing: true,
  });
  if (typeof value !== 'string') throw new Error(`Secret ${secretId} holds binary data, not text`);
  return value;
};
