import { type ApiClient, createApiClient } from '#client/index.ts';
import { cloud } from './cloud.ts';

/** The typed API client (generated from the contract) pointed at this run's local cloud. */
export const apiClient = (token?: string): ApiClient => createApiClient(cloud().apiUrl, token);
