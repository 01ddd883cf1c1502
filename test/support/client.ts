import { type ApiClient, createApiClient } from '#client/index.ts';
import { cloud } from './cloud.ts';
import { checkAnswer } from './contract-check.ts';

/** The typed API client (generated from the contract) pointed at this run's local cloud; answers checked. */
export const apiClient = (token?: string): ApiClient => {
  const client = createApiClient(cloud().apiUrl, token);
  client.use({
    onResponse: async ({ request, response }) => {
      const type = response.headers.get('content-type');
      const body = type?.startsWith('application/json') ? await response.clone().json() : undefined;
      checkAnswer(request.method, response.url || request.url, response.status, type, body);
    },
  });
  return client;
};
