import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { CustomerRepository } from '#contexts/customers/data/customer-repository.ts';
import { ensureCustomer } from '#contexts/customers/data/ensure-customer.ts';
import { customerKeys } from '#contexts/customers/data/keys.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

/** A PostConfirmation event as Cognito sends it (the fields @types/aws-lambda declares). */
const confirmation = (sub: string, email: string): PostConfirmationTriggerEvent => ({
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_local',
  userName: sub,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  triggerSource: 'PostConfirmation_ConfirmSignUp',
  request: { userAttributes: { sub, email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' } },
  response: {},
});

describe('customer creation (first call and post-confirmation trigger)', () => {
  let table: string;
  let client: ReturnType<typeof useLocalDynamo>;
  let customers: CustomerRepository;
  let trigger: (event: PostConfirmationTriggerEvent) => Promise<PostConfirmationTriggerEvent>;

  beforeAll(async () => {
    client = useLocalDynamo();
    table = await createTestTable();
    customers = new CustomerRepository(table);
    process.env.TABLE_NAME = table;
    ({ handler: trigger } = await import('#contexts/customers/lambda/post-confirmation.ts'));
  });

  const itemsOf = async (customerId: string) =>
    (
      await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': customerKeys.collection(customerId).pk },
        }),
      )
    ).Items ?? [];

  it('creates exactly one record when twenty first calls race', async () => {
    const id = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => ensureCustomer(table, { customerId: id, email: null, source: 'api' })),
    );
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await itemsOf(id)).toHaveLength(1);
  });

  it('returns the same customer to every racing getOrCreate', async () => {
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => customers.getOrCreate(id, null)));
    expect(new Set(results.map((c) => c.createdAt)).size).toBe(1);
    expect(results[0]).toMatchObject({ id, email: null, version: 1, addresses: [] });
  });

  it('makes the trigger and the first call produce the same record', async () => {
    const viaTrigger = randomUUID();
    const viaApi = randomUUID();
    const event = confirmation(viaTrigger, 'ada@example.com');
    expect(await trigger(event)).toBe(event);
    await customers.getOrCreate(viaApi, 'ada@example.com');
    const [fromTrigger] = await itemsOf(viaTrigger);
    const [fromApi] = await itemsOf(viaApi);
    const comparable = (item: Record<string, unknown> | undefined) => ({
      ...item,
      pk: undefined,
      id: undefined,
      source: undefined,
      createdAt: undefined,
      updatedAt: undefined,
    });
    expect(comparable(fromTrigger)).toEqual(comparable(fromApi));
    expect(fromTrigger).toMatchObject({ email: 'ada@example.com', source: 'signup', entity: 'CUSTOMER' });
  });

  it('lets a retried trigger fill a missing email but never overwrite one', async () => {
    const id = randomUUID();
    await customers.getOrCreate(id, null);
    await trigger(confirmation(id, 'first@example.com'));
    await trigger(confirmation(id, 'second@example.com'));
    const customer = await customers.get(id);
    expect(customer).toMatchObject({ email: 'first@example.com', version: 2 });
    expect(await itemsOf(id)).toHaveLength(1);
  });
});
