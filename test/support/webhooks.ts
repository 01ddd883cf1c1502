import { cloud } from './cloud.ts';
import { sendJson } from './http.ts';

/** An admin request to the webhooks API. */
export const webhookAdmin = (method: string, path: string, body?: unknown) =>
  sendJson(method, `/admin/webhooks${path}`, body, cloud().tokens.admin);
