import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { envName } from '#platform/definition/environment.ts';
import { requireEnv } from './env.ts';

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

/**
 * A reader of the generated secret the definition calls `name` (`uses.secrets`), found through its
 * `SECRET_ARN_<NAME>` variable. The variable is checked when the reader is made (a deployment defect
 * fails at cold start); Secrets Manager is called at the first read, not at import.
 */
export const generatedSecret = (name: string): (() => Promise<string>) => {
  const arn = requireEnv(envName('SECRET_ARN', name));
  return () => readSecret(arn);
};

/**
 * Services built from a secret's value, rebuilt only when the value changes (a rotation seen after the
 * cache time), so an instance builds them once in the usual case and never serves a stale key for long.
 */
export const withSecret = <S>(read: () => Promise<string>, build: (value: string) => S) => {
  let built: { readonly value: string; readonly services: S } | undefined;
  return async (): Promise<S> => {
    const value = await read();
    if (built?.value !== value) built = { value, services: build(value) };
    return built.services;
  };
};
