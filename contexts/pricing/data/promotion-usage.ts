import type { Cancelled, TransactItem } from '#platform/data/transact.ts';
import { AppError } from '#platform/errors/index.ts';
import type { Promotion } from '../domain/promotion-schemas.ts';
import { Entity, promotionKeys } from './keys.ts';

/** One counter a redemption moves: the promotion's total, or one customer's count of it. */
interface UsageTarget {
  readonly promotion: Promotion;
  readonly scope: 'total' | 'customer';
}

/**
 * The counters a redemption moves, in the order their items are returned: the total of every
 * promotion (admins see it even without a limit), then the customer's count where a per-customer limit
 * applies to a known customer. Consume, release and the error mapping share this order.
 */
const targetsOf = (promotions: readonly Promotion[], customerId: string | undefined): UsageTarget[] => [
  ...promotions.map((promotion) => ({ promotion, scope: 'total' as const })),
  ...(customerId === undefined
    ? []
    : promotions
        .filter((p) => p.perCustomerLimit !== undefined)
        .map((promotion) => ({ promotion, scope: 'customer' as const }))),
];

const names = { '#used': 'used', '#entity': 'entity', '#promotionId': 'promotionId' };

/** The increment of the total: it also records the limit (and code) the stream monitor reports against. */
const consumeTotal = (table: string, p: Promotion): TransactItem => {
  const limited = p.usageLimit !== undefined;
  const sets = ['#entity = :entity', '#promotionId = :id', ...(p.code ? ['#code = :code'] : [])];
  if (limited) sets.push('#limit = :limit');
  return {
    Update: {
      TableName: table,
      Key: promotionKeys.usage(p.id),
      // A limit removed since the last redemption must not keep the monitor reporting against it.
      UpdateExpression: `SET ${sets.join(', ')} ADD #used :one${limited ? '' : ' REMOVE #limit'}`,
      // Read and checked by DynamoDB inside the transaction: of N concurrent redemptions at used = limit - 1
      // exactly one sees the condition true; a missing counter is zero redemptions.
      ...(limited ? { ConditionExpression: 'attribute_not_exists(#used) OR #used < :limit' } : {}),
      ExpressionAttributeNames: { ...names, '#limit': 'usageLimit', ...(p.code ? { '#code': 'code' } : {}) },
      ExpressionAttributeValues: {
        ':entity': Entity.promotionUsage,
        ':id': p.id,
        ':one': 1,
        ...(p.code ? { ':code': p.code } : {}),
        ...(limited ? { ':limit': p.usageLimit } : {}),
      },
    },
  };
};

const consumeCustomer = (table: string, p: Promotion, customerId: string): TransactItem => ({
  Update: {
    TableName: table,
    Key: promotionKeys.customerUsage(p.id, customerId),
    UpdateExpression: 'SET #entity = :entity, #promotionId = :id, #customerId = :customer ADD #used :one',
    ConditionExpression: 'attribute_not_exists(#used) OR #used < :limit',
    ExpressionAttributeNames: { ...names, '#customerId': 'customerId' },
    ExpressionAttributeValues: {
      ':entity': Entity.promotionCustomerUsage,
      ':id': p.id,
      ':customer': customerId,
      ':one': 1,
      ':limit': p.perCustomerLimit,
    },
  },
});

/**
 * The TransactWriteItems entries that redeem `promotions` once (for `customerId` when signed in): to be
 * sent in the same transaction as the order they are redeemed for. A counter at its limit fails its
 * condition and cancels the whole transaction; `consumeFailure` names the promotion.
 */
export const consumeUsageItems = (
  table: string,
  promotions: readonly Promotion[],
  customerId: string | undefined,
): TransactItem[] =>
  targetsOf(promotions, customerId).map((t) =>
    t.scope === 'total' ? consumeTotal(table, t.promotion) : consumeCustomer(table, t.promotion, customerId!),
  );

/** A counter a redemption moved, as an order records it: released exactly so, whatever the limits are now. */
export interface UsageRef {
  readonly promotionId: string;
  readonly scope: 'total' | 'customer';
}

/** The counters `consumeUsageItems(…, promotions, customerId)` moves, to be stored with what redeemed them. */
export const usageRefs = (promotions: readonly Promotion[], customerId: string | undefined): UsageRef[] =>
  targetsOf(promotions, customerId).map((t) => ({ promotionId: t.promotion.id, scope: t.scope }));

/**
 * The compensation of a recorded redemption (`usageRefs`): each counter down by one, on condition it
 * is above zero, so a release can never make a counter negative. Works from the refs alone, so an admin
 * changing a limit between checkout and release cannot make it give back a different set of counters.
 */
export const releaseUsageRefs = (
  table: string,
  refs: readonly UsageRef[],
  customerId: string | null,
): TransactItem[] =>
  refs.map((ref) => ({
    Update: {
      TableName: table,
      Key:
        ref.scope === 'total'
          ? promotionKeys.usage(ref.promotionId)
          : promotionKeys.customerUsage(ref.promotionId, customerId!),
      UpdateExpression: 'ADD #used :minusOne',
      // A missing counter fails this too (nothing to release).
      ConditionExpression: '#used > :zero',
      ExpressionAttributeNames: { '#used': 'used' },
      ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
    },
  }));

/** 422: a promotion's usage limit (overall or for this customer) is reached; nothing was written. */
export class PromotionUsageError extends AppError {
  readonly promotionId: string;

  constructor(promotion: Promotion, scope: UsageTarget['scope']) {
    const name = promotion.code ?? promotion.name;
    super({
      status: 422,
      code: scope === 'total' ? 'promotion_exhausted' : 'promotion_customer_limit_reached',
      title: 'Cannot be processed',
      detail:
        scope === 'total'
          ? `Promotion ${name} has reached its usage limit`
          : `Promotion ${name} has already been used the most times allowed for this customer`,
      errors: [
        {
          path: `promotions.${promotion.id}`,
          message: scope === 'total' ? 'exhausted' : 'customer limit reached',
        },
      ],
    });
    this.promotionId = promotion.id;
  }
}

/**
 * The typed error of a cancelled transaction that held `consumeUsageItems(…)` at `offset`: the first
 * usage item whose condition failed (pass `transact`'s result), or undefined when none did, i.e. the
 * cancellation came from another item or a conflict.
 */
export const consumeFailure = (
  cancelled: Pick<Cancelled, 'conditionFailed'>,
  promotions: readonly Promotion[],
  customerId: string | undefined,
  offset = 0,
): PromotionUsageError | undefined => {
  const targets = targetsOf(promotions, customerId);
  const failed = targets.findIndex((_, i) => cancelled.conditionFailed[offset + i] === true);
  const target = targets[failed];
  return target ? new PromotionUsageError(target.promotion, target.scope) : undefined;
};
