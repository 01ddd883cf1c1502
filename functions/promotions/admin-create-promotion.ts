import { requireEnv } from '#shared/config.ts';
import { jsonBody } from '#shared/http/body.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { idempotencyKeyOf } from '#shared/http/idempotency-key.ts';
import { json } from '#shared/http/response.ts';
import { PromotionRepository } from '#shared/promotions/repository.ts';
import { createPromotionInput } from '#shared/promotions/schemas.ts';

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
