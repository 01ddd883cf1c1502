import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { scheduledEvent } from '#local/schedules/index.ts';
import { rateToMs } from '#local/schedules/rate.ts';

describe('local schedules', () => {
  it.each([
    ['rate(1 minute)', 60_000],
    ['rate(5 minutes)', 300_000],
    ['rate(1 hour)', 3_600_000],
    ['rate(2 days)', 172_800_000],
  ])('reads %s', (rate, ms) => {
    expect(rateToMs(rate)).toBe(ms);
  });

  it.each(['rate(1 minutes)', 'rate(2 minute)', 'rate(0 minutes)', 'cron(0 12 * * ? *)', 'rate(5 seconds)'])(
    'refuses %s as EventBridge would (or as the local cloud cannot run)',
    (rate) => {
      expect(() => rateToMs(rate)).toThrow();
    },
  );

  it('sends the Scheduled Event shape EventBridge sends', () => {
    const event: ScheduledEvent = scheduledEvent(
      'arn:aws:events:us-east-1:1:rule/x',
      'us-east-1',
      '1',
      new Date('2026-01-02T03:04:05.678Z'),
    );
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '1',
      time: '2026-01-02T03:04:05Z',
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:1:rule/x'],
      detail: {},
    });
  });
});
