import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { requireEnv } from '#platform/config/env.ts';
import { MailNotSentError } from '../domain/errors.ts';
import type { Mailer, OutgoingEmail, SentEmail } from '../domain/mailer.ts';

export interface SesMailerOptions {
  /** The sender (`MAIL_FROM`): an address of an identity verified in SES. */
  readonly from: string;
  /** A configuration set for event publishing (bounces, complaints, deliveries). @default none */
  readonly configurationSet?: string;
  /**
   * The client; its endpoint comes from the SDK's configuration (`AWS_ENDPOINT_URL_SESV2` locally).
   * @default new SESv2Client({})
   */
  readonly client?: SESv2Client;
}

const UTF8 = 'UTF-8';

/** The SendEmail request of one e-mail: Simple content, both bodies, tagged with its template. */
export const sendEmailInput = (email: OutgoingEmail, options: SesMailerOptions) => ({
  FromEmailAddress: options.from,
  Destination: { ToAddresses: [email.to] },
  Content: {
    Simple: {
      Subject: { Data: email.subject, Charset: UTF8 },
      Body: { Text: { Data: email.text, Charset: UTF8 }, Html: { Data: email.html, Charset: UTF8 } },
    },
  },
  EmailTags: [{ Name: 'template', Value: email.template }],
  ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
});

/**
 * The mailer on SES v2 `SendEmail`. Any refusal (`MessageRejected`, an unverified sender, throttling,
 * the account in the sandbox and the recipient unverified) or an unreachable endpoint becomes
 * `MailNotSentError`, the SDK's error as its cause, after the SDK's own retries of throttling.
 */
export const sesMailer = (options: SesMailerOptions): Mailer => {
  const client = options.client ?? new SESv2Client({});
  return {
    send: async (email: OutgoingEmail): Promise<SentEmail> => {
      let messageId: string | undefined;
      try {
        ({ MessageId: messageId } = await client.send(new SendEmailCommand(sendEmailInput(email, options))));
      } catch (error) {
        const name = error instanceof Error ? error.name : 'unknown error';
        throw new MailNotSentError(`SES did not send the ${email.template} e-mail (${name})`, {
          cause: error,
        });
      }
      if (!messageId)
        throw new MailNotSentError(`SES accepted the ${email.template} e-mail without a MessageId`);
      return { messageId };
    },
  };
};

/** The mailer of a function that `uses.mail`: the stage's sender (`MAIL_FROM`) and configuration set. */
export const sesMailerFromEnv = (): Mailer =>
  sesMailer({
    from: requireEnv('MAIL_FROM'),
    ...(process.env.MAIL_CONFIGURATION_SET ? { configurationSet: process.env.MAIL_CONFIGURATION_SET } : {}),
  });
