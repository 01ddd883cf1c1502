import { z } from 'zod';
import { json } from '#platform/http/response.ts';
import { type CustomerExport, customerExportSchema } from '../domain/privacy.ts';
import { noStore } from './responses.ts';

/** The export answers as a file download, never cached. */
const exportHeaders = z.object({
  'content-disposition': z
    .string()
    .meta({ description: '`attachment; filename="customer-<id>.json"`: browsers save it as a file' }),
});

/** The 200 of both export routes. */
export const exportResponses = {
  200: {
    description: 'Everything held about the customer',
    schema: customerExportSchema,
    headers: exportHeaders,
  },
};

/** Shared wording of the export routes. */
export const exportNote =
  'Profile, addresses, groups, open carts and every order with its refunds, fulfillments and returns (GDPR art. 15 and 20). Never cached.';

/** Shared wording of the erasure routes. */
export const erasureNote =
  'Deletes the profile, addresses and open carts, leaves every customer group, anonymises orders (amounts, lines and status are kept for accounting) and emits `CustomerErased`. Refused with 409 `orders_open` while an order awaits payment, cancellation or shipping. Idempotent: erasing again answers 204.';

/** The export as a download: a file name safe in a header (the id is limited to 128 characters). */
export const exportAnswer = (data: CustomerExport) =>
  json(200, data, {
    ...noStore,
    'content-disposition': `attachment; filename="customer-${data.customerId.replace(/[^A-Za-z0-9_-]/g, '_')}.json"`,
  });
