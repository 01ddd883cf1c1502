/** Every key of the notifications' items is composed here and nowhere else (see docs/data-model.md). */

/** Partition-key prefixes of the notifications' items. */
export const notificationKeyPrefixes = ['NOTIFICATION#'] as const;

const pk = (orderId: string) => `NOTIFICATION#${orderId}`;

/** The sort-key prefix of an order's e-mails (not of their resends): the admin list's Query. */
export const EMAIL_PREFIX = 'EMAIL#';

/**
 * An order's notifications and their resends (see docs/notifications.md): one item per order, template
 * and fulfillment, refund or return, so the key itself makes "one e-mail per shipment" a conditional Put; one
 * item per resend and Idempotency-Key, so the same key resends once.
 */
export const notificationKeys = {
  /**
   * `EMAIL#order-confirmation`, `EMAIL#cancellation`, `EMAIL#shipment#<fulfillmentId>`,
   * `EMAIL#refund#<refundId>`, `EMAIL#return-received#<returnId>`.
   */
  email: (orderId: string, template: string, subjectId?: string) => ({
    pk: pk(orderId),
    sk: `${EMAIL_PREFIX}${template}${subjectId ? `#${subjectId}` : ''}`,
  }),
  /** `RESEND#<notificationId>#<idempotencyKey>`: one back-office resend of a notification. */
  resend: (orderId: string, notificationId: string, idempotencyKey: string) => ({
    pk: pk(orderId),
    sk: `RESEND#${notificationId}#${idempotencyKey}`,
  }),
  /** The partition holding all of an order's notifications. */
  order: (orderId: string) => ({ pk: pk(orderId) }),
};

/** The `entity` attribute of the notifications' items. */
export const Entity = { notification: 'NOTIFICATION', resend: 'NOTIFICATION_RESEND' } as const;
