/**
 * An error answered the way the AWS JSON protocol does (`{"__type": code, "message": ...}`), so the
 * SDK raises the matching typed exception (`InvalidEventPatternException`...).
 */
export class AwsError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, message: string, statusCode = 400) {
    super(message);
    this.name = code;
    this.code = code;
    this.statusCode = statusCode;
  }
}

/** The message AWS's request validation gives for a missing required member. */
export const missingMember = (member: string): AwsError =>
  new AwsError(
    'ValidationException',
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );
