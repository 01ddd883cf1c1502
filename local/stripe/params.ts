import { z } from 'zod';
import { invalidRequest, type StripeApiError } from './errors.ts';
import type { FormObject, FormValue } from './form.ts';

// Every form value arrives as a string; these helpers read them the way Stripe does and say what
// went wrong in Stripe's words, with Stripe's error code in the issue's params.
const coded = (stripeCode: string) => ({ params: { stripeCode } });

const formString = (max: number) =>
  z.string().max(max, { error: (iss) => `Invalid string: must be at most ${iss.maximum} characters` });

const formInteger = () =>
  z
    .string()
    .refine((s) => /^\d{1,15}$/.test(s), {
      error: (iss) => `Invalid integer: ${String(iss.input)}`,
      ...coded('parameter_invalid_integer'),
    })
    .transform(Number);

const formBoolean = () =>
  z
    .enum(['true', 'false'], { error: (iss) => `Invalid boolean: ${String(iss.input)}` })
    .transform((s) => s === 'true');

/** stripe-node sends lists as `a[0]=x&a[1]=y` (an object with numeric keys); Stripe.js as `a[]=x`. */
const formList = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value as Record<string, FormValue>)
            .sort(([a], [b]) => Number(a) - Number(b))
            .map(([, v]) => v)
        : value,
    z.array(item).min(1).max(max),
  );

// Stripe's metadata limits: 50 keys, key names up to 40 characters, values up to 500.
const metadata = z
  .record(formString(40), formString(500))
  .refine((m) => Object.keys(m).length <= 50, { error: 'Metadata can have at most 50 keys' });

const amount = formInteger()
  .refine((n) => n >= 1, { error: 'Amount must be at least 1', ...coded('amount_too_small') })
  // Stripe's limit for most currencies: eight digits of minor units.
  .refine((n) => n <= 99_999_999, {
    error: 'Amount must be no more than 99999999',
    ...coded('amount_too_large'),
  });

const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, { error: (iss) => `Invalid currency: ${String(iss.input)}` })
  .transform((c) => c.toLowerCase());

const clientSecret = formString(200);

export const createIntentParams = z.strictObject({
  amount,
  currency,
  metadata: metadata.optional(),
  description: formString(1000).optional(),
  // Only cards are emulated. `allowed_payment_method_types` is this SDK's API version's name for the
  // list; `payment_method_types` the name older versions send.
  allowed_payment_method_types: formList(z.enum(['card']), 10).optional(),
  payment_method_types: formList(z.enum(['card']), 10).optional(),
  automatic_payment_methods: z
    .strictObject({ enabled: formBoolean(), allow_redirects: z.enum(['always', 'never']).optional() })
    .optional(),
  // Only automatic capture is emulated (`automatic_async` is Stripe's newer default spelling of it).
  capture_method: z.enum(['automatic', 'automatic_async']).optional(),
});
export type CreateIntentParams = z.infer<typeof createIntentParams>;

export const confirmIntentParams = z.strictObject({
  payment_method: formString(255).optional(),
  client_secret: clientSecret.optional(),
  return_url: formString(2048).optional(),
});
export type ConfirmIntentParams = z.infer<typeof confirmIntentParams>;

export const cancelIntentParams = z.strictObject({
  cancellation_reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned']).optional(),
});
export type CancelIntentParams = z.infer<typeof cancelIntentParams>;

export const retrieveParams = z.strictObject({ client_secret: clientSecret.optional() });

export const createRefundParams = z.strictObject({
  payment_intent: formString(255).optional(),
  charge: formString(255).optional(),
  amount: amount.optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  metadata: metadata.optional(),
});
export type CreateRefundParams = z.infer<typeof createRefundParams>;

const bracketPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join('');

/** The first zod issue as the error Stripe gives for that kind of bad parameter. */
const toStripeError = (issue: z.core.$ZodIssue): StripeApiError => {
  const param = bracketPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const unknown = bracketPath([...issue.path, issue.keys[0] ?? '']);
    return invalidRequest('parameter_unknown', `Received unknown parameter: ${unknown}`, unknown, true);
  }
  if (issue.input === undefined)
    return invalidRequest('parameter_missing', `Missing required param: ${param}.`, param, true);
  if (issue.input === '')
    return invalidRequest(
      'parameter_invalid_empty',
      `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
      param,
      true,
    );
  const stripeCode = issue.code === 'custom' ? issue.params?.stripeCode : undefined;
  return invalidRequest(typeof stripeCode === 'string' ? stripeCode : undefined, issue.message, param, true);
};

/** Parses decoded form parameters with a schema, raising Stripe's 400 for the first bad one. */
export const parseParams = <T extends z.ZodType>(schema: T, form: FormObject): z.output<T> => {
  // reportInput: the issue must say what was sent, to tell a missing param from an empty one.
  const result = schema.safeParse(form, { reportInput: true });
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw issue ? toStripeError(issue) : invalidRequest(undefined, 'Invalid request', undefined, true);
};
