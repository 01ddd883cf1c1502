import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalSes, type SentMessage, start } from '#local/ses/index.ts';

let ses: LocalSes;
beforeAll(async () => {
  ses = await start();
});
afterAll(async () => {
  await ses.stop();
});
beforeEach(async () => {
  expect((await fetch(`${ses.url}/_local/messages`, { method: 'DELETE' })).status).toBe(204);
});

/** SendEmail as `@aws-sdk/client-sesv2` puts it on the wire (restJson1). */
const sendEmail = (input: unknown) =>
  fetch(`${ses.url}/v2/email/outbound-emails`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });

const simpleEmail = (to: string[], subject: string, extra: Record<string, unknown> = {}) => ({
  FromEmailAddress: 'Shop <shop@example.com>',
  Destination: { ToAddresses: to },
  Content: {
    Simple: {
      Subject: { Data: subject, Charset: 'UTF-8' },
      Body: { Text: { Data: `Text of ${subject}`, Charset: 'UTF-8' }, Html: { Data: `<p>${subject}</p>` } },
    },
  },
  ...extra,
});

const listed = async (query = ''): Promise<SentMessage[]> => {
  const res = await fetch(`${ses.url}/_local/messages${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: SentMessage[] }).messages;
};

describe('the local SES mail sink over HTTP', () => {
  it('answers SendEmail with a MessageId and keeps the message for inspection', async () => {
    const res = await sendEmail(
      simpleEmail(['ada@example.com'], 'Your order', {
        ReplyToAddresses: ['help@example.com'],
        ConfigurationSetName: 'transactional',
        EmailTags: [{ Name: 'kind', Value: 'order-confirmation' }],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const { MessageId } = (await res.json()) as { MessageId: string };
    expect(MessageId).toMatch(/^0100[0-9a-f]{12}-/);

    const one = await fetch(`${ses.url}/_local/messages/${MessageId}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      id: MessageId,
      from: 'Shop <shop@example.com>',
      to: ['ada@example.com'],
      replyTo: ['help@example.com'],
      subject: 'Your order',
      text: 'Text of Your order',
      html: '<p>Your order</p>',
      tags: { kind: 'order-confirmation' },
      configurationSet: 'transactional',
    });
    expect((await fetch(`${ses.url}/_local/messages/0100-nope`)).status).toBe(404);
  });

  it('lists newest first, filters by recipient and forgets everything when cleared', async () => {
    for (const [to, subject] of [
      ['ada@example.com', 'first'],
      ['bob@example.com', 'second'],
      ['Ada <ADA@example.com>', 'third'],
    ] as const)
      expect((await sendEmail(simpleEmail([to], subject))).status).toBe(200);

    expect((await listed()).map((m) => m.subject)).toEqual(['third', 'second', 'first']);
    expect((await listed('?to=ada%40example.com')).map((m) => m.subject)).toEqual(['third', 'first']);
    expect(ses.messages({ to: 'bob@example.com' }).map((m) => m.subject)).toEqual(['second']);

    expect((await fetch(`${ses.url}/_local/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(await listed()).toEqual([]);
  });

  it('answers bad input with SES 400 BadRequestException, as the SDK reads it', async () => {
    for (const input of [
      '{"Content":',
      simpleEmail(['not-an-address'], 'x'),
      { ...simpleEmail(['ada@example.com'], 'x'), Content: {} },
    ]) {
      const res = await sendEmail(input);
      expect(res.status).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toBe('BadRequestException');
      const body = (await res.json()) as { message?: unknown };
      expect(typeof body.message).toBe('string');
    }
    expect(await listed()).toEqual([]);
  });

  it('refuses operations it does not implement by name', async () => {
    const res = await fetch(`${ses.url}/v2/email/outbound-bulk-emails`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('shows a hostile subject and body on the inbox page as text, the HTML only in a sandboxed frame', async () => {
    const hostile = '<script>alert("pwned")</script>';
    const res0 = await sendEmail({
      ...simpleEmail(['ada@example.com'], hostile),
      Content: {
        Simple: {
          Subject: { Data: hostile },
          Body: { Text: { Data: hostile }, Html: { Data: `<img src=x onerror="alert(1)">${hostile}` } },
        },
      },
    });
    expect(res0.status).toBe(200);

    const res = await fetch(`${ses.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(page).toMatch(/<iframe sandbox [^>]*srcdoc="&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  });
});
