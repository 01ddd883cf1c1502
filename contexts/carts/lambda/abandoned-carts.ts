import { Logger } from '@aws-lambda-powertools/logger';
import { requireEnv } from '#platform/config/env.ts';
import { reportAbandoned } from '../data/abandoned.ts';

const table = requireEnv('TABLE_NAME');
const idleMinutes = Number(requireEnv('ABANDONED_CART_IDLE_MINUTES'));
const logger = new Logger();

/** The abandoned-cart sweep (scheduled): `CartAbandoned` for each open cart with an e-mail left idle. */
export const handler = async (): Promise<{ reported: number; skipped: number }> => {
  const result = await reportAbandoned(table, idleMinutes, new Date());
  logger.info('abandoned-cart sweep', result);
  return result;
};
