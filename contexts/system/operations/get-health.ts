import { json } from '#platform/http/response.ts';
import { healthSchema } from '../domain/schemas.ts';
import { systemOperation } from '../wiring.ts';

/** GET /health: proves the function runs and the table answers (one strongly consistent read). */
export const getHealth = systemOperation({
  route: 'GET /health',
  access: 'public',
  operationId: 'getHealth',
  summary: 'Liveness and table reachability',
  description: 'One strongly consistent read on the table; 200 when it answers.',
  tags: ['platform'],
  responses: { 200: { description: 'The function runs and the table answers', schema: healthSchema } },
  handle: async (_, { probeTable }) => json(200, await probeTable()),
});
