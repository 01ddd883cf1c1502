import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBodyText } from '../net/read-body.ts';
import type { MintInput } from './claims.ts';

/**
 * `POST <issuer>/mint`: LOCAL ONLY, AWS has no such thing (Cognito issues tokens only after a real
 * sign-in). Lets `npm run token` get a token from the running issuer, whose key lives in its memory.
 * The issuer listens on 127.0.0.1, so only this machine can reach it.
 */
export const MINT_PATH = '/mint';

const MAX_BODY_BYTES = 4 * 1024;

const mintRequest = z.strictObject({
  email: z.email().max(254),
  groups: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
    .max(10)
    .default([]),
  // At most 12 hours, like the tokens `npm start` prints; negative values mint an expired token.
  expiresInSeconds: z.number().int().min(-86_400).max(43_200).default(3600),
  // An ID token, which the API refuses (tests prove it does).
  tokenUse: z.enum(['access', 'id']).default('access'),
});

/** The response of the mint endpoint: the token and the `sub` it was minted for. */
export interface MintResponse {
  readonly token: string;
  readonly sub: string;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const readBody = (req: IncomingMessage): Promise<string | undefined> => readBodyText(req, MAX_BODY_BYTES);

/** Answers one mint request: 200 `{ token, sub }`, or 400 with the reason. */
export const handleMint = async (
  req: IncomingMessage,
  res: ServerResponse,
  mint: (input: MintInput) => Promise<{ token: string; sub: string }>,
): Promise<void> => {
  const text = await readBody(req);
  if (text === undefined) return send(res, 413, { message: 'Body too large' });
  let json: unknown;
  try {
    json = JSON.parse(text || '{}');
  } catch {
    return send(res, 400, { message: 'The body must be JSON' });
  }
  const parsed = mintRequest.safeParse(json);
  if (!parsed.success)
    return send(res, 400, { message: 'Invalid mint request', issues: parsed.error.issues });
  const result: MintResponse = await mint(parsed.data);
  send(res, 200, result);
};
