import { RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { AppDefinition } from '#platform/definition/types.ts';
import { markDefinitionName } from './naming.ts';

export interface SecretsProps {
  readonly definition: AppDefinition;
  readonly encryptionKey: IKey;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** What each field of an external secret holds until ops put the real value in. */
export const EXTERNAL_SECRET_PLACEHOLDER = 'REPLACE_ME';

/**
 * One generated Secrets Manager secret per name any function `uses.secrets`, and one per external secret
 * (`uses.externalSecrets`) with placeholder fields for ops to fill in.
 */
export class Secrets extends Construct {
  private readonly byName = new Map<string, Secret>();
  private readonly externalByName = new Map<string, Secret>();

  constructor(scope: Construct, id: string, props: SecretsProps) {
    super(scope, id);
    const names = new Set(Object.values(props.definition.functions).flatMap((fn) => fn.uses?.secrets ?? []));
    for (const name of names) {
      const secret = new Secret(this, name, {
        description: `${props.definition.name}: generated secret "${name}"`,
        // 64 alphanumerics (~380 bits): plenty for an HMAC key. Functions read it at run time (only its
        // ARN is in their environment), so the value never appears in a function's configuration.
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
        encryptionKey: props.encryptionKey,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      });
      markDefinitionName(secret, secret, name);
      this.byName.set(name, secret);
    }
    const external = new Set(
      Object.values(props.definition.functions).flatMap((fn) => fn.uses?.externalSecrets ?? []),
    );
    for (const name of external) {
      const def = props.definition.externalSecrets?.[name];
      if (!def)
        throw new Error(`A function uses external secret "${name}", which the definition does not declare.`);
      const secret = new Secret(this, `External-${name}`, {
        description: `${props.definition.name}: ${def.description}`,
        // Placeholders only; CloudFormation writes them once, and never again while they are unchanged in
        // the template, so a value ops put in survives every later deploy.
        secretObjectValue: Object.fromEntries(
          def.fields.map((field) => [field, SecretValue.unsafePlainText(EXTERNAL_SECRET_PLACEHOLDER)]),
        ),
        encryptionKey: props.encryptionKey,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      });
      markDefinitionName(secret, secret, `external:${name}`);
      this.externalByName.set(name, secret);
    }
  }

  /** The external secret the definition calls `name`. */
  external(name: string): Secret {
    const secret = this.externalByName.get(name);
    if (!secret) throw new Error(`No external secret "${name}": no function of the definition uses it.`);
    return secret;
  }

  /** Every external secret with its definition name. */
  externalEntries(): [string, Secret][] {
    return [...this.externalByName.entries()];
  }

  /**
   * Lets `grantee` read the value of `secret` (generated or external) and nothing else: GetSecretValue on
   * that secret (not DescribeSecret, as `grantRead` would add), and decrypt with its key only through
   * Secrets Manager.
   */
  grantRead(secret: Secret, grantee: IGrantable): void {
    Grant.addToPrincipal({
      grantee,
      actions: ['secretsmanager:GetSecretValue'],
      resourceArns: [secret.secretArn],
    });
    // The key policy lets the account use the key through Secrets Manager (the Secret construct adds
    // that); the role still needs kms:Decrypt in its own policy, limited to that path.
    if (secret.encryptionKey)
      Grant.addToPrincipal({
        grantee,
        actions: ['kms:Decrypt'],
        resourceArns: [secret.encryptionKey.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` },
        },
      });
  }

  /** The secret the definition calls `name`. */
  get(name: string): Secret {
    const secret = this.byName.get(name);
    if (!secret) throw new Error(`No secret "${name}": no function of the definition uses it.`);
    return secret;
  }

  /** Every secret with its definition name. */
  entries(): [string, Secret][] {
    return [...this.byName.entries()];
  }
}
