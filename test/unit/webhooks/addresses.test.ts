import { describe, expect, it } from 'vitest';
import { isBlockedAddress, isLoopback } from '#contexts/webhooks/domain/addresses.ts';

describe('isBlockedAddress', () => {
  it.each([
    ['0.0.0.0', 'this network'],
    ['10.1.2.3', '10/8'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT, its last address'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback, anywhere in 127/8'],
    ['169.254.169.254', 'the instance metadata service'],
    ['172.16.0.1', '172.16/12'],
    ['172.31.255.255', '172.16/12, its last address'],
    ['192.168.0.10', '192.168/16'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fc00::1', 'unique local'],
    ['fdff:ffff::1', 'unique local, fd00::/8'],
    ['fe80::1', 'link-local'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata service in hex'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['example.com', 'not an address at all'],
  ])('blocks %s (%s)', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '169.255.0.1',
    '11.0.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
  ])('lets the public address %s through', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe('isLoopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('takes %s', (a) => {
    expect(isLoopback(a)).toBe(true);
  });

  it.each(['10.0.0.1', '::2', 'fe80::1', '8.8.8.8', 'localhost'])('refuses %s', (a) => {
    expect(isLoopback(a)).toBe(false);
  });
});
