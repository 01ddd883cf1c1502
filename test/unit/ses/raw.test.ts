import { describe, expect, it } from 'vitest';
import { summarizeRaw } from '#local/ses/raw.ts';

describe('the local SES raw message reader', () => {
  it('unfolds headers and splits address lists outside quotes and angle brackets', () => {
    const summary = summarizeRaw(
      'From: shop@example.com\nTo: "Doe, Jane" <jane@example.com>,\n  k@example.com\nSubject: Long\n subject\n\nHello',
    );
    expect(summary).toEqual({
      from: 'shop@example.com',
      to: ['"Doe, Jane" <jane@example.com>', 'k@example.com'],
      cc: [],
      bcc: [],
      subject: 'Long subject',
      text: 'Hello',
      html: undefined,
    });
  });

  it.each([
    ['=?UTF-8?B?R3LDvMOfZQ==?=', 'Grüße'],
    ['=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=', 'Grüße aus Köln'],
    ['=?UTF-8?Q?a?= =?UTF-8?Q?b?=', 'ab'],
    ['plain', 'plain'],
  ])('decodes the subject %s', (subject, decoded) => {
    expect(summarizeRaw(`Subject: ${subject}\r\n\r\n`).subject).toBe(decoded);
  });

  it('leaves a multipart body to the raw source', () => {
    const summary = summarizeRaw(
      'Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n--b--',
    );
    expect(summary.text).toBeUndefined();
    expect(summary.html).toBeUndefined();
  });
});
