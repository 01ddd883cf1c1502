import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { TargetRefusedError } from '../domain/errors.ts';
import { hostOf, refusalOfAddress, refusalOfUrl, type TargetPolicy } from '../domain/target-url.ts';

/** Resolver answers that mean the name does not exist (as opposed to a resolver that is down). */
const NOT_FOUND = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME', 'EAI_AGAIN']);

/** Every address a host resolves to; `webhook_url_unresolvable` when it resolves to none. */
export const resolveHost = async (host: string): Promise<{ address: string; family: number }[]> => {
  if (isIP(host) !== 0) return [{ address: host, family: isIP(host) }];
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    if (found.length === 0) throw new TargetRefusedError('webhook_url_unresolvable');
    return found;
  } catch (error) {
    if (error instanceof TargetRefusedError) throw error;
    if (NOT_FOUND.has((error as NodeJS.ErrnoException).code ?? ''))
      throw new TargetRefusedError('webhook_url_unresolvable');
    throw error;
  }
};

/**
 * Checks a target URL as registration and every send do: its text, then every address its host
 * resolves to (one private answer is enough to refuse it). Throws `TargetRefusedError` (400); answers
 * the addresses otherwise, so the sender connects to exactly what was checked.
 */
export const checkTarget = async (
  url: URL,
  policy: TargetPolicy,
): Promise<{ address: string; family: number }[]> => {
  const refusal = refusalOfUrl(url, policy);
  if (refusal) throw new TargetRefusedError(refusal);
  const addresses = await resolveHost(hostOf(url));
  for (const { address } of addresses) {
    const blocked = refusalOfAddress(address, policy);
    if (blocked) throw new TargetRefusedError(blocked);
  }
  return addresses;
};
