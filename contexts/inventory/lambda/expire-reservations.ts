import { Logger } from '@aws-lambda-powertools/logger';
import { requireEnv } from '#platform/config/env.ts';
import { expireDue } from '../data/expiry.ts';

const table = requireEnv('TABLE_NAME');
const logger = new Logger();

/**
 * The expiry sweep (meant for a one-minute schedule): releases every held reservation past its hold,
 * emitting StockReleased (reason `expired`) and ReservationExpired through the outbox.
 */
export const handler = async (): Promise<{ expired: number; alreadySettled: number }> => {
  const result = await expireDue(table, new Date());
  logger.info('expiry sweep', { expired: result.expired.length, alreadySettled: result.alreadySettled });
  return { expired: result.expired.length, alreadySettled: result.alreadySettled };
};
