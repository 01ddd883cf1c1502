import { Logger } from '@aws-lambda-powertools/logger';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { z } from 'zod';
import { ensureCustomer } from '#contexts/customers/data/ensure-customer.ts';
import { customerId } from '#contexts/customers/domain/schemas.ts';
import { requireEnv } from '#platform/config/env.ts';

const table = requireEnv('TABLE_NAME');
const logger = new Logger();

// What the trigger needs from Cognito's userAttributes; anything else there is ignored.
const attributes = z.object({ sub: customerId, email: z.email().max(254).optional() });

/**
 * Cognito post-confirmation trigger (not routed): creates the customer's profile with the email the
 * user signed up with — the same record, through the same function, as a first authenticated call.
 * Cognito may invoke it again (retries, forgotten-password confirmation); creating is idempotent.
 */
export const handler = async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
  const { sub, email } = attributes.parse(event.request.userAttributes);
  const created = await ensureCustomer(table, { customerId: sub, email: email ?? null, source: 'signup' });
  logger.info('customer confirmed', {
    customerId: sub,
    created: created !== undefined,
    trigger: event.triggerSource,
  });
  // A trigger must hand the event back to Cognito unchanged.
  return event;
};
