import { requireEnv } from '#platform/config/env.ts';
import { awaitPaymentStep } from '../workflow/await-payment.ts';

const table = requireEnv('TABLE_NAME');

/** The payment saga's wait: stores its task token, resumes itself if the payment result came first. */
export const handler = (event: unknown) => awaitPaymentStep(table, event);
