import { randomUUID } from 'node:crypto';
import { SFNClient, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { z } from 'zod';
import { PaymentProviderUnavailableError } from '#contexts/payments/domain/errors.ts';
import { AppError } from '#platform/errors/index.ts';
import { type CheckoutInput, refusalError, refusalSchema } from '../workflow/inputs.ts';

/**
 * The Step Functions client the checkout route runs its workflow with. StartSyncExecution goes to the
 * `sync-` host of Step Functions' endpoint; an endpoint override (the local cloud) is one host, which the
 * prefix would turn into a name that does not resolve.
 */
export const workflowClient = (): SFNClient =>
  new SFNClient({ disableHostPrefix: process.env.AWS_ENDPOINT_URL_SFN !== undefined });

/** 503 `checkout_unavailable`: the checkout could not finish now; the same request may be retried as is. */
export class CheckoutUnavailableError extends AppError {
  constructor(detail: string) {
    super({ status: 503, code: 'checkout_unavailable', title: 'Checkout unavailable', detail });
  }
}

const priceChange = z.object({ variantId: z.string(), previousUnitPrice: z.number(), unitPrice: z.number() });

/** What the checkout workflow answers (its `Placed`, `PlacedFree`, `*Refused` and `Failed` states). */
const workflowOutput = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('placed'),
    orderId: z.string(),
    orderToken: z.string().nullable(),
    replayed: z.boolean(),
    priceChanges: z.array(priceChange),
    status: z.string(),
    total: z.object({ grandTotal: z.number().int(), currency: z.string() }),
    // Absent for an order with nothing to pay (`PlacedFree`): it is paid as placed.
    paymentIntentId: z.string().optional(),
    clientSecret: z.string().optional(),
    publishableKey: z.string().optional(),
  }),
  z.object({ outcome: z.literal('refused'), refusal: refusalSchema }),
  z.object({ outcome: z.literal('failed'), error: z.string().optional() }),
]);
export type CheckoutPlaced = Extract<z.infer<typeof workflowOutput>, { outcome: 'placed' }>;

/**
 * Runs the checkout workflow synchronously (StartSyncExecution of the Express machine) and returns the
 * placed order, or throws the refusal (4xx) or a 503 the shopper may retry with the same key.
 */
export const runCheckout = async (
  sfn: SFNClient,
  stateMachineArn: string,
  input: CheckoutInput,
): Promise<CheckoutPlaced> => {
  const run = await sfn.send(
    // Named after the order for tracing, unique per run: Express runs are not deduplicated by name.
    new StartSyncExecutionCommand({
      stateMachineArn,
      name: `${input.orderId}-${randomUUID().slice(0, 8)}`,
      input: JSON.stringify(input),
    }),
  );
  if (run.status !== 'SUCCEEDED' || !run.output)
    throw new CheckoutUnavailableError(`The checkout did not finish (${run.status ?? 'unknown'}); retry`);
  const output = workflowOutput.parse(JSON.parse(run.output));
  if (output.outcome === 'refused') throw refusalError(output.refusal);
  if (output.outcome === 'failed') {
    const why = 'The checkout could not be completed now; retry with the same Idempotency-Key';
    throw output.error === 'PaymentProviderUnavailableError'
      ? new PaymentProviderUnavailableError(why)
      : new CheckoutUnavailableError(why);
  }
  return output;
};
