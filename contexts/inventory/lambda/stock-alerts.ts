import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBRecord } from 'aws-lambda';
import { requireEnv } from '#platform/config/env.ts';
import { StockAlertMonitor } from '../data/alerts.ts';

const monitor = new StockAlertMonitor(requireEnv('TABLE_NAME'));
const logger = new Logger();

/**
 * Pipe target (`stockAlerts`): the pipe has filtered the stream to written stock levels and settings.
 * Checks each variant of the batch once; a failure fails the batch, and the retry re-checks harmlessly.
 */
export const handler = async (records: DynamoDBRecord[]): Promise<void> => {
  const variants = new Set(
    records.map((r) => r.dynamodb?.NewImage?.variantId?.S).filter((v): v is string => v !== undefined),
  );
  const checks = await Promise.all([...variants].map((v) => monitor.check(v)));
  for (const check of checks)
    if (check?.alerts.length) logger.info('stock alerts', { ...check, alerts: [...check.alerts] });
};
