import { describe, expect, it } from 'vitest';
import { AwsError } from '#local/net/aws-error.ts';
import { createMailbox } from '#local/ses/mailbox.ts';
import { sendEmail } from '#local/ses/send-email.ts';

const simple = (overrides: Record<string, unknown> = {}) => ({
  FromEmailAddress: 'Shop <shop@example.com>',
  Destination: { ToAddresses: ['ada@example.com'] },
  Content: {
    Simple: {
      Subject: { Data: 'Your order', Charset: 'UTF-8' },
      Body: { Text: { Data: 'Thanks' }, Html: { Data: '<p>Thanks</p>' } },
    },
  },
  ...overrides,
});

const refusal = (body: unknown): AwsError => {
  try {
    sendEmail(createMailbox(), typeof body === 'string' ? body : JSON.stringify(body));
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected SendEmail to refuse the request');
};

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('the local SES SendEmail', () => {
  it('keeps a simple message and answers with its SES-shaped MessageId', () => {
    const mailbox = createMailbox();
    const now = new Date('2026-01-02T03:04:05.000Z');
    const { MessageId } = sendEmail(
      mailbox,
      JSON.stringify(
        simple({
          Destination: {
            ToAddresses: ['ada@example.com'],
            CcAddresses: ['c@example.com'],
            BccAddresses: ['b@x.y'],
          },
          ReplyToAddresses: ['help@example.com'],
          ConfigurationSetName: 'transactional',
          EmailTags: [{ Name: 'kind', Value: 'order-confirmation' }],
        }),
      ),
      now,
    );
    expect(MessageId).toMatch(/^0100[0-9a-f]{12}-[0-9a-f-]{36}-000000$/);
    expect(mailbox.get(MessageId)).toEqual({
      id: MessageId,
      sentAt: '2026-01-02T03:04:05.000Z',
      kind: 'simple',
      from: 'Shop <shop@example.com>',
      to: ['ada@example.com'],
      cc: ['c@example.com'],
      bcc: ['b@x.y'],
      replyTo: ['help@example.com'],
      subject: 'Your order',
      text: 'Thanks',
      html: '<p>Thanks</p>',
      tags: { kind: 'order-confirmation' },
      configurationSet: 'transactional',
    });
  });

  it('keeps a template message with its name and data, unrendered', () => {
    const mailbox = createMailbox();
    const { MessageId } = sendEmail(
      mailbox,
      JSON.stringify(
        simple({ Content: { Template: { TemplateName: 'OrderPlaced', TemplateData: '{"orderId":"o1"}' } } }),
      ),
    );
    expect(mailbox.get(MessageId)).toMatchObject({
      kind: 'template',
      subject: '',
      template: { name: 'OrderPlaced', data: { orderId: 'o1' } },
    });
  });

  it('takes sender, recipients and subject of a raw message from its own headers', () => {
    const mailbox = createMailbox();
    const source = [
      'From: =?UTF-8?B?TcO8bGxlcg==?= <m@example.com>',
      'To: "Doe, Jane" <jane@example.com>, k@example.com',
      'Cc: c@example.com',
      'Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=',
      'Content-Type: text/html; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      base64('<p>Hallo</p>'),
    ].join('\r\n');
    const { MessageId } = sendEmail(mailbox, JSON.stringify({ Content: { Raw: { Data: base64(source) } } }));
    expect(mailbox.get(MessageId)).toMatchObject({
      kind: 'raw',
      from: 'Müller <m@example.com>',
      to: ['"Doe, Jane" <jane@example.com>', 'k@example.com'],
      cc: ['c@example.com'],
      subject: 'Grüße',
      html: '<p>Hallo</p>',
      raw: source,
    });
  });

  it.each([
    ['a body that is not JSON', '{"FromEmailAddress":', 'not valid JSON'],
    ['no content', simple({ Content: undefined }), 'Content'],
    [
      'two kinds of content',
      simple({ Content: { ...simple().Content, Raw: { Data: base64('x') } } }),
      'Content',
    ],
    [
      'a subject without data',
      simple({ Content: { Simple: { Subject: {}, Body: { Text: { Data: 'x' } } } } }),
      'Content.Simple.Subject.Data',
    ],
    [
      'a body with neither text nor HTML',
      simple({ Content: { Simple: { Subject: { Data: 's' }, Body: {} } } }),
      'Content.Simple.Body',
    ],
    [
      'an address without a domain',
      simple({ Destination: { ToAddresses: ['ada'] } }),
      'Destination.ToAddresses.0',
    ],
    ['no sender', simple({ FromEmailAddress: undefined }), 'FromEmailAddress'],
    ['no recipients', simple({ Destination: {} }), 'no recipients'],
    [
      '51 recipients',
      simple({ Destination: { ToAddresses: Array.from({ length: 51 }, (_, i) => `r${i}@x.y`) } }),
      'Destination',
    ],
    [
      'a tag value with a space',
      simple({ EmailTags: [{ Name: 'kind', Value: 'order placed' }] }),
      'EmailTags.0.Value',
    ],
    ['an unknown member', simple({ Subject: 'misplaced' }), 'Subject'],
    [
      'template data that is not a JSON object',
      simple({ Content: { Template: { TemplateName: 't', TemplateData: '[1]' } } }),
      'TemplateData',
    ],
    ['raw data that is not base64', { Content: { Raw: { Data: 'not base64!' } } }, 'Content.Raw.Data'],
  ])('refuses %s with a BadRequestException naming the problem', (_, body, mentions) => {
    const error = refusal(body);
    expect(error).toMatchObject({ code: 'BadRequestException', statusCode: 400 });
    expect(error.message).toContain(mentions);
  });

  it('keeps nothing it refused', () => {
    const mailbox = createMailbox();
    expect(() => sendEmail(mailbox, JSON.stringify(simple({ Destination: {} })))).toThrow(AwsError);
    expect(mailbox.list()).toEqual([]);
  });
});
