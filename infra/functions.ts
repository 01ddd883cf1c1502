import type { RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AppDefinition } from '#app/types.ts';
import { CommerceFunction } from './function.ts';
import { markDefinitionName } from './naming.ts';

export interface FunctionsProps {
  readonly definition: AppDefinition;
  readonly encryptionKey: IKey;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default 'INFO' */
  readonly logLevel?: string;
  /** @default nodejsBundling */
  readonly bundling?: BundlingOptions;
}

/** One `CommerceFunction` per entry of the definition's `functions`, looked up by definition name. */
export class Functions extends Construct {
  private readonly byName = new Map<string, CommerceFunction>();

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    for (const [name, definition] of Object.entries(props.definition.functions)) {
      const fn = new CommerceFunction(this, name, {
        definition,
        encryptionKey: props.encryptionKey,
        logRetention: props.logRetention,
        logRemovalPolicy: props.logRemovalPolicy,
        logLevel: props.logLevel,
        bundling: props.bundling,
      });
      markDefinitionName(fn, fn.fn, name);
      this.byName.set(name, fn);
    }
  }

  /** The function the definition calls `name`; throws if the definition names one that does not exist. */
  get(name: string): CommerceFunction {
    const fn = this.byName.get(name);
    if (!fn) throw new Error(`The definition refers to function "${name}", which it does not define.`);
    return fn;
  }

  /** Every function with its definition name. */
  entries(): [string, CommerceFunction][] {
    return [...this.byName.entries()];
  }
}
