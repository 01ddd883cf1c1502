import { z } from 'zod';
import { docsContentSecurityPolicy } from '../reference/docs-page.ts';
import { referenceOperation } from '../wiring.ts';

/** GET /docs: the API reference page; its Swagger UI files come from GET /docs/{asset}. */
export const getApiReference = referenceOperation({
  route: 'GET /docs',
  access: 'public',
  operationId: 'getApiReference',
  summary: 'The API reference page (Swagger UI)',
  description: 'HTML; its scripts and styles come from `GET /docs/{asset}`, never from a CDN.',
  tags: ['platform'],
  responses: {
    200: { description: 'The reference page', schema: z.string(), contentType: 'text/html; charset=utf-8' },
  },
  handle: async (_, { page }) => ({
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'content-security-policy': docsContentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body: page,
  }),
});
