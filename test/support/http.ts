import { expect } from 'vitest';
import { cloud } from './cloud.ts';
import { checkAnswer } from './contract-check.ts';

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
  checkAnswer(rest.method ?? 'GET', res.url, res.status, res.headers.get('content-type'), body);
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields
  return { status: res.status, headers: res.headers, body: body as any };
};

/** A JSON request to the local cloud's API (body serialised when given), e.g. an admin change. */
export const sendJson = (
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
) =>
  api(path, {
    method,
    ...(token ? { token } : {}),
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Asserts a problem+json answer with this status and stable code, leaking no stack trace. */
export const expectProblem = (
  res: { status: number; headers: Headers; body: unknown },
  status: number,
  code: string,
) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ status, code });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
};
