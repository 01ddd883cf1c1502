import { z } from 'zod';
import { orderId } from '#contexts/orders/domain/schemas.ts';
import type { NotificationEmail } from './emails.ts';
import { refOf } from './emails.ts';
import { notificationIdOf, notificationStatus, notificationTemplate } from './notification.ts';

/*
 * What the back office sees of an order's notifications (pure): the admin API's schemas and the views
 * of the stored items.
 */

/** `{orderId}` and `{notificationId}` of a notification's URL (an unknown id is a 404, not a 400). */
export const notificationPath = z.strictObject({
  orderId,
  notificationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .meta({
      description:
        '`order-confirmation`, `cancellation`, `shipment-<fulfillmentId>`, `refund-<refundId>` or `return-received-<returnId>`',
    }),
});

const when = z.iso.datetime().nullable();
const providerId = z.string().max(256).nullable();

/** One notification as the back office sees it: what was sent to whom, and how often it was resent. */
export const notificationSummary = z
  .object({
    notificationId: z.string().max(100),
    template: notificationTemplate,
    to: z.string().max(254),
    subject: z.string().max(200),
    status: notificationStatus,
    createdAt: z.iso.datetime(),
    sentAt: when,
    messageId: providerId.meta({ description: 'SES’s MessageId of the first send' }),
    resendCount: z.number().int().nonnegative(),
    lastResentAt: when,
    lastResendMessageId: providerId,
  })
  .meta({ id: 'Notification' });
export type NotificationSummary = z.infer<typeof notificationSummary>;

/** An order's notifications, oldest template first (as the sort keys order them). */
export const notificationList = z
  .object({ orderId, items: z.array(notificationSummary) })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof notificationList>;

/** One resend, as recorded under its Idempotency-Key: the same key answers the same resend. */
export const resendSchema = z
  .object({
    notificationId: z.string().max(100),
    template: notificationTemplate,
    to: z.string().max(254),
    subject: z.string().max(200),
    messageId: z.string().max(256),
    sentAt: z.iso.datetime(),
  })
  .meta({ id: 'NotificationResend' });
export type Resend = z.infer<typeof resendSchema>;

/** The view of a stored notification item. */
export const summaryOf = (email: NotificationEmail): NotificationSummary => ({
  notificationId: notificationIdOf(refOf(email)),
  template: email.template,
  to: email.to,
  subject: email.subject,
  status: email.status,
  createdAt: email.createdAt,
  sentAt: email.sentAt ?? null,
  messageId: email.messageId ?? null,
  resendCount: email.resendCount ?? 0,
  lastResentAt: email.lastResentAt ?? null,
  lastResendMessageId: email.lastResendMessageId ?? null,
});

/**
 * What a resend stores and sends: the notification's e-mail as it was rendered, `queued` again, without
 * what its own sends recorded.
 */
export const resendContent = (email: NotificationEmail, now: Date): NotificationEmail => {
  const { messageId, sentAt, resendCount, lastResendMessageId, lastResentAt, ...content } = email;
  return { ...content, status: 'queued', createdAt: now.toISOString() };
};
