import { sharedRoleFunctions } from '#platform/definition/callers.ts';
import type { AppDefinition, FunctionUses } from '#platform/definition/types.ts';

/**
 * Everything a function's role is granted, normalised so that equal grants compare equal: the
 * definition's `uses` (lists sorted and de-duplicated, `bus: false` = no bus). Generated secrets are read
 * at run time, so they are grants too; token-verification settings are environment values, set per
 * function, so they do not split roles.
 */
export interface PermissionSet {
  readonly table?: 'read' | 'readWrite';
  readonly bus: boolean;
  readonly queues: readonly string[];
  readonly stateMachines: readonly string[];
  readonly taskTokens: readonly string[];
  readonly secrets: readonly string[];
  readonly externalSecrets: readonly string[];
  readonly mail: boolean;
}

const normalised = (names: readonly string[] | undefined): string[] => [...new Set(names ?? [])].sort();

/** The permission set of the definition function `name`. */
export const permissionSetOf = (app: AppDefinition, name: string): PermissionSet => {
  const uses: FunctionUses = app.functions[name]?.uses ?? {};
  return {
    ...(uses.table ? { table: uses.table } : {}),
    bus: uses.bus === true,
    queues: normalised(uses.queues),
    stateMachines: normalised(uses.stateMachines),
    taskTokens: normalised(uses.taskTokens),
    secrets: normalised(uses.secrets),
    externalSecrets: normalised(uses.externalSecrets),
    mail: uses.mail === true,
  };
};

/**
 * A readable, stable construct id for a permission set (`TableRead-ExternalSecrets.stripe`): equal sets get
 * the same id, and a role keeps its id while functions with its grants come and go.
 */
export const permissionSetId = (set: PermissionSet): string => {
  const parts = [
    set.table === 'read' ? 'TableRead' : set.table === 'readWrite' ? 'TableReadWrite' : '',
    set.bus ? 'Bus' : '',
    set.queues.length > 0 ? `Queues.${set.queues.join('.')}` : '',
    set.stateMachines.length > 0 ? `StateMachines.${set.stateMachines.join('.')}` : '',
    set.taskTokens.length > 0 ? `TaskTokens.${set.taskTokens.join('.')}` : '',
    set.secrets.length > 0 ? `Secrets.${set.secrets.join('.')}` : '',
    set.externalSecrets.length > 0 ? `ExternalSecrets.${set.externalSecrets.join('.')}` : '',
    set.mail ? 'Mail' : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join('-') : 'NoGrants';
};

/**
 * Which route or state machine task function runs under which shared role (by permission set id), a
 * schedule invoking it too or not. Functions missing from the map (queue consumers, pipe targets, user
 * pool triggers, functions only schedules invoke) keep a role of their own: most of their callers add
 * grants and event sources to the role or function that must not spread to others.
 */
export const sharedRoleAssignments = (app: AppDefinition): ReadonlyMap<string, string> =>
  new Map([...sharedRoleFunctions(app)].map((name) => [name, permissionSetId(permissionSetOf(app, name))]));
