import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

// `npm run token -- --email a@b.c [--admin] [--state .local/cloud.json]`
// Prints an access token for that email, signed by the RUNNING local cloud's issuer (its key is made
// at start and lives only in memory, so the token must come from it). The token alone goes to stdout:
//   TOKEN=$(npm run -s token -- --email a@b.c)
// The issuer's mint endpoint is local only; in AWS, tokens come from a Cognito sign-in.
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    admin: { type: 'boolean', default: false },
    state: { type: 'string', default: '.local/cloud.json' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const email = z.email().safeParse(values.email);
if (!email.success) fail('Usage: npm run token -- --email a@b.c [--admin]');

const stateFile = values.state ?? '.local/cloud.json';
const state = z.object({ endpoints: z.object({ issuer: z.url() }) }).safeParse(
  (() => {
    try {
      return JSON.parse(readFileSync(stateFile, 'utf8'));
    } catch {
      return fail(`Cannot read ${stateFile}: is the local cloud running (npm start)?`);
    }
  })(),
);
if (!state.success) fail(`${stateFile} does not name the issuer's endpoint`);

const issuer = state.data.endpoints.issuer;
const res = await fetch(`${issuer}/mint`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: email.data, groups: values.admin ? ['admin'] : [] }),
}).catch(() => fail(`The issuer at ${issuer} does not answer: is the local cloud running (npm start)?`));
if (!res.ok) fail(`The issuer refused: ${res.status} ${await res.text()}`);

const minted = z.object({ token: z.string(), sub: z.string() }).parse(await res.json());
console.error(`customer ${minted.sub} (${email.data}${values.admin ? ', group admin' : ''}), valid 1 hour`);
console.log(minted.token);
