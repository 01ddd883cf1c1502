import { describe, expect, it } from 'vitest';
import { matchesPattern } from '#local/eventbridge/pattern.ts';
import { withDetail } from './fixtures.ts';

describe('event pattern: cidr', () => {
  it.each([
    { cidr: '10.0.0.0/24', ip: '10.0.0.0', matches: true },
    { cidr: '10.0.0.0/24', ip: '10.0.0.255', matches: true },
    { cidr: '10.0.0.0/24', ip: '10.0.1.0', matches: false },
    { cidr: '10.0.0.0/8', ip: '10.255.3.4', matches: true },
    { cidr: '0.0.0.0/0', ip: '192.168.1.1', matches: true },
    { cidr: '192.168.0.0/16', ip: '192.169.0.1', matches: false },
    { cidr: '10.0.0.0/24', ip: 'not an ip', matches: false },
    { cidr: '10.0.0.0/24', ip: '10.0.0.256', matches: false },
    { cidr: '10.0.0.0/24', ip: '::ffff:a00:1', matches: false },
    { cidr: '2001:db8::/32', ip: '2001:db8:ffff::1', matches: true },
    { cidr: '2001:db8::/32', ip: '2001:DB8::1', matches: true },
    { cidr: '2001:db8::/32', ip: '2001:db9::1', matches: false },
    { cidr: '2001:db8::/32', ip: '10.0.0.1', matches: false },
    { cidr: '::/0', ip: '::1', matches: true },
    { cidr: 'fe80::/10', ip: 'fe80:0000:0000:0000:0202:b3ff:fe1e:8329', matches: true },
  ])('$cidr contains $ip: $matches', ({ cidr, ip, matches }) => {
    expect(
      matchesPattern({ detail: { sourceIPAddress: [{ cidr }] } }, withDetail({ sourceIPAddress: ip })),
    ).toBe(matches);
  });

  it('does not match a number', () => {
    expect(matchesPattern({ detail: { ip: [{ cidr: '0.0.0.0/0' }] } }, withDetail({ ip: 167772161 }))).toBe(
      false,
    );
  });
});
