import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { accessTokenClaims, clientIdFor, idTokenClaims, type MintInput } from './claims.ts';
import { handleMint, MINT_PATH } from './mint-endpoint.ts';

export interface IssuerOptions {
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Cognito's issuer path is `/<userPoolId>`; this is the local pool's. */
  readonly issuerPath?: string;
}

export interface Issuer {
  /** `http://127.0.0.1:<port><issuerPath>`: the value of `iss` and of the gateway's issuer setting. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** The app client id: `client_id` in every token and the gateway's audience. */
  readonly clientId: string;
  /** Local only: `POST` `{ email, groups? }` here for `{ token, sub }` (what `npm run token` calls). */
  readonly mintUrl: string;
  mintToken(claims: MintInput): Promise<string>;
  stop(): Promise<void>;
}

const ALG = 'RS256';

type Minter = (input: MintInput) => Promise<{ token: string; sub: string }>;

/**
 * Starts the local Cognito stand-in: one RS256 key made at start (so tokens never outlive the process
 * that can verify them), its JWKS and OpenID discovery document at Cognito's paths, and `mintToken`.
 */
export async function start(options: IssuerOptions = {}): Promise<Issuer> {
  const issuerPath = normalisePath(options.issuerPath ?? '/local_userpool');
  const { publicKey, privateKey } = await generateKeyPair(ALG);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const jwks = { keys: [{ ...jwk, kid, alg: ALG, use: 'sig' }] };
  const clientId = clientIdFor(issuerPath);

  // Filled once the port is known: the documents name the issuer, which names the port.
  let docs: Readonly<Record<string, unknown>> = {};
  let mint: Minter = () => Promise.reject(new Error('The issuer is not listening yet'));
  const server = createServer((req, res) => {
    // Local only (see mint-endpoint.ts): `npm run token` asks the running issuer for a token.
    if (
      req.method === 'POST' &&
      new URL(req.url ?? '/', 'http://local').pathname === `${issuerPath}${MINT_PATH}`
    )
      return void handleMint(req, res, mint).catch(() => res.destroy());
    serve(req, res, issuerPath, docs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}${issuerPath}`;
  docs = documents(issuer, jwks);
  mint = async (input) => {
    const mintClaims = input.tokenUse === 'id' ? idTokenClaims : accessTokenClaims;
    const claims = mintClaims(input, { iss: issuer, clientId }, Math.floor(Date.now() / 1000));
    // Cognito's header carries only `kid` and `alg`.
    const token = await new SignJWT({ ...claims }).setProtectedHeader({ kid, alg: ALG }).sign(privateKey);
    return { token, sub: claims.sub };
  };

  return {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    clientId,
    mintUrl: `${issuer}${MINT_PATH}`,
    mintToken: async (input) => (await mint(input)).token,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const normalisePath = (path: string): string => `/${path.replace(/^\/+|\/+$/g, '')}`;

const documents = (issuer: string, jwks: { keys: JWK[] }): Readonly<Record<string, unknown>> => ({
  '/.well-known/jwks.json': jwks,
  // Only what this issuer really serves: Cognito's hosted-UI endpoints (authorize, token, userinfo)
  // have no local counterpart, so they are left out rather than pointing nowhere.
  '/.well-known/openid-configuration': {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [ALG],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    claims_supported: ['sub', 'iss', 'client_id', 'token_use', 'scope', 'username', 'cognito:groups'],
  },
});

function serve(
  req: IncomingMessage,
  res: ServerResponse,
  issuerPath: string,
  docs: Readonly<Record<string, unknown>>,
): void {
  const path = new URL(req.url ?? '/', 'http://local').pathname;
  const doc = path.startsWith(`${issuerPath}/`) ? docs[path.slice(issuerPath.length)] : undefined;
  const found = doc !== undefined && (req.method === 'GET' || req.method === 'HEAD');
  const body = JSON.stringify(found ? doc : { message: 'Not Found' });
  res.writeHead(found ? 200 : 404, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
