import { findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from 'fauxqs';

/** A running fauxqs endpoint. */
export interface SqsServer {
  /** `http://127.0.0.1:<port>`: the endpoint SDK clients point at. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts fauxqs in this process. `buildApp` rather than `startFauxqs`, because the latter always listens
 * on 0.0.0.0 and the local cloud must not be reachable from the network.
 */
export const startServer = async (port: number, region: string): Promise<SqsServer> => {
  await acceptSupplementaryCharacters();
  const app = buildApp({ logger: false, defaultRegion: region });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('fauxqs is not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
    },
  };
};

// SQS accepts #x9 | #xA | #xD | #x20–#xD7FF | #xE000–#xFFFD | #x10000–#x10FFFF in a message body. fauxqs
// tests its body with a RegExp without the `u` flag, so each half of a surrogate pair (an emoji, a
// rare CJK character) counts as invalid and SendMessage fails where AWS accepts it: a product titled
// with an emoji would lose its events locally. Its check is one shared RegExp object; this gives it
// SQS's rule. If a fauxqs release moves or fixes it, there is nothing to mend.
// biome-ignore lint/suspicious/noControlCharactersInRegex: SQS's own rule names tab, LF and CR.
const SQS_BODY_INVALID = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
let accepted = false;
const acceptSupplementaryCharacters = async (): Promise<void> => {
  if (accepted) return;
  accepted = true;
  const manifest = findPackageJSON('fauxqs', import.meta.url);
  const types = (
    manifest
      ? await import(pathToFileURL(join(dirname(manifest), 'dist/sqs/sqsTypes.js')).href).catch(() => ({}))
      : {}
  ) as { INVALID_MESSAGE_BODY_CHAR?: RegExp };
  const check = types.INVALID_MESSAGE_BODY_CHAR;
  if (check) check.test = (body: string) => SQS_BODY_INVALID.test(body);
};
