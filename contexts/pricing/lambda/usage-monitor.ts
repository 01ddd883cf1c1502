import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBRecord } from 'aws-lambda';
import { requireEnv } from '#platform/config/env.ts';
import { crossingsOf, PromotionUsageMonitor } from '../data/promotion-exhaustion.ts';

const monitor = new PromotionUsageMonitor(requireEnv('TABLE_NAME'));
const logger = new Logger();

/**
 * Pipe target (`promotionUsage`): the pipe has filtered the stream to written `USAGE` counters. One
 * decision per promotion of the batch; a failure fails the batch, and the retry decides the same.
 */
export const handler = async (records: DynamoDBRecord[]): Promise<void> => {
  const crossings = crossingsOf(
    records.map((r) => ({ oldImage: r.dynamodb?.OldImage, newImage: r.dynamodb?.NewImage })),
  );
  const outcomes = await Promise.all(crossings.map((c) => monitor.apply(c)));
  crossings.forEach((c, i) => {
    if (outcomes[i] !== 'none')
      logger.info('promotion usage', { promotionId: c.latest.promotionId, outcome: outcomes[i] });
  });
};
