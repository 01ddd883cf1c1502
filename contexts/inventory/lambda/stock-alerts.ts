import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBRecord } from 'aws-lambda';
import { ChannelRepository } from '#contexts/channels/data/channel-repository.ts';
import { requireEnv } from '#platform/config/env.ts';
import { type ChannelScopes, StockAlertMonitor } from '../data/alerts.ts';
import type { ChannelScope } from '../domain/availability.ts';

const table = requireEnv('TABLE_NAME');
const channels = new ChannelRepository(table);

/**
 * The sales channels and their locations: one Query, trusted for 10 s. A new channel (or a channel's
 * new locations) gets its figures from the first check after that, i.e. with the variant's next stock
 * change; a Query per 10 s per warm instance costs next to nothing.
 */
const CHANNELS_CACHE_MS = 10_000;
let scopes: { value: Promise<readonly ChannelScope[]>; until: number } | undefined;
const channelScopes: ChannelScopes = () => {
  if (!scopes || scopes.until < Date.now()) {
    const value = channels
      .list()
      .then((list) => list.map((c) => ({ id: c.id, stockLocationIds: c.stockLocationIds })));
    // A failed read is not kept: the next batch asks again.
    value.catch(() => (scopes = undefined));
    scopes = { value, until: Date.now() + CHANNELS_CACHE_MS };
  }
  return scopes.value;
};

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
