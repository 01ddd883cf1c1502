import { describe, expect, it } from 'vitest';
import { refusalOfAddress, refusalOfUrl } from '#contexts/webhooks/domain/target-url.ts';

const aws = { allowLoopback: false };
const local = { allowLoopback: true };

describe('refusalOfUrl', () => {
  it.each([
    ['http://example.com/hook', 'webhook_url_not_https'],
    ['http://localhost:8080/hook', 'webhook_url_not_https'],
    ['https://user:secret@example.com/hook', 'webhook_url_has_credentials'],
    ['https://token@example.com/hook', 'webhook_url_has_credentials'],
    ['https://10.0.0.5/hook', 'webhook_url_private_address'],
    ['https://[::1]/hook', 'webhook_url_private_address'],
    ['https://[::ffff:169.254.169.254]/latest/meta-data', 'webhook_url_private_address'],
    ['https://localhost/hook', 'webhook_url_private_address'],
    ['https://api.localhost/hook', 'webhook_url_private_address'],
    ['https://127.0.0.1:8443/hook', 'webhook_url_private_address'],
  ])('refuses %s in AWS: %s', (url, code) => {
    expect(refusalOfUrl(new URL(url), aws)).toBe(code);
  });

  it.each(['https://example.com/hook', 'https://8.8.8.8/hook', 'https://hooks.example.com:8443/a?b=c'])(
    'leaves %s to the resolver',
    (url) => {
      expect(refusalOfUrl(new URL(url), aws)).toBeUndefined();
    },
  );

  it.each(['http://localhost:4000/hook', 'http://127.0.0.1:4000/hook', 'http://[::1]:4000/hook'])(
    'lets the local cloud send %s over http',
    (url) => {
      expect(refusalOfUrl(new URL(url), local)).toBeUndefined();
    },
  );

  it.each([
    ['http://example.com/hook', 'webhook_url_not_https'],
    ['http://10.0.0.5/hook', 'webhook_url_not_https'],
    ['https://10.0.0.5/hook', 'webhook_url_private_address'],
    ['http://user:pw@localhost:4000/hook', 'webhook_url_has_credentials'],
  ])('still refuses %s in the local cloud: %s', (url, code) => {
    expect(refusalOfUrl(new URL(url), local)).toBe(code);
  });
});

describe('refusalOfAddress', () => {
  it('refuses a host that resolves to a private address, and allows loopback only locally', () => {
    expect(refusalOfAddress('192.168.1.1', aws)).toBe('webhook_url_private_address');
    expect(refusalOfAddress('127.0.0.1', aws)).toBe('webhook_url_private_address');
    expect(refusalOfAddress('127.0.0.1', local)).toBeUndefined();
    expect(refusalOfAddress('192.168.1.1', local)).toBe('webhook_url_private_address');
    expect(refusalOfAddress('93.184.216.34', aws)).toBeUndefined();
  });
});
