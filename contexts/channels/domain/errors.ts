import { ConflictError, UnauthorizedError, UnprocessableError } from '#platform/errors/index.ts';

/** 401 `invalid_publishable_key`: the `x-publishable-api-key` header names no live key. */
export class InvalidPublishableKeyError extends UnauthorizedError {
  constructor() {
    super('The x-publishable-api-key header names no key, or a revoked one', 'invalid_publishable_key');
  }
}

/** 409 `default_channel_fixed`: the default channel serves everything and cannot be narrowed or deleted. */
export class DefaultChannelFixedError extends ConflictError {
  constructor(what: string) {
    super(`The default channel ${what}`, 'default_channel_fixed');
  }
}

/** 422 `unknown_stock_location`: a channel names a location that does not exist. */
export class UnknownLocationError extends UnprocessableError {
  constructor(ids: readonly string[]) {
    super(`No stock location ${ids.join(', ')}`, 'unknown_stock_location');
  }
}
