import { httpRouter } from '#platform/http/router.ts';
import eventSchemas from '../../../docs/events/schemas.json' with { type: 'json' };
import document from '../../../docs/openapi.json' with { type: 'json' };
import { referenceOperations } from '../operations/reference.ts';
import { referenceServices } from '../wiring.ts';

/**
 * The `apiReference` function: `GET /openapi.json`, `GET /events/schemas`, `GET /docs` and
 * `GET /docs/{asset}`, routed by `routeKey`. The contracts come from the committed files, so this
 * function bundles no operation's code but its own.
 */
export const handler = httpRouter(referenceOperations, referenceServices(document, eventSchemas));
