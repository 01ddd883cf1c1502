import { paymentGateway } from '#contexts/payments/stripe/provider.ts';
import { requireEnv } from '#platform/config/env.ts';
import { OrderRepository } from '../data/repository.ts';
import { cancellationFailed, cancellationInput, finishCancel, refundForCancel } from '../workflow/cancel.ts';

const table = requireEnv('TABLE_NAME');
const deps = { table, orders: new OrderRepository(table), gateway: paymentGateway };

/**
 * The `orderCancellation` workflow's steps, one function (its state names the step): `refund`, `finish`,
 * `failed`. Each step is idempotent; the workflow retries them.
 */
export const handler = async (event: {
  step: string;
  input: unknown;
  error?: { Error?: string; Cause?: string };
}) => {
  const input = cancellationInput.parse(event.input);
  switch (event.step) {
    case 'refund':
      return refundForCancel(deps, input);
    case 'finish':
      return finishCancel(deps, input);
    case 'failed':
      return cancellationFailed(deps, { ...input, ...(event.error ? { error: event.error } : {}) });
    default:
      throw new Error(`No cancellation step "${event.step}"`);
  }
};
