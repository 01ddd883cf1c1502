import { PatternSyntaxError } from './errors.ts';

/** An IP address as a number, with its family; IPv4 and IPv6 never compare equal. */
export interface IpAddress {
  readonly version: 4 | 6;
  readonly value: bigint;
}

// The shapes event-ruler treats as IP literals; anything else is an ordinary string.
const IPV4 = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

const parseIpv4 = (text: string): IpAddress | undefined => {
  let value = 0n;
  for (const octet of text.split('.')) {
    const n = Number(octet);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return { version: 4, value };
};

const parseGroups = (part: string): bigint[] | undefined => {
  if (part === '') return [];
  const groups = part.split(':');
  return groups.every((g) => HEX_GROUP.test(g)) ? groups.map((g) => BigInt(`0x${g}`)) : undefined;
};

const parseIpv6 = (text: string): IpAddress | undefined => {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  // `::` stands for at least one zero group; without it there must be exactly eight groups.
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return { version: 6, value: groups.reduce((acc, g) => (acc << 16n) | g, 0n) };
};

/** Parses an IPv4 or IPv6 literal; `undefined` for anything else. */
export const parseIp = (text: string): IpAddress | undefined => {
  if (IPV4.test(text)) return parseIpv4(text);
  if (IPV6.test(text)) return parseIpv6(text);
  return undefined;
};

/** Whether two strings are the same IP address written differently (`::1` and `0:0:0:0:0:0:0:1`). */
export const sameIp = (a: IpAddress, b: string): boolean => {
  const other = parseIp(b);
  return other !== undefined && other.version === a.version && other.value === a.value;
};

/**
 * Compiles a `cidr` value to a test on IP strings. Like event-ruler, the range starts at the address
 * as written (not masked) and ends at the address with all host bits set; the mask must be below the
 * address width (`/32` and `/128` are rejected).
 */
export const compileCidr = (cidr: string): ((value: string) => boolean) => {
  const slashed = cidr.split('/');
  if (slashed.length !== 2) throw new PatternSyntaxError("Malformed CIDR, one '/' required");
  const [address = '', bits = ''] = slashed;
  if (!/^-?[0-9]+$/.test(bits)) throw new PatternSyntaxError('Malformed CIDR, mask bits must be an integer');
  const maskBits = Number(bits);
  if (maskBits < 0) throw new PatternSyntaxError('Malformed CIDR, mask bits must not be negative');
  const ip = parseIp(address);
  if (!ip) throw new PatternSyntaxError(`Nonstandard IP address: ${address}`);
  const width = ip.version === 4 ? 32 : 128;
  if (maskBits >= width) throw new PatternSyntaxError(`IPv${ip.version} mask bits must be < ${width}`);
  const hostMask = (1n << BigInt(width - maskBits)) - 1n;
  const low = ip.value;
  const high = ip.value | hostMask;
  return (value) => {
    const candidate = parseIp(value);
    return candidate?.version === ip.version && candidate.value >= low && candidate.value <= high;
  };
};
