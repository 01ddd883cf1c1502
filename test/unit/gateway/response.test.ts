import { describe, expect, it } from 'vitest';
import { toHttpResponse } from '#local/gateway/response.ts';

const text = (body: Buffer): string => body.toString('utf8');

describe('toHttpResponse', () => {
  it('sends a structured response as the function described it', () => {
    const response = toHttpResponse({
      statusCode: 201,
      headers: { 'Content-Type': 'application/problem+json', 'X-Count': 3, 'X-Flag': true },
      body: '{"ok":true}',
    });

    expect(response.statusCode).toBe(201);
    expect(response.headers).toStrictEqual({
      'content-type': 'application/problem+json',
      'x-count': '3',
      'x-flag': 'true',
    });
    expect(text(response.body)).toBe('{"ok":true}');
  });

  it('turns each cookie into its own set-cookie header', () => {
    const response = toHttpResponse({ statusCode: 200, cookies: ['a=1; Path=/', 'b=2'], body: '' });

    expect(response.headers['set-cookie']).toStrictEqual(['a=1; Path=/', 'b=2']);
  });

  it('decodes a base64 body', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const response = toHttpResponse({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: png.toString('base64'),
      isBase64Encoded: true,
    });

    expect(response.body.equals(png)).toBe(true);
  });

  it('labels a structured response without a content type text/plain, as API Gateway does', () => {
    const response = toHttpResponse({ statusCode: 204 });

    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toHaveLength(0);
  });

  it('ignores multiValueHeaders, which payload format 2.0 does not have', () => {
    const response = toHttpResponse({ statusCode: 200, multiValueHeaders: { 'x-a': ['1', '2'] }, body: 'x' });

    expect(response.headers).not.toHaveProperty('x-a');
  });

  it('drops framing headers the function set, since the gateway frames the response itself', () => {
    const response = toHttpResponse({ statusCode: 200, headers: { 'Content-Length': '999' }, body: 'x' });

    expect(response.headers).not.toHaveProperty('content-length');
  });

  it.each([
    [{ message: 'hi' }, '{"message":"hi"}'],
    ['Hello from Lambda!', '"Hello from Lambda!"'],
    [[1, 2], '[1,2]'],
    [42, '42'],
    [null, 'null'],
    [undefined, 'null'],
  ])('infers a 200 JSON response from a result without statusCode (%j)', (result, body) => {
    const response = toHttpResponse(result);

    expect(response.statusCode).toBe(200);
    expect(response.headers).toStrictEqual({ 'content-type': 'application/json' });
    expect(text(response.body)).toBe(body);
  });

  it.each([
    { statusCode: '200' },
    { statusCode: 200.5 },
    { statusCode: 99 },
    { statusCode: 600 },
    { statusCode: 200, body: { not: 'a string' } },
    { statusCode: 200, headers: { 'x-a': ['1'] } },
    { statusCode: 200, headers: 'x-a: 1' },
    { statusCode: 200, cookies: 'a=1' },
    { statusCode: 200, isBase64Encoded: 'yes' },
  ])('answers a malformed structured response with API Gateway 500 (%j)', (result) => {
    const response = toHttpResponse(result);

    expect(response.statusCode).toBe(500);
    expect(response.headers).toStrictEqual({ 'content-type': 'application/json' });
    expect(text(response.body)).toBe('{"message":"Internal Server Error"}');
  });
});
