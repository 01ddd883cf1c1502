import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalEventBridge, start } from '#local/eventbridge/index.ts';

let bus: LocalEventBridge;

beforeAll(async () => {
  bus = await start({ busName: 'commerce-test', region: 'us-east-1', accountId: '000000000000', rules: [] });
});

afterAll(async () => {
  await bus.stop();
});

const call = (target: string, body: string) =>
  fetch(bus.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body,
  });

describe('the local EventBridge wire protocol', () => {
  it('answers in the AWS JSON 1.1 content type with a request id', async () => {
    const response = await call('AWSEvents.DescribeEventBus', '{"Name":"commerce-test"}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    { target: 'AWSEvents.CreateEventBus', body: '{}', type: 'UnknownOperationException' },
    { target: 'AWSEvents.PutRule', body: '{"EventBusName":"commerce-test"}', type: 'ValidationException' },
    { target: 'AWSEvents.StartReplay', body: '{}', type: 'ValidationException' },
    { target: 'DynamoDB_20120810.GetItem', body: '{}', type: 'UnknownOperationException' },
    { target: 'AWSEvents.PutEvents', body: '{not json', type: 'SerializationException' },
    { target: 'AWSEvents.PutEvents', body: '[]', type: 'SerializationException' },
  ])('answers $target with body $body as a 400 $type', async ({ target, body, type }) => {
    const response = await call(target, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(type);
    expect(await response.json()).toMatchObject({ __type: type, message: expect.any(String) });
  });
});
