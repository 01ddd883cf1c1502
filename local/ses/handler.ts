import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from '../net/aws-error.ts';
import { readBodyText } from '../net/read-body.ts';
import type { Mailbox } from './mailbox.ts';
import { PAGE_CSP, renderInbox } from './page.ts';
import { badRequest, sendEmail } from './send-email.ts';

// SES accepts messages up to 40 MB; locally a request (base64 inflates a raw message by a third) is
// bounded lower, far above any product mail, so a runaway client cannot fill memory.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const SEND_EMAIL_PATH = '/v2/email/outbound-emails';
const MESSAGES_PATH = '/_local/messages';

const sendJson = (response: ServerResponse, status: number, body: unknown, errorType?: string) => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': randomUUID(),
  };
  // restJson1 errors: the SDK reads the error's name from this header and its text from `message`.
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers).end(JSON.stringify(body));
};

const sendError = (response: ServerResponse, error: AwsError) =>
  sendJson(response, error.statusCode, { message: error.message }, error.code);

const readBody = async (request: IncomingMessage): Promise<string> => {
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (body === undefined) throw badRequest('The request is larger than the local SES accepts (16 MB).');
  return body;
};

/** The local-only read-outs and the inbox page; false when the request is none of them. */
const inspect = (mailbox: Mailbox, method: string, url: URL, response: ServerResponse): boolean => {
  const to = url.searchParams.get('to') ?? undefined;
  if (method === 'GET' && url.pathname === '/') {
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP })
      .end(renderInbox(mailbox.list({ to }), { to }));
  } else if (method === 'GET' && url.pathname === MESSAGES_PATH) {
    sendJson(response, 200, { messages: mailbox.list({ to }) });
  } else if (method === 'DELETE' && url.pathname === MESSAGES_PATH) {
    mailbox.clear();
    response.writeHead(204).end();
  } else if (method === 'GET' && url.pathname.startsWith(`${MESSAGES_PATH}/`)) {
    const id = url.pathname.slice(MESSAGES_PATH.length + 1);
    const message = mailbox.get(id);
    if (message) sendJson(response, 200, message);
    else sendJson(response, 404, { message: `No message ${id} in the local SES.` });
  } else return false;
  return true;
};

/** Answers one request: SendEmail as SES v2 does, or a local read-out of what was sent. */
export const handle = async (mailbox: Mailbox, request: IncomingMessage, response: ServerResponse) => {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://localhost');
  try {
    if (inspect(mailbox, method, url, response)) return;
    if (method !== 'POST' || url.pathname !== SEND_EMAIL_PATH)
      throw new AwsError(
        'UnknownOperationException',
        `The local SES implements only SendEmail (POST ${SEND_EMAIL_PATH}), not ${method} ${url.pathname}.`,
        404,
      );
    sendJson(response, 200, sendEmail(mailbox, await readBody(request)));
  } catch (error) {
    if (error instanceof AwsError) return sendError(response, error);
    console.error('[ses] internal error', error);
    sendError(response, new AwsError('InternalServiceErrorException', 'Internal error.', 500));
  }
};
