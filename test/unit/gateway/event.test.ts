import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { clfTime, formatEvent, withJwtAuthorizer } from '#local/gateway/event.ts';
import type { GatewayRequest } from '#local/gateway/request.ts';

/**
 * The payload format 2.0 example from the API Gateway developer guide ("Create AWS Lambda proxy
 * integrations for HTTP APIs"), less what this API never produces: mutual-TLS `authentication`, a
 * Lambda authorizer's `lambda` context and `stageVariables`.
 */
const docsSample: APIGatewayProxyEventV2WithJWTAuthorizer = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/my/path',
  rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
  cookies: ['cookie1', 'cookie2'],
  headers: { header1: 'value1', header2: 'value1,value2' },
  queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
  requestContext: {
    accountId: '123456789012',
    apiId: 'api-id',
    authorizer: { jwt: { claims: { claim1: 'value1', claim2: 'value2' }, scopes: ['scope1', 'scope2'] } },
    domainName: 'id.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'id',
    http: { method: 'POST', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: 'IP', userAgent: 'agent' },
    requestId: 'id',
    routeKey: '$default',
    stage: '$default',
    time: '12/Mar/2020:19:03:58 +0000',
    timeEpoch: 1583348638390,
  },
  body: 'Hello from Lambda',
  pathParameters: { parameter1: 'value1' },
  isBase64Encoded: false,
};

const context = { accountId: '123456789012', apiId: 'api-id', region: 'us-east-1', stage: '$default' };

const request = (overrides: Partial<GatewayRequest> = {}): GatewayRequest => ({
  method: 'POST',
  rawPath: '/my/path',
  rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
  headers: {
    header1: ['value1'],
    header2: ['value1', 'value2'],
    cookie: ['cookie1; cookie2'],
    host: ['id.execute-api.us-east-1.amazonaws.com'],
    'user-agent': ['agent'],
    'content-type': ['text/plain'],
  },
  body: Buffer.from('Hello from Lambda'),
  sourceIp: 'IP',
  protocol: 'HTTP/1.1',
  receivedAt: new Date(1583348638390),
  requestId: 'id',
  ...overrides,
});

describe('formatEvent', () => {
  it('builds the documented payload format 2.0 event', () => {
    const event = withJwtAuthorizer(
      formatEvent(request(), { routeKey: '$default', pathParameters: { parameter1: 'value1' } }, context),
      { claim1: 'value1', claim2: 'value2' },
      ['scope1', 'scope2'],
    );

    expect(event).toStrictEqual({
      ...docsSample,
      // The sample leaves out the headers its own requestContext is derived from.
      headers: {
        ...docsSample.headers,
        host: 'id.execute-api.us-east-1.amazonaws.com',
        'user-agent': 'agent',
        'content-type': 'text/plain',
      },
      // The sample's `time` (12 Mar) contradicts its `timeEpoch` (4 Mar); both derive from one clock here.
      requestContext: { ...docsSample.requestContext, time: '04/Mar/2020:19:03:58 +0000' },
    });
  });

  it('leaves out cookies, query parameters, path parameters and body when the request has none', () => {
    const event = formatEvent(
      request({ method: 'GET', rawQueryString: '', headers: { host: ['h'] }, body: Buffer.alloc(0) }),
      { routeKey: 'GET /my/path' },
      context,
    );

    expect(event).not.toHaveProperty('cookies');
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('stageVariables');
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event).toMatchObject({ rawQueryString: '', isBase64Encoded: false, routeKey: 'GET /my/path' });
    expect(event.requestContext.http.userAgent).toBe('');
  });

  it('decodes query parameters like API Gateway: `+` is a space, an escaped plus stays a plus', () => {
    const event = formatEvent(
      request({
        rawQueryString: 'tag=a&tag=b&next=https%3A%2F%2Fx.test%2Fa&q=red+shoe&sum=1%2B1&empty=&flag',
      }),
      { routeKey: '$default' },
      context,
    );

    expect(event.queryStringParameters).toStrictEqual({
      tag: 'a,b',
      next: 'https://x.test/a',
      q: 'red shoe',
      sum: '1+1',
      empty: '',
      flag: '',
    });
    expect(event.rawQueryString).toBe(
      'tag=a&tag=b&next=https%3A%2F%2Fx.test%2Fa&q=red+shoe&sum=1%2B1&empty=&flag',
    );
  });

  it.each([
    ['application/json', false],
    ['application/json; charset=utf-8', false],
    ['text/csv', false],
    ['application/xml', false],
    ['application/octet-stream', true],
    ['application/x-www-form-urlencoded', true],
    ['image/png', true],
  ])('passes a %s body base64-encoded: %s', (contentType, encoded) => {
    const bytes = Buffer.from('{"a":"é"}');
    const event = formatEvent(
      request({ headers: { 'content-type': [contentType] }, body: bytes }),
      { routeKey: '$default' },
      context,
    );

    expect(event.isBase64Encoded).toBe(encoded);
    expect(event.body).toBe(encoded ? bytes.toString('base64') : '{"a":"é"}');
  });

  it('base64-encodes a body sent without a content type', () => {
    const event = formatEvent(
      request({ headers: {}, body: Buffer.from('x') }),
      { routeKey: '$default' },
      context,
    );

    expect(event).toMatchObject({ body: 'eA==', isBase64Encoded: true });
  });

  it('names the execute-api domain when the request carries no host', () => {
    const event = formatEvent(request({ headers: {} }), { routeKey: '$default' }, context);

    expect(event.requestContext.domainName).toBe('api-id.execute-api.us-east-1.amazonaws.com');
    expect(event.requestContext.domainPrefix).toBe('api-id');
  });

  it('takes the domain prefix from the host without its port', () => {
    const event = formatEvent(
      request({ headers: { host: ['localhost:3000'] } }),
      { routeKey: '$default' },
      context,
    );

    expect(event.requestContext).toMatchObject({ domainName: 'localhost:3000', domainPrefix: 'localhost' });
  });
});

describe('clfTime', () => {
  it('prints UTC in Common Log Format with a zero-padded day', () => {
    expect(clfTime(new Date('2024-01-05T03:04:05.678Z'))).toBe('05/Jan/2024:03:04:05 +0000');
  });
});
