import { AppError, NotFoundError, ValidationError } from '#platform/errors/index.ts';

/** 404 `webhook_not_found`: no subscription with that id. */
export class WebhookNotFoundError extends NotFoundError {
  constructor(webhookId: string) {
    super(`Webhook ${webhookId} does not exist`, 'webhook_not_found');
  }
}

/** 404 `delivery_not_found`: the subscription has no delivery with that id. */
export class DeliveryNotFoundError extends NotFoundError {
  constructor(deliveryId: string) {
    super(`Delivery ${deliveryId} does not exist`, 'delivery_not_found');
  }
}

/** Why a target URL is refused: each reason is the problem's stable `code`. */
export type TargetRefusal =
  | 'webhook_url_not_https'
  | 'webhook_url_has_credentials'
  | 'webhook_url_private_address'
  | 'webhook_url_unresolvable';

const details: Record<TargetRefusal, string> = {
  webhook_url_not_https: 'The webhook URL must use https',
  webhook_url_has_credentials: 'The webhook URL must not carry a user name or password',
  webhook_url_private_address: 'The webhook URL points at a private, loopback or reserved address',
  webhook_url_unresolvable: 'The webhook URL’s host name does not resolve',
};

/** 400 with the refusal's code: a target URL the sender would never call. */
export class TargetRefusedError extends ValidationError {
  readonly reason: TargetRefusal;
  constructor(reason: TargetRefusal) {
    super(details[reason], [{ path: 'url', message: details[reason] }], reason);
    this.reason = reason;
  }
}

/** Every refusal code, for the operations' declared problems. */
export const TARGET_REFUSALS = Object.keys(details) as TargetRefusal[];

/** The code of a target URL that could not be checked now. */
export const TARGET_CHECK_UNAVAILABLE = 'webhook_url_check_unavailable';

/**
 * 503 `webhook_url_check_unavailable`: the host name could not be looked up now (the resolver is down
 * or timed out), so the URL is neither accepted nor refused; the same request may be retried.
 */
export class TargetCheckUnavailableError extends AppError {
  constructor(host: string, cause?: unknown) {
    super(
      {
        status: 503,
        code: TARGET_CHECK_UNAVAILABLE,
        title: 'Webhook URL check unavailable',
        detail: `The host name ${host} could not be looked up now; retry`,
      },
      { cause },
    );
  }
}
