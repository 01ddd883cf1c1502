import { Names, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { CfnManagedPolicy, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { functionEnvironment, type ResourceLocator } from '#platform/definition/environment.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import type { Auth } from './auth.ts';
import type { Lookup } from './built.ts';
import type { Functions } from './functions.ts';
import type { CommerceQueue } from './queues.ts';
import type { Secrets } from './secrets.ts';
import type { StageMail } from './stage.ts';

/** The resources a function can `use`, as built in this stack. */
export interface WiringResources {
  readonly table: TableV2;
  readonly bus: IEventBus;
  readonly queues: Lookup<CommerceQueue>;
  readonly stateMachines: Lookup<StateMachine>;
  readonly secrets: Secrets;
  /** Verifies tokens in the functions of `optional` routes (no authorizer stands in front of them). */
  readonly auth: Auth;
  /** The stage's sender: its address, SES identity and configuration set. */
  readonly mail: StageMail;
}

/** Where things are in AWS: CloudFormation references, resolved at deploy time. */
export const cdkLocator = (r: WiringResources): ResourceLocator => ({
  tableName: r.table.tableName,
  eventBusName: r.bus.eventBusName,
  queueUrl: (name) => r.queues.get(name).queue.queueUrl,
  stateMachineArn: (name) => r.stateMachines.get(name).stateMachineArn,
  secretArn: (name) => r.secrets.get(name).secretArn,
  externalSecretArn: (name) => r.secrets.external(name).secretArn,
  auth: r.auth.tokenIssuer,
  mail: {
    from: r.mail.from,
    ...(r.mail.configurationSet ? { configurationSet: r.mail.configurationSet } : {}),
  },
});

/**
 * ses:SendEmail and ses:SendRawEmail (SES v2's SendEmail authorizes as either, by content) on exactly
 * the sender's identity and the stage's configuration set, and only with the stage's From address.
 */
export const mailSendStatement = (scope: Construct, mail: StageMail): PolicyStatement =>
  new PolicyStatement({
    actions: ['ses:SendEmail', 'ses:SendRawEmail'],
    resources: [
      Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: mail.identity }),
      ...(mail.configurationSet
        ? [
            Stack.of(scope).formatArn({
              service: 'ses',
              resource: 'configuration-set',
              resourceName: mail.configurationSet,
            }),
          ]
        : []),
    ],
    conditions: { StringEquals: { 'ses:FromAddress': mail.from } },
  });

/**
 * Gives every function the environment and the IAM grants its definition `uses` — nothing more. Runs
 * after every resource exists, because state machines reference functions and functions reference
 * state machines. Grants go to each role once: the functions sharing a role have equal `uses`.
 */
export const wireFunctions = (definition: AppDefinition, functions: Functions, r: WiringResources): void => {
  const locator = cdkLocator(r);
  for (const [name, { fn }] of functions.entries()) {
    const def = definition.functions[name];
    if (!def) continue;
    // Added one by one on top of the platform variables; a definition variable with the same name
    // (e.g. POWERTOOLS_LOG_LEVEL) deliberately wins.
    for (const [key, value] of Object.entries(functionEnvironment(definition, def, locator))) {
      fn.addEnvironment(key, value);
    }
  }
  let taskTokenGrants: Construct | undefined;
  for (const { role, functions: names } of functions.roles()) {
    const uses = (names[0] === undefined ? undefined : definition.functions[names[0]]?.uses) ?? {};
    if (uses.table === 'read') r.table.grantReadData(role);
    if (uses.table === 'readWrite') r.table.grantReadWriteData(role);
    if (uses.bus) r.bus.grantPutEventsTo(role);
    for (const q of uses.queues ?? []) r.queues.get(q).queue.grantSendMessages(role);
    for (const sm of uses.stateMachines ?? []) {
      const machine = r.stateMachines.get(sm);
      // An Express machine is run synchronously (StartSyncExecution): its caller needs the answer.
      if (definition.stateMachines[sm]?.type === 'EXPRESS') machine.grantStartSyncExecution(role);
      else machine.grantStartExecution(role);
    }
    for (const sm of uses.taskTokens ?? []) {
      // A policy of its own, not the role's default one: a function the machine invokes may also resume
      // it (the checkout's wait), and its default policy would close the loop function → policy →
      // machine → function. Nothing waits on this policy, so CloudFormation can order it last.
      // (Outside the role's construct, which its functions depend on as a whole, and an L1 resource, which
      // the role does not list as a dependable: either would close the loop again. Customer-managed, so
      // it is no inline policy.)
      const machine = r.stateMachines.get(sm);
      taskTokenGrants ??= new Construct(Stack.of(functions), 'TaskTokenGrants');
      new CfnManagedPolicy(taskTokenGrants, `${Names.nodeUniqueId(role.node)}${sm}`, {
        roles: [role.roleName],
        policyDocument: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
              resources: [machine.stateMachineArn],
            }),
          ],
        }),
      });
    }
    for (const s of uses.secrets ?? []) r.secrets.grantRead(r.secrets.get(s), role);
    for (const s of uses.externalSecrets ?? []) r.secrets.grantRead(r.secrets.external(s), role);
    if (uses.mail) role.addToPrincipalPolicy(mailSendStatement(role, r.mail));
  }
};
