import { isIP } from 'node:net';
import { isBlockedAddress, isLoopback } from './addresses.ts';
import type { TargetRefusal } from './errors.ts';

/*
 * What a webhook URL must be before anything resolves it (pure). Only the local cloud, whose receivers
 * run on this machine, may send plain http and to loopback (`WEBHOOK_ALLOW_LOOPBACK`, app/environment).
 */

/** How strict the target check is in this cloud. */
export interface TargetPolicy {
  /** Local cloud only: http and https to `localhost` / 127.0.0.0/8 / ::1 are allowed. */
  readonly allowLoopback: boolean;
}

const LOCAL_NAMES = new Set(['localhost']);

/** The host of a URL as a resolver or an address check takes it (IPv6 brackets removed). */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Whether a host names this machine (`localhost`, a loopback literal). */
const isLocalHost = (host: string) =>
  LOCAL_NAMES.has(host.toLowerCase()) || (isIP(host) !== 0 && isLoopback(host));

/**
 * The refusal of a URL from its text alone: scheme, credentials, an IP literal in a blocked range;
 * undefined when only resolving the host can tell.
 */
export const refusalOfUrl = (url: URL, policy: TargetPolicy): TargetRefusal | undefined => {
  const host = hostOf(url);
  const local = policy.allowLoopback && isLocalHost(host);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return 'webhook_url_not_https';
  if (url.username !== '' || url.password !== '') return 'webhook_url_has_credentials';
  if (local) return undefined;
  if (isIP(host) !== 0 && isBlockedAddress(host)) return 'webhook_url_private_address';
  if (LOCAL_NAMES.has(host.toLowerCase()) || host.toLowerCase().endsWith('.localhost'))
    return 'webhook_url_private_address';
  return undefined;
};

/** The refusal of a resolved address of the host (every address of it must pass). */
export const refusalOfAddress = (address: string, policy: TargetPolicy): TargetRefusal | undefined =>
  policy.allowLoopback && isLoopback(address)
    ? undefined
    : isBlockedAddress(address)
      ? 'webhook_url_private_address'
      : undefined;
