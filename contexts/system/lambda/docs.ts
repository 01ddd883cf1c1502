import { docsContentSecurityPolicy, docsHtml } from '#contexts/system/reference/docs-page.ts';
import { httpHandler } from '#platform/http/handler.ts';

/** GET /docs: the API reference page; its Swagger UI files come from GET /docs/{asset}. */
export const handler = httpHandler({}, async () => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'public, max-age=300',
    'content-security-policy': docsContentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  },
  body: docsHtml,
}));
