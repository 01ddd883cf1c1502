import { type RejectionReason, rejectionReason } from '#contexts/pricing/domain/promotion-schemas.ts';
import type { CartTotals } from '#contexts/pricing/domain/totals-schemas.ts';
import { UnprocessableError } from '#platform/errors/index.ts';
import { addCode } from './changes.ts';
import type { CartRecord } from './schemas.ts';

/**
 * Reasons that would tell a shopper a code exists although nothing they can do makes it work: a code not
 * started yet (a launch nobody should learn early), one that ended, one used up. Answered exactly like a
 * code that matches nothing, so guessing codes learns nothing from them. Admins see the real reason on the
 * promotion itself (`GET /admin/promotions/{promotionId}`: its dates and usage).
 */
const hidden: ReadonlySet<RejectionReason> = new Set(['unknown_code', 'not_started', 'expired', 'exhausted']);

/**
 * Reasons that refuse an entered code outright with the reason (422 `promotion_<reason>`): the code is
 * live and the reason tells the shopper what to do (sign in, use the store's currency) or that they have
 * had it already. Others (minimum not met, no matching items, a better deal, no benefit yet) keep the code
 * in the cart, shown under `promotions.rejected` with the reason, as it may apply later.
 */
const refusing: ReadonlySet<RejectionReason> = new Set(
  rejectionReason.exclude([
    'unknown_code',
    'not_started',
    'expired',
    'exhausted',
    'minimum_not_met',
    'no_matching_items',
    'not_combinable',
    'no_benefit',
  ]).options,
);

/** The one answer for every code that does not work and must not be told apart (422, never 404). */
const unknownCode = (code: string) =>
  new UnprocessableError(`There is no promotion with code ${code}`, 'promotion_code_unknown');

/** Whether an error refuses the entered code itself (what the attempt limit counts as a failed guess). */
export const isCodeRefusal = (error: unknown): boolean =>
  error instanceof UnprocessableError && error.code.startsWith('promotion_');

/** Enters a code that names a promotion (`promotionId`, looked up by the code); an unknown code is 422. */
export const enterCode = (cart: CartRecord, code: string, promotionId: string | undefined): CartRecord => {
  // Room first: a full cart answers `too_many_codes` to a real code and a made-up one alike.
  const entered = addCode(cart, { code, promotionId: promotionId ?? '' });
  if (!promotionId) throw unknownCode(code);
  return entered;
};

/** Refuses an entered code that the cart priced with it rejects for a reason the shopper cannot change. */
export const refuseUnusableCode = (totals: CartTotals, code: string): void => {
  const rejection = totals.promotions.rejected.find((r) => r.code === code);
  // The engine also calls a found code unknown when its promotion is for customer groups the shopper is
  // not in: answered like a code that matches nothing, so the answer does not reveal the offer.
  if (rejection && hidden.has(rejection.reason)) throw unknownCode(code);
  if (rejection && refusing.has(rejection.reason))
    throw new UnprocessableError(
      `Code ${code} cannot be used: ${rejection.reason.replaceAll('_', ' ')}`,
      `promotion_${rejection.reason}`,
    );
};
