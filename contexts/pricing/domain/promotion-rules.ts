import { UnprocessableError, ValidationError } from '#platform/errors/index.ts';
import { parseInput } from '#platform/errors/parse-input.ts';
import type { CreatePromotionInput, StoredPromotion, UpdatePromotionInput } from './promotion-inputs.ts';
import { type Promotion, promotionSchema } from './promotion-schemas.ts';

/** Rejects a window that ends before it starts (400 `promotion_window_invalid`): it could never run. */
export const checkWindow = (promotion: Pick<Promotion, 'startsAt' | 'endsAt'>): void => {
  const { startsAt, endsAt } = promotion;
  if (startsAt === undefined || endsAt === undefined) return;
  if (Date.parse(endsAt) > Date.parse(startsAt)) return;
  throw new ValidationError(
    'endsAt must be after startsAt',
    [{ path: 'body.endsAt', message: 'must be after startsAt' }],
    'promotion_window_invalid',
  );
};

/** A new promotion at version 1 from the admin's input. */
export const newPromotion = (id: string, input: CreatePromotionInput, now: Date): StoredPromotion => {
  checkWindow(input);
  const at = now.toISOString();
  return { ...input, id, version: 1, createdAt: at, updatedAt: at } as StoredPromotion;
};

/**
 * The promotion after a PATCH: changes merged over the current fields (null removes one), then the
 * whole validated with the engine's schema, so no patch can store a promotion the engine would refuse.
 * `type` and `code` are identity: a cart holds the id a code resolved to, a shopper the code itself.
 */
export const applyPatch = (
  current: StoredPromotion,
  patch: UpdatePromotionInput,
  now: Date,
): StoredPromotion => {
  const { version: _version, type, code, ...changes } = patch;
  if (type !== undefined && type !== current.type)
    throw new UnprocessableError(
      `A promotion's type cannot change (it is ${current.type}); create a new promotion`,
      'promotion_type_immutable',
    );
  if (code !== undefined && (code ?? undefined) !== current.code)
    throw new UnprocessableError(
      "A promotion's code cannot change (shoppers and carts hold it); create a new promotion",
      'promotion_code_immutable',
    );
  const { version, createdAt, updatedAt: _updatedAt, ...fields } = current;
  const merged: Record<string, unknown> = { ...fields };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete merged[name];
    else if (value !== undefined) merged[name] = value;
  }
  const promotion = parseInput(promotionSchema, merged, 'body');
  checkWindow(promotion);
  return { ...promotion, version: version + 1, createdAt, updatedAt: now.toISOString() } as StoredPromotion;
};
