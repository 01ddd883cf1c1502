import { AwsError } from './aws-error.ts';
import { type Bus, referenceName, refersTo } from './bus.ts';

/**
 * DescribeEventBus for the one local bus. Timestamps go out as epoch seconds, as the JSON protocol
 * sends them; no resource policy is reported.
 */
export const describeEventBus = (
  input: Readonly<Record<string, unknown>>,
  bus: Bus,
): Record<string, unknown> => {
  if (!refersTo(bus, input.Name)) {
    throw new AwsError('ResourceNotFoundException', `Event bus ${referenceName(input.Name)} does not exist.`);
  }
  const created = bus.createdAt.getTime() / 1000;
  return { Name: bus.name, Arn: bus.arn, CreationTime: created, LastModifiedTime: created };
};
