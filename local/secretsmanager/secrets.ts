import { randomBytes, randomUUID } from 'node:crypto';

/** One secret as Secrets Manager keeps it: a name, a full ARN (6-character suffix) and a current value. */
export interface StoredSecret {
  readonly name: string;
  readonly arn: string;
  readonly value: string;
  readonly versionId: string;
  readonly createdDate: Date;
}

/** The secrets of one local account, found by name or by full ARN, as `SecretId` allows. */
export interface SecretStore {
  put(name: string, value: string): StoredSecret;
  find(secretId: string): StoredSecret | undefined;
  arnOf(name: string): string;
}

// Secrets Manager appends a dash and six random characters to the name in the ARN.
const suffix = () =>
  randomBytes(6)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 6);

/** An empty store for one region and account; ARNs are stable per name for the store's life. */
export const createSecretStore = (region: string, accountId: string): SecretStore => {
  const arns = new Map<string, string>();
  const byName = new Map<string, StoredSecret>();
  const arnOf = (name: string): string => {
    let arn = arns.get(name);
    if (!arn) {
      arn = `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${suffix()}`;
      arns.set(name, arn);
    }
    return arn;
  };
  return {
    arnOf,
    put: (name, value) => {
      const secret: StoredSecret = {
        name,
        arn: arnOf(name),
        value,
        versionId: randomUUID(),
        createdDate: byName.get(name)?.createdDate ?? new Date(),
      };
      byName.set(name, secret);
      return secret;
    },
    find: (secretId) =>
      byName.get(secretId) ?? [...byName.values()].find((secret) => secret.arn === secretId),
  };
};
