import { AppError, type FieldIssue } from './app-error.ts';

export { AppError, type FieldIssue } from './app-error.ts';

/** 400: the request is malformed or breaks a limit; `errors` names each offending field. */
export class ValidationError extends AppError {
  constructor(detail: string, errors?: readonly FieldIssue[], code = 'validation_failed') {
    super({ status: 400, code, title: 'The request is not valid', detail, ...(errors ? { errors } : {}) });
  }
}

/** 401: no valid identity (`invalid_token`: a presented bearer token failed verification). */
export class UnauthorizedError extends AppError {
  constructor(detail = 'A valid bearer token is required', code = 'unauthorized') {
    super({ status: 401, code, title: 'Not signed in', detail });
  }
}

/** 403: signed in, but not allowed. */
export class ForbiddenError extends AppError {
  constructor(detail = 'This operation needs a role the caller does not have') {
    super({ status: 403, code: 'forbidden', title: 'Not allowed', detail });
  }
}

/** 404: the resource does not exist, or the caller may not know it does. */
export class NotFoundError extends AppError {
  constructor(detail: string, code = 'not_found') {
    super({ status: 404, code, title: 'Not found', detail });
  }
}

/** 409: the request conflicts with the current state (a version, a unique value). */
export class ConflictError extends AppError {
  constructor(detail: string, code = 'conflict') {
    super({ status: 409, code, title: 'Conflict', detail });
  }
}

/** 413: the body is bigger than the operation accepts. */
export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super({
      status: 413,
      code: 'payload_too_large',
      title: 'Payload too large',
      detail: `The body exceeds ${limitBytes} bytes`,
    });
  }
}

/** 429: too many attempts; `Retry-After` says in how many seconds the caller may try again. */
export class TooManyRequestsError extends AppError {
  constructor(detail: string, code: string, retryAfterSeconds: number) {
    super({
      status: 429,
      code,
      title: 'Too many requests',
      detail,
      headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}

/** 415: the body's media type is not one the operation reads. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(detail: string, code = 'unsupported_media_type') {
    super({ status: 415, code, title: 'Unsupported media type', detail });
  }
}

/** 422: well-formed, but the business rules say no. */
export class UnprocessableError extends AppError {
  constructor(detail: string, code: string) {
    super({ status: 422, code, title: 'Cannot be processed', detail });
  }
}
