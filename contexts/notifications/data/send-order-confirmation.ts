import { randomUUID } from 'node:crypto';
import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { OrderConfirmationUndeliverableError } from '../domain/errors.ts';
import type { Mailer } from '../domain/mailer.ts';
import {
  ORDER_CONFIRMATION_TEMPLATE,
  type OrderConfirmationEmail,
  renderOrderConfirmation,
} from '../domain/order-confirmation.ts';
import { orderConfirmationMessage } from '../domain/order-confirmation-message.ts';
import { claimQueued, markSent, putQueued, releaseLease, type SendAttempt } from './notification-items.ts';

/**
 * What handling one `OrderPlaced` did: sent the e-mail (`sent`; `sent-again` when another attempt had
 * recorded a send first), or sent nothing because it was sent already or is being sent right now.
 */
export type ConfirmationEffect = 'sent' | 'sent-again' | 'duplicate' | 'in-flight';

export interface SendOptions {
  readonly now?: Date;
  /**
   * How long an attempt holds the item: at least the consumer's timeout, so no live attempt loses it,
   * and at most the queue's visibility timeout, so the retry of a crashed attempt finds it free.
   */
  readonly leaseMs: number;
}

/** Sends the item's e-mail under this attempt's lease: recorded `sent`, or let go and rethrown. */
const sendClaimed = async (
  table: string,
  mailer: Mailer,
  email: OrderConfirmationEmail,
  attempt: SendAttempt,
): Promise<ConfirmationEffect> => {
  let messageId: string;
  try {
    ({ messageId } = await mailer.send(orderConfirmationMessage(email)));
  } catch (error) {
    await releaseLease(table, email, attempt);
    throw error;
  }
  return (await markSent(table, email, messageId, new Date())) ? 'sent' : 'sent-again';
};

/**
 * Sends the confirmation e-mail of order `orderId` for `OrderPlaced` event `eventId`, once per order.
 * 1 GetItem (the order), then: conditional Put of the `queued` item (new) → send → conditional Update to
 * `sent` with SES's MessageId. Writing before sending means no e-mail goes out unrecorded; a redelivery
 * that finds the item still `queued` (an earlier send failed or its attempt died) sends it, one that
 * finds it `sent` (or being sent) sends nothing. A crash between the send and the Update sends twice —
 * at least once, as SES itself offers. A missing order or one without an e-mail throws
 * `OrderConfirmationUndeliverableError`; a refused send throws, leaving the item `queued`.
 */
export const sendOrderConfirmation = async (
  table: string,
  mailer: Mailer,
  eventId: string,
  orderId: string,
  options: SendOptions,
): Promise<ConfirmationEffect> => {
  const now = options.now ?? new Date();
  const order = await new OrderRepository(table).get(orderId);
  if (!order) throw new OrderConfirmationUndeliverableError(orderId, 'confirmation_order_missing');
  const rendered = renderOrderConfirmation(order, now);
  const attempt = { id: randomUUID(), until: new Date(now.getTime() + options.leaseMs).toISOString() };
  if (await putQueued(table, eventId, rendered, attempt)) {
    return sendClaimed(table, mailer, rendered, attempt);
  }
  const claim = await claimQueued(table, orderId, ORDER_CONFIRMATION_TEMPLATE, attempt, now);
  if (!claim.claimed) return claim.status === 'sent' ? 'duplicate' : 'in-flight';
  return sendClaimed(table, mailer, claim.email, attempt);
};
