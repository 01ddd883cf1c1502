import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { notificationsContext } from '../context.ts';
import { sesMailerFromEnv } from '../data/ses-mailer.ts';
import { notificationAdminOperations } from '../operations/notifications.ts';
import { notificationAdminServices } from '../wiring.ts';

// A resend holds its record for as long as this function may run (see SendOptions.leaseMs).
const leaseMs = notificationsContext.functions.notificationsAdmin.timeoutSeconds * 1000;

/** The `notificationsAdmin` function: the back office's view of an order's e-mails and their resends. */
export const handler = httpRouter(
  notificationAdminOperations,
  notificationAdminServices(requireEnv('TABLE_NAME'), sesMailerFromEnv(), leaseMs),
);
