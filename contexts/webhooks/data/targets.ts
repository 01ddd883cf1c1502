import type { TargetPolicy } from '../domain/target-url.ts';
import { checkTarget } from './resolve.ts';

/** Checks a URL an admin sends (create, update): 400 with the refusal's code, DNS lookup included. */
export const acceptTarget = async (url: string, policy: TargetPolicy): Promise<void> => {
  await checkTarget(new URL(url), policy);
};
