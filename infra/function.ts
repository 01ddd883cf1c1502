import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  Architecture,
  type Code,
  Function as LambdaFunction,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionDef } from '#platform/definition/types.ts';

export interface CommerceFunctionProps {
  readonly definition: FunctionDef;
  /** The bundled handler (`FunctionBundler.code`). */
  readonly code: Code;
  /** Encrypts the function's log group. */
  readonly encryptionKey: IKey;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** `POWERTOOLS_LOG_LEVEL`. @default 'INFO' */
  readonly logLevel?: string;
  /**
   * A role and log group shared with other route or state machine task functions of the same permission set (see
   * functions.ts); the caller grants the role what it needs, once.
   * @default a role and an encrypted log group of its own
   */
  readonly shared?: { readonly role: Role; readonly logGroup: LogGroup };
}

/**
 * One function of the definition, with X-Ray and a role without AWS managed policies (it holds only
 * what the definition's `uses` grants plus writing to its log group). The role and the encrypted log
 * group are its own, or the `shared` ones of its permission set.
 */
export class CommerceFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: CommerceFunctionProps) {
    super(scope, id);
    const def = props.definition;
    if (props.shared) {
      this.logGroup = props.shared.logGroup;
      this.role = props.shared.role;
    } else {
      this.logGroup = new LogGroup(this, 'Logs', {
        retention: props.logRetention ?? RetentionDays.ONE_MONTH,
        encryptionKey: props.encryptionKey,
        removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      });
      this.role = new Role(this, 'Role', {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `Runs ${def.entry}`,
      });
      this.logGroup.grantWrite(this.role);
    }
    this.fn = new LambdaFunction(this, 'Function', {
      code: props.code,
      // The bundle is `index.mjs` exporting `handler` (an ES module: Lambda loads `.mjs` as one).
      handler: 'index.handler',
      description: def.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: def.memoryMb,
      timeout: Duration.seconds(def.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      // Platform settings only; what the code needs from the definition is added by `wireFunction`, from
      // the same `functionEnvironment` the local cloud calls.
      environment: {
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
  }
}
