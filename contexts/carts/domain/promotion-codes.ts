import { type RejectionReason, rejectionReason } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { CartTotals } from '#contexts/pricing/domain/totals-schemas.ts';
import { UnprocessableError } from '#platform/errors/index.ts';
import { addCode } from './changes.ts';
import type { CartRecord } from './schemas.ts';

/**
 * Reasons that refuse an entered code outright (422 `promotion_<reason>`): nothing the shopper can do to
 * this cart makes it apply. Others (minimum not met, no matching items, a better deal, no benefit yet) keep
 * the code in the cart, shown under `promotions.rejected` with the reason, as it may apply later.
 */
const refusing: ReadonlySet<RejectionReason> = new Set(
  rejectionReason.exclude([
    'unknown_code',
    'minimum_not_met',
    'no_matching_items',
    'not_combinable',
    'no_benefit',
  ]).options,
);

const unknownCode = (code: string) =>
  new UnprocessableError(`There is no promotion with code ${code}`, 'promotion_code_unknown');

/** Enters a code that names a promotion (`promotionId`, looked up by the code); an unknown code is 422. */
export const enterCode = (cart: CartRecord, code: string, promotionId: string | undefined): CartRecord => {
  if (!promotionId) throw unknownCode(code);
  return addCode(cart, { code, promotionId });
};

/** Refuses an entered code that the cart priced with it rejects for a reason the shopper cannot change. */
export const refuseUnusableCode = (totals: CartTotals, code: string): void => {
  const rejection = totals.promotions.rejected.find((r) => r.code === code);
  // The engine calls a found code unknown when its promotion is for customer groups the shopper is not
  // in: answered exactly like a code that matches nothing, so the answer does not reveal the offer.
  if (rejection?.reason === 'unknown_code') throw unknownCode(code);
  if (rejection && refusing.has(rejection.reason))
    throw new UnprocessableError(
      `Code ${code} cannot be used: ${rejection.reason.replaceAll('_', ' ')}`,
      `promotion_${rejection.reason}`,
    );
};
