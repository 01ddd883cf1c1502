import { RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AppDefinition } from '#platform/definition/types.ts';
import { FunctionBundler } from './bundling.ts';
import { CommerceFunction } from './function.ts';
import { markDefinitionName } from './naming.ts';
import { sharedRoleAssignments } from './permission-sets.ts';

export interface FunctionsProps {
  readonly definition: AppDefinition;
  readonly encryptionKey: IKey;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default 'INFO' */
  readonly logLevel?: string;
  /**
   * The definition functions to build here (the rest are built in other stacks).
   */
  readonly names: readonly string[];
  /**
   * The shared log group of route and state machine task functions, when another `Functions` created it.
   * @default created here if the definition has such functions
   */
  readonly apiLogs?: LogGroup;
  /**
   * Builds the code; one bundler for the whole app bundles every function in one esbuild run.
   */
  readonly bundler: FunctionBundler;
}

/** A role and the definition functions that run under it. */
export interface FunctionRole {
  readonly role: Role;
  /** Definition names; several only for a shared role, all with the same permission set. */
  readonly functions: readonly string[];
}

/** A bundler of the definition functions `names`. */
export const bundlerOf = (definition: AppDefinition, names: readonly string[]): FunctionBundler =>
  new FunctionBundler(
    Object.fromEntries(
      names.flatMap((name) => {
        const fn = definition.functions[name];
        return fn ? [[name, fn.entry]] : [];
      }),
    ),
  );

/**
 * One `CommerceFunction` per entry of the definition's `functions`, looked up by definition name.
 *
 * CloudFormation allows 500 resources per stack, and a role, its policy and a log group per function
 * used most of them. So functions only HTTP routes and state machines invoke (and maybe schedules beside
 * them) share: one role per permission set (equal grants, so no function gains anything) and one
 * KMS-encrypted log group, `ApiFunctionLogs`. Lambda names
 * each stream of a custom log group `YYYY/MM/DD/<function_name>[<function_version>][<environment id>]`,
 * "so the mapping between log messages and functions is preserved, even if you use the same log group
 * for multiple functions" (AWS Lambda Developer Guide, "Configuring CloudWatch log groups":
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html), and the
 * Powertools logger puts `function_name` on every line for Logs Insights. Every other function keeps a
 * role and log group of its own. Each nested stack builds a `Functions` of its own functions, so a shared
 * role is one per permission set and stack (a role in another stack would make its policy and the
 * functions' stacks depend on each other); the log group is the root stack's one.
 */
export class Functions extends Construct {
  private readonly byName = new Map<string, CommerceFunction>();
  private readonly sharedRoles = new Map<string, Role>();
  /** The log group of every route and state machine task function; absent when the definition has none. */
  readonly apiLogs?: LogGroup;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const assignments = sharedRoleAssignments(props.definition);
    const { names, bundler } = props;
    if (props.apiLogs) this.apiLogs = props.apiLogs;
    else if (assignments.size > 0) {
      this.apiLogs = new LogGroup(this, 'ApiFunctionLogs', {
        retention: props.logRetention ?? RetentionDays.ONE_MONTH,
        encryptionKey: props.encryptionKey,
        removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      });
    }
    const roles = new Construct(this, 'ApiRoles');
    for (const name of names) {
      const definition = props.definition.functions[name];
      if (!definition) throw new Error(`No function "${name}" in the definition.`);
      const roleId = assignments.get(name);
      const fn = new CommerceFunction(this, name, {
        definition,
        code: bundler.code(name),
        encryptionKey: props.encryptionKey,
        logRetention: props.logRetention,
        logRemovalPolicy: props.logRemovalPolicy,
        logLevel: props.logLevel,
        ...(roleId && this.apiLogs
          ? { shared: { role: this.sharedRole(roles, roleId, this.apiLogs), logGroup: this.apiLogs } }
          : {}),
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

  /** Every function role once, with the functions it runs: what grants and acknowledgements apply to. */
  roles(): FunctionRole[] {
    const byRole = new Map<Role, string[]>();
    for (const [name, fn] of this.byName) byRole.set(fn.role, [...(byRole.get(fn.role) ?? []), name]);
    return [...byRole].map(([role, functions]) => ({ role, functions }));
  }

  /** The role of the permission set `id`, created once; it may write to the shared log group only. */
  private sharedRole(scope: Construct, id: string, logs: LogGroup): Role {
    const existing = this.sharedRoles.get(id);
    if (existing) return existing;
    const role = new Role(scope, id, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the route and workflow task functions with permission set ${id}`,
    });
    logs.grantWrite(role);
    this.sharedRoles.set(id, role);
    return role;
  }
}
