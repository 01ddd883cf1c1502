import type { IncomingMessage } from 'node:http';

/**
 * A request's whole body as UTF-8 text, or undefined as soon as it passes `maxBytes`: every local
 * endpoint bounds what one request may make it hold, and answers that in its own service's words.
 */
export const readBodyText = async (
  request: IncomingMessage,
  maxBytes: number,
): Promise<string | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};
