import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { TargetCheckUnavailableError, TargetRefusedError } from '../domain/errors.ts';
import { hostOf, refusalOfAddress, refusalOfUrl, type TargetPolicy } from '../domain/target-url.ts';

/** Resolver answers that mean the name does not exist (`EAI_AGAIN`, a resolver down, is not one). */
const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME']);

/** A host name lookup as `node:dns/promises` makes it: every address, in the resolver's order. */
export type Lookup = (
  host: string,
  options: { all: true; verbatim: true },
) => Promise<{ address: string; family: number }[]>;

/**
 * Every address a host resolves to: 400 `webhook_url_unresolvable` when the name does not exist or has
 * no address, 503 `webhook_url_check_unavailable` when the resolver could not answer (a DNS outage
 * refuses no URL for good).
 */
export const resolveHost = async (
  host: string,
  lookupHost: Lookup = lookup,
): Promise<{ address: string; family: number }[]> => {
  if (isIP(host) !== 0) return [{ address: host, family: isIP(host) }];
  let found: { address: string; family: number }[];
  try {
    found = await lookupHost(host, { all: true, verbatim: true });
  } catch (error) {
    if (NOT_FOUND.has((error as NodeJS.ErrnoException).code ?? ''))
      throw new TargetRefusedError('webhook_url_unresolvable');
    throw new TargetCheckUnavailableError(host, error);
  }
  if (found.length === 0) throw new TargetRefusedError('webhook_url_unresolvable');
  return found;
};

/**
 * Checks a target URL as registration and every send do: its text, then every address its host
 * resolves to (one private answer is enough to refuse it). Throws `TargetRefusedError` (400), or
 * `TargetCheckUnavailableError` (503) when the resolver cannot answer; answers the addresses otherwise,
 * so the sender connects to exactly what was checked.
 */
export const checkTarget = async (
  url: URL,
  policy: TargetPolicy,
  lookupHost?: Lookup,
): Promise<{ address: string; family: number }[]> => {
  const refusal = refusalOfUrl(url, policy);
  if (refusal) throw new TargetRefusedError(refusal);
  const addresses = await resolveHost(hostOf(url), lookupHost);
  for (const { address } of addresses) {
    const blocked = refusalOfAddress(address, policy);
    if (blocked) throw new TargetRefusedError(blocked);
  }
  return addresses;
};
