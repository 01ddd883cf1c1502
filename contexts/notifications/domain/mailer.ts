/**
 * The port through which notifications leave the system. The domain renders an `OutgoingEmail`; an
 * adapter (SES v2 in `../data/ses-mailer.ts`) sends it. Nothing here knows which provider that is.
 */

/** One e-mail, ready to send: one recipient, a subject, a text and an HTML body, and its template's name. */
export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Which template rendered it; the provider tags the message with it (per-template metrics). */
  readonly template: string;
}

/** What the provider answered: the id it gave the accepted message (SES's `MessageId`). */
export interface SentEmail {
  readonly messageId: string;
}

/**
 * Sends e-mail. `send` resolves once the provider has accepted the message and rejects when it did not
 * (refused, unreachable, throttled); a rejection means the message may be sent again later.
 */
export interface Mailer {
  send(email: OutgoingEmail): Promise<SentEmail>;
}
