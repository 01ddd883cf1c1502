import { PromotionRepository } from '#contexts/pricing/data/promotion-repository.ts';
import { createPromotionInput } from '#contexts/pricing/domain/promotion-inputs.ts';
import { requireEnv } from '#platform/config/env.ts';
import { jsonBody } from '#platform/http/body.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { idempotencyKeyOf } from '#platform/http/idempotency-key.ts';
import { json } from '#platform/http/response.ts';

const promotions = new PromotionRepository(requireEnv('TABLE_NAME'));

/** POST /admin/promotions: a new promotion and its code in 1 TransactWriteItems; an Idempotency-Key makes a retry a replay. */
export const handler = httpHandler({}, async ({ event }) => {
  const input = jsonBody(event, createPromotionInput);
  const key = idempotencyKeyOf(event);
  const { promotion, replayed } = await promotions.create(
    input,
    key === undefined ? {} : { idempotencyKey: key },
  );
  return json(201, promotion, {
    location: `/admin/promotions/${promotion.id}`,
    'cache-control': 'no-store',
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
});
