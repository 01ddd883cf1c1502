import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBRecord } from 'aws-lambda';
import { ChannelRepository } from '#contexts/channels/data/channel-repository.ts';
import { requireEnv } from '#platform/config/env.ts';
import { type ChannelScopes, StockAlertMonitor } from '../data/alerts.ts';

const table = requireEnv('TABLE_NAME');
const channels = new ChannelRepository(table);

/** The sales channels and their locations, one Query per `CHANNEL_LIST_CACHE_MS` per warm instance. */
const channelScopes: ChannelScopes = () => channels.cachedList();

const monitor = new StockAlertMonitor(table, channelScopes);
const logger = new Logger();

/**
 * Pipe target (`stockAlerts`): the pipe has filtered the stream to written stock levels and settings.
 * Checks each variant of the batch once (alerts, the stock summary, each channel's availability); a failure fails the batch, and the retry re-checks harmlessly.
 */
export const handler = async (records: DynamoDBRecord[]): Promise<void> => {
  const variants = new Set(
    records.map((r) => r.dynamodb?.NewImage?.variantId?.S).filter((v): v is string => v !== undefined),
  );
  const checks = await Promise.all([...variants].map((v) => monitor.check(v)));
  for (const check of checks)
    if (check?.alerts.length) logger.info('stock alerts', { ...check, alerts: [...check.alerts] });
};
