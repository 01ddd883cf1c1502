import { AwsError } from '../net/aws-error.ts';
import type { Mailbox } from './mailbox.ts';
import { newMessageId, type SentMessage, toSentMessage } from './message.ts';
import { describeIssue, MAX_RECIPIENTS, sendEmailRequest } from './request.ts';

/** SES's answer to input it refuses: 400 `BadRequestException`, which the SDK raises by that name. */
export const badRequest = (message: string) => new AwsError('BadRequestException', message);

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
};

// What only the whole message tells: a raw message's own headers may supply sender and recipients.
const checkSendable = (message: SentMessage): void => {
  if (!message.from) throw badRequest('FromEmailAddress is required: the raw message has no From header.');
  const recipients = message.to.length + message.cc.length + message.bcc.length;
  if (recipients === 0) throw badRequest('The message has no recipients: Destination is empty.');
  if (recipients > MAX_RECIPIENTS) throw badRequest(`Recipient count exceeds ${MAX_RECIPIENTS}.`);
};

/**
 * SendEmail: validates the JSON body the SDK sends, keeps the message and answers `{ MessageId }`.
 * Nothing leaves the machine; every refusal is a `BadRequestException` naming the offending member.
 */
export const sendEmail = (mailbox: Mailbox, body: string, now = new Date()): { MessageId: string } => {
  const parsed = sendEmailRequest.safeParse(parseJson(body));
  if (!parsed.success) throw badRequest(describeIssue(parsed.error));
  const message = toSentMessage(parsed.data, newMessageId(now), now);
  checkSendable(message);
  mailbox.add(message);
  return { MessageId: message.id };
};
