import { z } from 'zod';

// The SESv2 SendEmail request as `@aws-sdk/client-sesv2` serializes it (restJson1: a JSON body whose
// members keep the model's PascalCase names; blobs such as `Raw.Data` travel as base64). Limits are the
// API reference's where it gives one; the rest are local bounds far above what a product mail needs.

/** The address part of `local@domain` or `Display Name <local@domain>`, or undefined when there is none. */
export const addressOf = (value: string): string | undefined => {
  const bracketed = /<([^<>]*)>\s*$/.exec(value);
  const address = (bracketed ? bracketed[1] : value)?.trim() ?? '';
  return /^[^\s@<>",;]+@[^\s@<>",;]+$/.test(address) ? address : undefined;
};

const emailAddress = z
  .string()
  .max(320)
  .refine((value) => addressOf(value) !== undefined, {
    error: (iss) => `Invalid email address: ${JSON.stringify(iss.input)}`,
  });

// SES accepts at most 50 recipients per message, To, Cc and Bcc together (checked on the whole request).
export const MAX_RECIPIENTS = 50;
const addressList = z.array(emailAddress).max(MAX_RECIPIENTS);

const textContent = z.strictObject({
  Data: z.string(),
  Charset: z.string().min(1).max(64).optional(),
});

// MessageHeader: a printable-ASCII name without a colon (1–126 characters), a printable value (1–870).
const messageHeader = z.strictObject({
  Name: z.string().regex(/^[!-9;-~]{1,126}$/),
  Value: z.string().regex(/^[ -~]{1,870}$/),
});
const messageHeaders = z.array(messageHeader).max(15);

const attachment = z.strictObject({
  RawContent: z.base64(),
  FileName: z.string().min(1).max(255),
  ContentType: z.string().max(78).optional(),
  ContentDisposition: z.enum(['ATTACHMENT', 'INLINE']).optional(),
  ContentDescription: z.string().max(1000).optional(),
  ContentId: z.string().max(78).optional(),
  ContentTransferEncoding: z.enum(['BASE64', 'QUOTED_PRINTABLE', 'SEVEN_BIT']).optional(),
});
const attachments = z.array(attachment).max(100);

const simpleMessage = z.strictObject({
  Subject: textContent,
  Body: z
    .strictObject({ Text: textContent.optional(), Html: textContent.optional() })
    .refine((body) => body.Text !== undefined || body.Html !== undefined, {
      error: 'must have Text, Html or both',
    }),
  Headers: messageHeaders.optional(),
  Attachments: attachments.optional(),
});

// TemplateData is a JSON object given as a string (at most 262,144 characters).
const templateData = z
  .string()
  .max(262_144)
  .refine(
    (text) => {
      try {
        const data: unknown = JSON.parse(text);
        return typeof data === 'object' && data !== null && !Array.isArray(data);
      } catch {
        return false;
      }
    },
    { error: 'must be a JSON object' },
  );

const templateMessage = z
  .strictObject({
    TemplateName: z.string().min(1).max(256).optional(),
    TemplateArn: z.string().min(1).max(2048).optional(),
    TemplateData: templateData.optional(),
    TemplateContent: z
      .strictObject({
        Subject: z.string().optional(),
        Text: z.string().optional(),
        Html: z.string().optional(),
      })
      .optional(),
    Headers: messageHeaders.optional(),
    Attachments: attachments.optional(),
  })
  .refine((t) => t.TemplateName ?? t.TemplateArn ?? t.TemplateContent, {
    error: 'needs a TemplateName, a TemplateArn or a TemplateContent',
  });

const emailContent = z
  .strictObject({
    Simple: simpleMessage.optional(),
    Raw: z.strictObject({ Data: z.base64() }).optional(),
    Template: templateMessage.optional(),
  })
  .refine((c) => [c.Simple, c.Raw, c.Template].filter((part) => part !== undefined).length === 1, {
    error: 'must have exactly one of Simple, Raw or Template',
  });

// MessageTag names and values: ASCII letters, digits, underscores and dashes, 1–256 characters.
const tagPart = z.string().regex(/^[A-Za-z0-9_-]{1,256}$/);

export const sendEmailRequest = z
  .strictObject({
    FromEmailAddress: emailAddress.optional(),
    FromEmailAddressIdentityArn: z.string().max(2048).optional(),
    Destination: z
      .strictObject({
        ToAddresses: addressList.optional(),
        CcAddresses: addressList.optional(),
        BccAddresses: addressList.optional(),
      })
      .optional(),
    ReplyToAddresses: addressList.optional(),
    FeedbackForwardingEmailAddress: emailAddress.optional(),
    FeedbackForwardingEmailAddressIdentityArn: z.string().max(2048).optional(),
    Content: emailContent,
    EmailTags: z
      .array(z.strictObject({ Name: tagPart, Value: tagPart }))
      .max(50)
      .optional(),
    ConfigurationSetName: z.string().min(1).max(64).optional(),
    ListManagementOptions: z
      .strictObject({ ContactListName: z.string().min(1), TopicName: z.string().optional() })
      .optional(),
    EndpointId: z.string().max(256).optional(),
    TenantName: z.string().max(64).optional(),
  })
  .refine(
    (r) =>
      (r.Destination?.ToAddresses?.length ?? 0) +
        (r.Destination?.CcAddresses?.length ?? 0) +
        (r.Destination?.BccAddresses?.length ?? 0) <=
      MAX_RECIPIENTS,
    { error: `Recipient count exceeds ${MAX_RECIPIENTS}`, path: ['Destination'] },
  )
  // A raw message may name its sender in its own From header; the other kinds must give one here.
  .refine((r) => r.Content.Raw !== undefined || r.FromEmailAddress !== undefined, {
    error: 'required unless the content is Raw',
    path: ['FromEmailAddress'],
  });

export type SendEmailRequest = z.infer<typeof sendEmailRequest>;

/** The first problem with a request, worded for SES's `message` (`Content.Simple.Subject: …`). */
export const describeIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
};
