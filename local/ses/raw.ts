/** What the sink reads from a raw MIME message: its top-level headers and a single-part body. */
export interface RawSummary {
  readonly from: string | undefined;
  readonly to: string[];
  readonly cc: string[];
  readonly bcc: string[];
  readonly subject: string;
  readonly text: string | undefined;
  readonly html: string | undefined;
}

// RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`), as mail libraries write non-ASCII subjects.
const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

const decodeWords = (value: string): string =>
  value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(ENCODED_WORD, (word, charset: string, kind, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
                  String.fromCharCode(Number.parseInt(hex, 16)),
                ),
              'latin1',
            );
      try {
        return new TextDecoder(charset).decode(bytes);
      } catch {
        return word;
      }
    });

/** Header fields by lower-case name (the first of each), continuation lines unfolded. */
const readHeaders = (block: string): Map<string, string> => {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
};

/** An address list split at commas outside quotes and angle brackets (`"Doe, J" <j@x.y>, k@x.y`). */
const splitAddresses = (value: string | undefined): string[] => {
  if (!value) return [];
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let bracketed = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    else if (char === '<' && !quoted) bracketed = true;
    else if (char === '>' && !quoted) bracketed = false;
    if (char === ',' && !quoted && !bracketed) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => decodeWords(part.trim())).filter((part) => part.length > 0);
};

/** A single-part body decoded from base64 when so declared; undefined for multipart and other encodings. */
const readBody = (headers: Map<string, string>, body: string): { text?: string; html?: string } => {
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (!['7bit', '8bit', 'binary', 'base64'].includes(encoding)) return {};
  const decoded = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  if (type.startsWith('text/plain')) return { text: decoded };
  if (type.startsWith('text/html')) return { html: decoded };
  return {};
};

/**
 * Reads the headers a developer looks for in a raw message (From, To, Cc, Bcc, Subject) and its body
 * when it is a single text part. Multipart bodies are left to the raw source the sink keeps beside it.
 */
export const summarizeRaw = (source: string): RawSummary => {
  const split = /\r?\n\r?\n/.exec(source);
  const headerBlock = split ? source.slice(0, split.index) : source;
  const body = split ? source.slice(split.index + split[0].length) : '';
  const headers = readHeaders(headerBlock);
  const from = headers.get('from');
  const { text, html } = readBody(headers, body);
  return {
    from: from === undefined ? undefined : decodeWords(from),
    to: splitAddresses(headers.get('to')),
    cc: splitAddresses(headers.get('cc')),
    bcc: splitAddresses(headers.get('bcc')),
    subject: decodeWords(headers.get('subject') ?? ''),
    text,
    html,
  };
};
