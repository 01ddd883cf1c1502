import { randomUUID } from 'node:crypto';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import type { TransactItem } from '#platform/data/transact.ts';
import { messageOf, type NotificationEmail, notificationEmail, refOf } from '../domain/emails.ts';
import { NotificationUndeliverableError } from '../domain/errors.ts';
import type { RenderFromOrder } from '../domain/events.ts';
import type { Mailer } from '../domain/mailer.ts';
import { Entity, notificationKeys } from './keys.ts';
import {
  claimQueued,
  type ItemKey,
  markSent,
  putQueued,
  releaseLease,
  type SendAttempt,
} from './notification-items.ts';

/**
 * What handling one event (or one resend) did: sent the e-mail (`sent`; `sent-again` when another
 * attempt had recorded a send first), or sent nothing because it was sent already or is being sent now.
 */
export type SendEffect = 'sent' | 'sent-again' | 'duplicate' | 'in-flight';

export interface SendOptions {
  readonly now?: Date;
  /**
   * How long an attempt holds the item: at least the sender's timeout, so no live attempt loses it,
   * and at most the queue's visibility timeout, so the retry of a crashed attempt finds it free.
   */
  readonly leaseMs: number;
}

/** One e-mail to send once: the record's key, what it stores, and what else its `sent` write records. */
export interface Delivery {
  readonly key: ItemKey;
  /** The rendered e-mail (`status: queued`) and the record's own attributes (`entity`, `eventId`). */
  readonly item: NotificationEmail & Record<string, unknown>;
  /** Written in the transaction that records the send (a resend's count on its notification). */
  readonly alsoOnSent?: (messageId: string, sentAt: Date) => TransactItem;
}

/** Sends the record's e-mail under this attempt's lease: recorded `sent`, or let go and rethrown. */
const sendClaimed = async (
  table: string,
  mailer: Mailer,
  delivery: Delivery,
  email: NotificationEmail,
  attempt: SendAttempt,
): Promise<SendEffect> => {
  let messageId: string;
  try {
    ({ messageId } = await mailer.send(messageOf(email)));
  } catch (error) {
    await releaseLease(table, delivery.key, attempt);
    throw error;
  }
  const sentAt = new Date();
  const recorded = await markSent(
    table,
    delivery.key,
    messageId,
    sentAt,
    delivery.alsoOnSent?.(messageId, sentAt),
  );
  return recorded ? 'sent' : 'sent-again';
};

/**
 * Sends `delivery` once per key: conditional Put of the `queued` record (new) → send → conditional
 * Update to `sent` with SES's MessageId. Writing before sending means no e-mail goes out unrecorded; a
 * redelivery that finds the record still `queued` (an earlier send failed or its attempt died) sends
 * it, one that finds it `sent` (or being sent) sends nothing. A crash between the send and the Update
 * sends twice — at least once, as SES itself offers. A refused send throws, leaving the record `queued`.
 */
export const sendOnce = async (
  table: string,
  mailer: Mailer,
  delivery: Delivery,
  options: SendOptions,
): Promise<SendEffect> => {
  const now = options.now ?? new Date();
  const attempt = { id: randomUUID(), until: new Date(now.getTime() + options.leaseMs).toISOString() };
  if (await putQueued(table, delivery.key, delivery.item, attempt)) {
    return sendClaimed(table, mailer, delivery, delivery.item, attempt);
  }
  const claim = await claimQueued(table, delivery.key, attempt, now);
  if (!claim.claimed) return claim.status === 'sent' ? 'duplicate' : 'in-flight';
  return sendClaimed(table, mailer, delivery, notificationEmail.parse(claim.item), attempt);
};

/**
 * Sends the e-mail `render` makes of order `orderId` for event `eventId`, once per notification (its key
 * is the order, template and fulfillment or refund): 1 GetItem (the order), then `sendOnce`. A missing
 * order or one without an e-mail throws `NotificationUndeliverableError`.
 */
export const sendOrderNotification = async (
  table: string,
  mailer: Mailer,
  eventId: string,
  orderId: string,
  render: RenderFromOrder,
  options: SendOptions,
): Promise<SendEffect> => {
  const now = options.now ?? new Date();
  const order = await new OrderRepository(table).get(orderId);
  if (!order) throw new NotificationUndeliverableError(orderId, 'notification_order_missing');
  const email = render(order, now);
  const ref = refOf(email);
  const key = notificationKeys.email(ref.orderId, ref.template, ref.subjectId);
  return sendOnce(
    table,
    mailer,
    { key, item: { ...email, entity: Entity.notification, eventId } },
    {
      ...options,
      now,
    },
  );
};
