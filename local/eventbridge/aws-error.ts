import { AwsError } from '../net/aws-error.ts';

export { AwsError };

/** The message AWS's request validation gives for a missing required member. */
export const missingMember = (member: string): AwsError =>
  new AwsError(
    'ValidationException',
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );
