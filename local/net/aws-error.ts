/**
 * An error answered the way the AWS JSON protocol does (`{"__type": code, "message": ...}`), so the
 * SDK raises the matching typed exception (`InvalidEventPatternException`, `ResourceNotFoundException`…).
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
