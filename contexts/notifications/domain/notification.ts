import { z } from 'zod';
import { orderId } from '#contexts/orders/domain/schemas.ts';

/**
 * What every notification item holds, whatever its template (docs/notifications.md): who it goes to,
 * its subject, where it is in its life and, once sent or resent, what the provider answered.
 */

/** The templates, which are also the first part of a notification's id and sort key. */
export const notificationTemplate = z.enum([
  'order-confirmation',
  'shipment',
  'refund',
  'cancellation',
  'return-received',
]);
export type NotificationTemplate = z.infer<typeof notificationTemplate>;

/** Where a notification is: written and waiting to be sent (`queued`), or accepted by SES (`sent`). */
export const notificationStatus = z.enum(['queued', 'sent']);
export type NotificationStatus = z.infer<typeof notificationStatus>;

/** A money figure as an e-mail shows it: the currency's decimals, never a float ("19.99", "1200"). */
export const decimalText = z.string().regex(/^\d{1,16}(\.\d{2,3})?$/);

/** What a fulfillment, refund or return id looks like (`ful_…`, `rf_…`): the part after the template in an id. */
const subjectId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The fields every notification item has beside its template's own. */
export const notificationFields = {
  to: z.string().max(254),
  subject: z.string().max(200),
  orderId,
  status: notificationStatus,
  createdAt: z.iso.datetime(),
  messageId: z.string().min(1).max(256).optional(),
  sentAt: z.iso.datetime().optional(),
  /** How often the back office resent it, and the last resend's `messageId` and time. */
  resendCount: z.number().int().nonnegative().optional(),
  lastResendMessageId: z.string().min(1).max(256).optional(),
  lastResentAt: z.iso.datetime().optional(),
};

/**
 * Which notification of an order: its template and, for a template sent more than once per order,
 * the fulfillment, refund or return it is about (`subjectId`).
 */
export interface NotificationRef {
  readonly orderId: string;
  readonly template: NotificationTemplate;
  readonly subjectId?: string;
}

/** The templates sent once per order: their id is the template alone. */
const ONCE_PER_ORDER = new Set<NotificationTemplate>(['order-confirmation', 'cancellation']);

/**
 * A notification's URL-safe id within its order: the template, then `-` and the fulfillment, refund or
 * return id when there is one (`order-confirmation`, `cancellation`, `shipment-ful_…`, `refund-rf_…`,
 * `return-received-<returnId>`).
 */
export const notificationIdOf = (ref: NotificationRef): string =>
  ref.subjectId ? `${ref.template}-${ref.subjectId}` : ref.template;

/** The notification an id names, or undefined when it names none a template could have written. */
export const parseNotificationId = (orderId: string, id: string): NotificationRef | undefined => {
  const once = notificationTemplate.safeParse(id);
  if (once.success && ONCE_PER_ORDER.has(once.data)) return { orderId, template: once.data };
  const match = /^(shipment|refund|return-received)-(.+)$/.exec(id);
  if (!match || !subjectId.safeParse(match[2]).success) return undefined;
  return { orderId, template: match[1] as NotificationTemplate, subjectId: match[2] as string };
};

/** A short, readable order reference for a subject line (the full id is in the body). */
export const orderReference = (id: string) => id.replaceAll('-', '').slice(0, 8).toUpperCase();
