/** The one event bus the local EventBridge serves, and what it stamps on events. */
export interface Bus {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly accountId: string;
  readonly createdAt: Date;
}

export const busArn = (region: string, accountId: string, name: string): string =>
  `arn:aws:events:${region}:${accountId}:event-bus/${name}`;

/**
 * Whether an `EventBusName` (or `Name`) refers to this bus. APIs accept the name or the ARN; when it is
 * left out, AWS means the account's `default` bus.
 */
export const refersTo = (bus: Bus, nameOrArn: unknown): boolean => {
  const reference = typeof nameOrArn === 'string' && nameOrArn !== '' ? nameOrArn : 'default';
  return reference === bus.name || reference === bus.arn;
};

/** The name a reference uses, for error messages. */
export const referenceName = (nameOrArn: unknown): string =>
  typeof nameOrArn === 'string' && nameOrArn !== '' ? (nameOrArn.split('/').pop() ?? nameOrArn) : 'default';
