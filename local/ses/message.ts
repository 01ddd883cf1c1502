import { randomUUID } from 'node:crypto';
import { type RawSummary, summarizeRaw } from './raw.ts';
import { addressOf, type SendEmailRequest } from './request.ts';

/** One accepted message as the sink keeps it and its read-outs show it. */
export interface SentMessage {
  /** The `MessageId` SendEmail answered with. */
  readonly id: string;
  /** ISO 8601, when the sink accepted it. */
  readonly sentAt: string;
  readonly kind: 'simple' | 'template' | 'raw';
  readonly from: string;
  readonly to: string[];
  readonly cc: string[];
  readonly bcc: string[];
  readonly replyTo: string[];
  /** Empty for a stored template, which the sink cannot render (it holds no templates). */
  readonly subject: string;
  readonly text?: string;
  readonly html?: string;
  readonly tags: Record<string, string>;
  readonly configurationSet?: string;
  readonly headers?: { name: string; value: string }[];
  readonly attachments?: { fileName: string; contentType?: string; bytes: number }[];
  readonly template?: { name?: string; arn?: string; data?: unknown };
  /** The MIME source of a raw message, decoded from base64. */
  readonly raw?: string;
}

/**
 * A message id shaped like SES's (`0100018f3a2b4c5d-<uuid>-000000`: `0100`, the time in milliseconds
 * as 12 hex digits, a UUID, a six-digit suffix), so code that stores or logs ids sees their form.
 */
export const newMessageId = (now: Date): string =>
  `0100${now.getTime().toString(16).padStart(12, '0')}-${randomUUID()}-000000`;

type Simple = NonNullable<SendEmailRequest['Content']['Simple']>;
type Template = NonNullable<SendEmailRequest['Content']['Template']>;
/** What the content decides of a message; the request's other members decide the rest. */
type ContentPart = Pick<
  SentMessage,
  'kind' | 'subject' | 'text' | 'html' | 'headers' | 'attachments' | 'template' | 'raw'
>;

const simplePart = ({ Subject, Body, Headers, Attachments }: Simple): ContentPart => ({
  kind: 'simple',
  subject: Subject.Data,
  ...(Body.Text ? { text: Body.Text.Data } : {}),
  ...(Body.Html ? { html: Body.Html.Data } : {}),
  ...(Headers ? { headers: Headers.map((h) => ({ name: h.Name, value: h.Value })) } : {}),
  ...(Attachments
    ? {
        attachments: Attachments.map((a) => ({
          fileName: a.FileName,
          ...(a.ContentType ? { contentType: a.ContentType } : {}),
          bytes: Buffer.from(a.RawContent, 'base64').length,
        })),
      }
    : {}),
});

// An inline template is shown as written: the sink does not fill in its placeholders.
const templatePart = ({
  TemplateName,
  TemplateArn,
  TemplateData,
  TemplateContent,
}: Template): ContentPart => ({
  kind: 'template',
  subject: TemplateContent?.Subject ?? '',
  ...(TemplateContent?.Text !== undefined ? { text: TemplateContent.Text } : {}),
  ...(TemplateContent?.Html !== undefined ? { html: TemplateContent.Html } : {}),
  template: {
    ...(TemplateName ? { name: TemplateName } : {}),
    ...(TemplateArn ? { arn: TemplateArn } : {}),
    ...(TemplateData ? { data: JSON.parse(TemplateData) as unknown } : {}),
  },
});

const rawPart = (raw: string, summary: RawSummary): ContentPart => ({
  kind: 'raw',
  subject: summary.subject,
  ...(summary.text !== undefined ? { text: summary.text } : {}),
  ...(summary.html !== undefined ? { html: summary.html } : {}),
  raw,
});

/**
 * The message a valid SendEmail request sends. Recipients come from `Destination`; a raw message
 * without one goes to the addresses in its own To, Cc and Bcc headers, and without `FromEmailAddress`
 * comes from its own From header, as SES sends it.
 */
export const toSentMessage = (request: SendEmailRequest, id: string, now: Date): SentMessage => {
  const { Simple, Template, Raw } = request.Content;
  const raw = Raw ? Buffer.from(Raw.Data, 'base64').toString('utf8') : undefined;
  const summary = raw === undefined ? undefined : summarizeRaw(raw);
  const content =
    raw !== undefined && summary
      ? rawPart(raw, summary)
      : Simple
        ? simplePart(Simple)
        : templatePart(Template!);
  const destination = request.Destination ?? {
    ToAddresses: summary?.to,
    CcAddresses: summary?.cc,
    BccAddresses: summary?.bcc,
  };
  return {
    id,
    sentAt: now.toISOString(),
    from: request.FromEmailAddress ?? summary?.from ?? '',
    to: destination.ToAddresses ?? [],
    cc: destination.CcAddresses ?? [],
    bcc: destination.BccAddresses ?? [],
    replyTo: request.ReplyToAddresses ?? [],
    tags: Object.fromEntries((request.EmailTags ?? []).map((tag) => [tag.Name, tag.Value])),
    ...(request.ConfigurationSetName ? { configurationSet: request.ConfigurationSetName } : {}),
    ...content,
  };
};

/** Every address the message went to (To, Cc and Bcc), bare and in lower case. */
export const recipientsOf = (message: SentMessage): string[] =>
  [...message.to, ...message.cc, ...message.bcc].map((value) => (addressOf(value) ?? value).toLowerCase());
