import { BlockList, isIP } from 'node:net';

/*
 * Addresses a webhook may never be sent to (pure): a back-office URL that resolves into our own network
 * (the metadata service, a VPC endpoint, a private load balancer) would let whoever registers it make
 * the sender probe inside. Checked at registration and again for the address each send connects to, so
 * a DNS answer that changes after registration (rebinding) gets no further.
 */

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where the instance metadata service answers
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: an IPv4 address in disguise
  ['2002::', 16], // 6to4: likewise
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

const IPV4_MAPPED = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i;
const IPV4_MAPPED_HEX = /^::ffff:(?:0:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** The IPv4 address an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, `::ffff:a00:1`) stands for. */
const mappedIpv4 = (address: string): string | undefined => {
  const dotted = IPV4_MAPPED.exec(address);
  if (dotted) return dotted[1];
  const hex = IPV4_MAPPED_HEX.exec(address);
  if (!hex) return undefined;
  const [high, low] = [Number.parseInt(hex[1] as string, 16), Number.parseInt(hex[2] as string, 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
};

/** Whether `address` (an IP literal) is loopback: the only private address the local cloud allows. */
export const isLoopback = (address: string): boolean => {
  const v4 = isIP(address) === 4 ? address : mappedIpv4(address);
  if (v4) return v4.startsWith('127.');
  return isIP(address) === 6 && address.replace(/^(?:0{0,4}:)+/, '::') === '::1';
};

/**
 * Whether `address` is in a private, loopback, link-local or otherwise reserved range, IPv4-mapped IPv6
 * included. Anything that is not an IP literal counts as blocked (the caller resolves names first).
 */
export const isBlockedAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return blocked.check(address, 'ipv4');
  const v4 = mappedIpv4(address);
  if (v4) return blocked.check(v4, 'ipv4');
  // `::ffff:0:0/96` spelt in a way the patterns above do not read: refuse rather than guess.
  if (/^::ffff:/i.test(address)) return true;
  return blocked.check(address, 'ipv6');
};
