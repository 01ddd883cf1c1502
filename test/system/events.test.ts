import { EventBridgeClient, PutEventsCommand, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { processedEventKeys } from '#platform/data/keys.ts';
import { outboxBatch, outboxItem, outboxRecordsOf } from '#platform/events/outbox.ts';
import { cloud, eventually, sdkConfig, useLocalDynamo } from '../support/cloud.ts';

const processed = async (eventId: string) => {
  const { Item } = await useLocalDynamo().send(
    new GetCommand({ TableName: cloud().tableName, Key: processedEventKeys('catalog-events', eventId) }),
  );
  return Item;
};

describe('events: outbox → stream → pipe → bus → rule → queue → consumer', () => {
  it('delivers an event written in a transaction to the consumer', async () => {
    const item = outboxItem('commerce.catalog', 'ProductUpdated', { productId: 'p-1' });
    await useLocalDynamo().send(
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName: cloud().tableName, Item: item } }] }),
    );
    const record = await eventually(() => processed(item.detail.id));
    expect(record).toMatchObject({ detailType: 'ProductUpdated', source: 'commerce.catalog' });
  });

  it('delivers each event of a batch item to the consumer once, under its own id and detail-type', async () => {
    const types = ['ProductCreated', 'PriceChanged', 'ProductUpdated'];
    const items = outboxBatch(
      types.map((detailType) => ({
        source: 'commerce.catalog' as const,
        detailType,
        data: { productId: 'p-2' },
      })),
    );
    expect(items).toHaveLength(1);
    await useLocalDynamo().send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: cloud().tableName, Item: items[0] } }],
      }),
    );
    const ids = outboxRecordsOf(items[0]!).map((r) => r.detail.id);
    const records = await Promise.all(ids.map((id) => eventually(() => processed(id))));
    expect(records.map((r) => r.detailType)).toEqual(types);
  });

  it('routes PutEvents from the real SDK through the rule to the consumer, duplicates included', async () => {
    const bus = new EventBridgeClient(sdkConfig(cloud().endpoints.eventbridge));
    const detail = {
      id: crypto.randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      data: {},
    };
    const entry = {
      EventBusName: cloud().eventBusName,
      Source: 'commerce.catalog',
      DetailType: 'PriceChanged',
      Detail: JSON.stringify(detail),
    };
    const res = await bus.send(new PutEventsCommand({ Entries: [entry, entry] }));
    expect(res.FailedEntryCount).toBe(0);
    await eventually(() => processed(detail.id));
    expect((await processed(detail.id))?.detailType).toBe('PriceChanged');
  });

  it('answers TestEventPattern with the same matcher the rules use', async () => {
    const bus = new EventBridgeClient(sdkConfig(cloud().endpoints.eventbridge));
    const event = {
      id: '1',
      account: cloud().accountId,
      source: 'commerce.catalog',
      time: '2026-01-01T00:00:00Z',
      region: cloud().region,
      'detail-type': 'ProductCreated',
      resources: [],
      detail: {},
    };
    const pattern = JSON.stringify(app.rules.catalogEventsToQueue!.pattern);
    expect(
      (await bus.send(new TestEventPatternCommand({ EventPattern: pattern, Event: JSON.stringify(event) })))
        .Result,
    ).toBe(true);
    const other = JSON.stringify({ ...event, source: 'commerce.orders' });
    expect(
      (await bus.send(new TestEventPatternCommand({ EventPattern: pattern, Event: other }))).Result,
    ).toBe(false);
  });

  it('parks a message the consumer keeps failing on in the dead-letter queue after max receives', async () => {
    const bus = new EventBridgeClient(sdkConfig(cloud().endpoints.eventbridge));
    const marker = crypto.randomUUID();
    // A catalog event without the envelope's id/occurredAt: the consumer rejects it every time.
    await bus.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: cloud().eventBusName,
            Source: 'commerce.catalog',
            DetailType: 'Broken',
            Detail: JSON.stringify({ marker }),
          },
        ],
      }),
    );
    const sqs = new SQSClient(sdkConfig(cloud().endpoints.sqs));
    const dlq = cloud().queues.catalogEvents!.dlqUrl;
    const parked = await eventually(async () => {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: dlq,
          MaxNumberOfMessages: 10,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
      );
      return Messages.find((m) => m.Body?.includes(marker));
    }, 30_000);
    expect(JSON.parse(parked.Body!).detail).toEqual({ marker });
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: cloud().queues.catalogEvents!.url,
        AttributeNames: ['RedrivePolicy'],
      }),
    );
    expect(JSON.parse(Attributes!.RedrivePolicy!).maxReceiveCount).toBe(
      app.queues.catalogEvents!.maxReceiveCount,
    );
  });
});
