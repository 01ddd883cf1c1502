import { describe, expect, it } from 'vitest';
import { matchesPattern } from '#local/eventbridge/pattern.ts';

describe('event pattern: $or', () => {
  const simple = {
    source: ['aws.cloudwatch'],
    $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
  };

  it.each([
    { event: { source: 'aws.cloudwatch', metricName: 'CPUUtilization' }, matches: true },
    { event: { source: 'aws.cloudwatch', namespace: 'AWS/ES' }, matches: true },
    { event: { source: 'aws.cloudwatch', metricName: 'Other', namespace: 'Other' }, matches: false },
    { event: { source: 'aws.ec2', metricName: 'CPUUtilization' }, matches: false },
  ])('source AND (metricName OR namespace): $event → $matches', ({ event, matches }) => {
    expect(matchesPattern(simple, event)).toBe(matches);
  });

  const nested = {
    source: ['aws.cloudwatch'],
    $or: [
      { metricName: ['CPUUtilization', 'ReadLatency'] },
      {
        metricType: ['MetricType'],
        namespace: ['AWS/EC2', 'AWS/ES'],
        $or: [{ metricId: [1234] }, { spaceId: [1000] }],
      },
      { scope: ['Service'] },
    ],
  };

  it.each([
    { event: { source: 'aws.cloudwatch', scope: 'Service' }, matches: true },
    {
      event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 },
      matches: true,
    },
    {
      event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1 },
      matches: false,
    },
    { event: { source: 'aws.cloudwatch', metricType: 'MetricType', metricId: 1234 }, matches: false },
  ])('nested $or and AND: $event → $matches', ({ event, matches }) => {
    expect(matchesPattern(nested, event)).toBe(matches);
  });

  it('combines parallel $or groups at different levels (all must hold)', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(
      matchesPattern(pattern, {
        namespace: 'AWS/EC2',
        detail: { 'detail-type': 'CloudWatch Alarm State Change' },
      }),
    ).toBe(true);
    expect(matchesPattern(pattern, { namespace: 'AWS/EC2', detail: { source: 'aws.s3' } })).toBe(false);
  });

  it('lets each branch use any operator', () => {
    const pattern = { $or: [{ price: [{ numeric: ['>', 100] }] }, { tier: [{ prefix: 'gold' }] }] };
    expect(matchesPattern(pattern, { price: 5, tier: 'gold-plus' })).toBe(true);
    expect(matchesPattern(pattern, { price: 500, tier: 'silver' })).toBe(true);
    expect(matchesPattern(pattern, { price: 5, tier: 'silver' })).toBe(false);
  });
});
