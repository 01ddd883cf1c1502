import { RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { AppDefinition } from '#app/types.ts';
import { markDefinitionName } from './naming.ts';

export interface SecretsProps {
  readonly definition: AppDefinition;
  readonly encryptionKey: IKey;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/** One generated Secrets Manager secret per name any function `uses.secrets`. */
export class Secrets extends Construct {
  private readonly byName = new Map<string, Secret>();

  constructor(scope: Construct, id: string, props: SecretsProps) {
    super(scope, id);
    const names = new Set(Object.values(props.definition.functions).flatMap((fn) => fn.uses?.secrets ?? []));
    for (const name of names) {
      const secret = new Secret(this, name, {
        description: `${props.definition.name}: generated secret "${name}"`,
        // 64 alphanumerics (~380 bits): plenty for an HMAC key and safe in any environment variable.
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
        encryptionKey: props.encryptionKey,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      });
      markDefinitionName(secret, secret, name);
      this.byName.set(name, secret);
    }
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

  /**
   * The value as a CloudFormation dynamic reference, resolved when the function is deployed. The
   * definition promises the value itself in the environment (no Secrets Manager call at cold start),
   * so this is the one deliberate unwrap.
   */
  deployTimeValue(name: string): string {
    return this.get(name).secretValue.unsafeUnwrap();
  }
}
