import { cloud } from './cloud.ts';

/** A storefront's request to the local cloud's API; returns status, headers and parsed JSON. */
export const api = async (path: string, init: RequestInit & { token?: string } = {}) => {
  const { token, headers, ...rest } = init;
  const res = await fetch(`${cloud().apiUrl}${path}`, {
    ...rest,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields
  return { status: res.status, headers: res.headers, body: body as any };
};
