import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { backoff, transact } from '#platform/data/transact.ts';
import { outboxItem } from '#platform/events/outbox.ts';
import { PROMOTIONS_SOURCE, type PromotionUsageExhaustedData } from '../events.ts';
import { Entity, promotionKeys } from './keys.ts';

/** A stream image of a `USAGE` item, as far as the monitor reads it: string and number attributes. */
export type UsageImage = Readonly<Record<string, { readonly S?: string; readonly N?: string } | undefined>>;

/** One written `USAGE` item: its image before (absent on insert) and after the write. */
export interface UsageChange {
  readonly oldImage: UsageImage | undefined;
  readonly newImage: UsageImage | undefined;
}

/** What the monitor reads from a `USAGE` item image: the counter and the limit consumption stored on it. */
interface Counter {
  readonly promotionId: string;
  readonly used: number;
  readonly usageLimit: number | undefined;
  readonly code: string | undefined;
}

/** Attempts before a crossing gives up on write conflicts (the pipe then retries the batch). */
const MAX_ATTEMPTS = 5;

const counterOf = (image: UsageImage | undefined): Counter | undefined => {
  const promotionId = image?.promotionId?.S;
  if (!image || promotionId === undefined) return undefined;
  const limit = image.usageLimit?.N;
  return {
    promotionId,
    used: Number(image.used?.N ?? '0'),
    usageLimit: limit === undefined ? undefined : Number(limit),
    code: image.code?.S,
  };
};

const exhausted = (c: Counter | undefined): c is Counter & { usageLimit: number } =>
  c?.usageLimit !== undefined && c.used >= c.usageLimit;

/** What one batch did to one promotion: the state it left, and whether it started from exhaustion. */
export interface Crossing {
  readonly latest: Counter;
  readonly wasExhausted: boolean;
}

/**
 * Reduces a batch of `USAGE` changes to one state per promotion. Changes of one item arrive in order,
 * so the last new image is the counter now; only the state matters (not every step in between), which
 * also makes a retried batch decide the same.
 */
export const crossingsOf = (changes: readonly UsageChange[]): Crossing[] => {
  const byPromotion = new Map<string, Crossing>();
  for (const change of changes) {
    const latest = counterOf(change.newImage);
    if (!latest) continue;
    const before = byPromotion.get(latest.promotionId);
    const wasExhausted = before?.wasExhausted === true || exhausted(counterOf(change.oldImage));
    byPromotion.set(latest.promotionId, { latest, wasExhausted });
  }
  return [...byPromotion.values()];
};

/**
 * Emits `PromotionUsageExhausted` once per reaching of a limit. The `EXHAUSTED` marker and the outbox
 * record are written in one transaction conditional on the marker's absence, so a repeated or retried
 * record finds the marker and emits nothing; a release below the limit deletes the marker, so the
 * next time the limit is reached is reported again.
 */
export class PromotionUsageMonitor {
  readonly #table: string;

  constructor(table: string) {
    this.#table = table;
  }

  /** Applies one promotion's crossing; answers whether an event was emitted. */
  async apply(crossing: Crossing, now = new Date()): Promise<'emitted' | 'cleared' | 'none'> {
    const { latest } = crossing;
    if (exhausted(latest)) return (await this.#report(latest, now)) ? 'emitted' : 'none';
    if (!crossing.wasExhausted) return 'none';
    await documentClient().send(
      new DeleteCommand({ TableName: this.#table, Key: promotionKeys.exhausted(latest.promotionId) }),
    );
    return 'cleared';
  }

  async #report(counter: Counter & { usageLimit: number }, now: Date): Promise<boolean> {
    const data: PromotionUsageExhaustedData = {
      promotionId: counter.promotionId,
      ...(counter.code ? { code: counter.code } : {}),
      usageLimit: counter.usageLimit,
    };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const result = await transact([
        {
          Put: {
            TableName: this.#table,
            Item: {
              ...promotionKeys.exhausted(counter.promotionId),
              entity: Entity.promotionExhausted,
              ...data,
              used: counter.used,
              at: now.toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: this.#table,
            Item: outboxItem(PROMOTIONS_SOURCE, 'PromotionUsageExhausted', data, now),
          },
        },
      ]);
      if (result.ok) return true;
      // The marker exists: this reaching of the limit has been reported already.
      if (result.conditionFailed[0]) return false;
      await backoff(attempt);
    }
    throw new Error(`PromotionUsageExhausted for ${counter.promotionId}: kept conflicting`);
  }
}
