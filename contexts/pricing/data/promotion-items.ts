import { z } from 'zod';
import { type StoredPromotion, storedPromotionSchema } from '../domain/promotion-inputs.ts';
import { type Promotion, type PromotionUsage, promotionSchema } from '../domain/promotion-schemas.ts';
import { Entity, promotionKeys } from './keys.ts';

type Item = Record<string, unknown>;

/** Attributes of the item that are storage, not promotion: keys, the entity tag, the create's fingerprint. */
const storageAttributes = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'entity',
  'requestHash',
] as const;

const withoutStorage = (item: Item): Item => {
  const rest = { ...item };
  for (const name of storageAttributes) delete rest[name];
  return rest;
};

/**
 * The promotion item: every promotion is in gsi1 (admin list, newest first); an automatic one (no code)
 * is also in gsi2, the partition every cart read queries.
 */
export const promotionItem = (stored: StoredPromotion, requestHash?: string): Item => ({
  ...promotionKeys.promotion(stored.id),
  ...promotionKeys.list(stored.createdAt, stored.id),
  ...(stored.code === undefined ? promotionKeys.automatic(stored.id) : {}),
  entity: Entity.promotion,
  ...stored,
  ...(requestHash === undefined ? {} : { requestHash }),
});

/** A stored promotion (with version and timestamps) from its item, validated. */
export const storedPromotionFromItem = (item: Item): StoredPromotion =>
  storedPromotionSchema.parse(withoutStorage(item));

/** The engine's promotion from a promotion item: what `priceCart` accepts (no version, no timestamps). */
export const promotionFromItem = (item: Item): Promotion => {
  const { version: _v, createdAt: _c, updatedAt: _u, ...promotion } = withoutStorage(item);
  return promotionSchema.parse(promotion);
};

/** The uniqueness item of a code: it exists while a promotion holds the code and names that promotion. */
export const codeItem = (code: string, promotionId: string): Item => ({
  ...promotionKeys.code(code),
  entity: Entity.promotionCode,
  code,
  promotionId,
});

/** The promotion id a code item points at (undefined when the code is free). */
export const promotionIdFromCodeItem = (item: Item | undefined): string | undefined =>
  typeof item?.promotionId === 'string' ? item.promotionId : undefined;

const counter = z.number().int().nonnegative().catch(0);

/**
 * The engine's usage of one promotion from its `USAGE` item and the customer's usage item (either may
 * be absent: nothing redeemed yet). Both counters are the numeric attribute `used`.
 */
export const usageFromItems = (usage: Item | undefined, customerUsage: Item | undefined): PromotionUsage => ({
  total: counter.parse(usage?.used ?? 0),
  customer: counter.parse(customerUsage?.used ?? 0),
});
