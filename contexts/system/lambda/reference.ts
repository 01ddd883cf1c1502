import { httpRouter } from '#platform/http/router.ts';
import document from '../../../docs/openapi.json' with { type: 'json' };
import { referenceOperations } from '../operations/reference.ts';
import { referenceServices } from '../wiring.ts';

/**
 * The `apiReference` function: `GET /openapi.json`, `GET /docs` and `GET /docs/{asset}`, routed by
 * `routeKey`. The contract comes from the committed file, so this function bundles no operation's code
 * but its own.
 */
export const handler = httpRouter(referenceOperations, referenceServices(document));
