import { requireEnv } from '#platform/config/env.ts';
import { httpRouter } from '#platform/http/router.ts';
import { refundOperations } from '../operations/refunds.ts';
import { refundServices } from '../wiring.ts';

/** The `paymentsAdmin` function: the back office's refunds, routed by `routeKey`. */
export const handler = httpRouter(refundOperations, refundServices(requireEnv('TABLE_NAME')));
