import { z } from 'zod';
import { orderId } from '#contexts/orders/domain/schemas.ts';
import { checkoutEnd } from '#contexts/orders/events.ts';
import { AppError, type ProblemFields } from '#platform/errors/app-error.ts';

/** The checkout workflow's input, as `POST /carts/{cartId}/checkout` starts it. */
export const checkoutInput = z.strictObject({
  orderId,
  cartId: z.string().min(1).max(64),
  caller: z.strictObject({
    customerId: z.string().max(128).optional(),
    token: z.string().max(512).optional(),
    publishableKey: z.string().max(64).optional(),
  }),
  customerEmail: z.string().max(254).optional(),
});
export type CheckoutInput = z.infer<typeof checkoutInput>;

/** The longest refusal `detail` and the most `errors` a refusal carries through the workflow. */
const MAX_DETAIL = 2000;
const MAX_ERRORS = 100;

/** A business refusal a step answers with instead of failing: the route turns it into problem+json. */
export const refusalSchema = z.object({
  status: z.number().int().min(400).max(499),
  code: z.string().max(100),
  title: z.string().max(200),
  detail: z.string().max(MAX_DETAIL).optional(),
  errors: z
    .array(z.object({ path: z.string().max(500), message: z.string().max(500) }))
    .max(MAX_ERRORS)
    .optional(),
});
export type Refusal = z.infer<typeof refusalSchema>;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A typed 4xx error as a step's answer (a refusal is the shopper's business, not the workflow's
 * failure: no retry, no compensation); anything else is rethrown for the state machine's Retry/Catch.
 * Clipped to the refusal's bounds: a refusal too long to carry must still be a refusal, never a
 * failed step (which would start the saga that ends an order never placed, and answer 503).
 */
export const refusalOf = (error: unknown): { refusal: Refusal } => {
  if (error instanceof AppError && error.statusCode < 500) {
    const fields: ProblemFields = {
      status: error.statusCode,
      code: error.code,
      title: error.title,
      detail: clip(error.message, MAX_DETAIL),
      ...(error.errors
        ? {
            errors: error.errors
              .slice(0, MAX_ERRORS)
              .map((e) => ({ path: clip(e.path, 500), message: clip(e.message, 500) })),
          }
        : {}),
    };
    return { refusal: refusalSchema.parse(fields) };
  }
  throw error;
};

/** A refusal back as the typed error it was. */
export const refusalError = (refusal: Refusal): AppError => new AppError(refusal);

/** Input of the steps that act on a placed order. */
export const orderStepInput = z.object({ orderId });

/** Input of the payment wait (`.waitForTaskToken`). */
export const awaitStepInput = z.strictObject({ orderId, taskToken: z.string().min(1).max(2048) });

/** Input of the success step. */
export const completeStepInput = z.strictObject({ orderId, paymentIntentId: z.string().min(1).max(255) });

/** Input of the compensation: how the checkout ends and why; `cause` is the failed wait's JSON cause. */
export const releaseStepInput = z.strictObject({
  orderId,
  status: checkoutEnd,
  reason: z.string().min(1).max(100),
  cause: z.string().max(32_768).optional(),
  refund: z.boolean().optional(),
});

/** Stripe's decline code from a failed wait's cause (`notifyWaitingCheckout` puts the failure there). */
export const declineCodeOf = (cause: string | undefined): string | null => {
  if (!cause) return null;
  try {
    const failure = (JSON.parse(cause) as { failure?: { declineCode?: string; code?: string } }).failure;
    return failure?.declineCode ?? failure?.code ?? null;
  } catch {
    return null;
  }
};
