import { describe, expect, it } from 'vitest';
import { createMailbox } from '#local/ses/mailbox.ts';
import type { SentMessage } from '#local/ses/message.ts';

const message = (id: string, to: string[], extra: Partial<SentMessage> = {}): SentMessage => ({
  id,
  sentAt: '2026-01-01T00:00:00.000Z',
  kind: 'simple',
  from: 'shop@example.com',
  to,
  cc: [],
  bcc: [],
  replyTo: [],
  subject: `message ${id}`,
  tags: {},
  ...extra,
});

describe('the local SES mailbox', () => {
  it('lists messages newest first and finds one by id', () => {
    const mailbox = createMailbox();
    mailbox.add(message('m1', ['a@example.com']));
    mailbox.add(message('m2', ['b@example.com']));
    mailbox.add(message('m3', ['a@example.com']));
    expect(mailbox.list().map((m) => m.id)).toEqual(['m3', 'm2', 'm1']);
    expect(mailbox.get('m2')?.to).toEqual(['b@example.com']);
    expect(mailbox.get('nope')).toBeUndefined();
  });

  it('filters by any recipient, ignoring case and display names', () => {
    const mailbox = createMailbox();
    mailbox.add(message('to', ['Ada <Ada@Example.com>']));
    mailbox.add(message('cc', ['x@example.com'], { cc: ['ada@example.com'] }));
    mailbox.add(message('bcc', ['x@example.com'], { bcc: ['ADA@example.com'] }));
    mailbox.add(message('other', ['bob@example.com']));
    expect(mailbox.list({ to: 'ada@example.com' }).map((m) => m.id)).toEqual(['bcc', 'cc', 'to']);
    expect(mailbox.list({ to: 'Ada Lovelace <ada@EXAMPLE.com>' })).toHaveLength(3);
    expect(mailbox.list({ to: 'nobody@example.com' })).toEqual([]);
  });

  it('drops the oldest messages beyond its capacity', () => {
    const mailbox = createMailbox(2);
    for (const id of ['m1', 'm2', 'm3']) mailbox.add(message(id, ['a@example.com']));
    expect(mailbox.list().map((m) => m.id)).toEqual(['m3', 'm2']);
    expect(mailbox.get('m1')).toBeUndefined();
  });

  it('forgets everything when cleared', () => {
    const mailbox = createMailbox();
    mailbox.add(message('m1', ['a@example.com']));
    mailbox.clear();
    expect(mailbox.list()).toEqual([]);
    expect(mailbox.get('m1')).toBeUndefined();
  });
});
