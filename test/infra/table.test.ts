import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { synthesize } from './support.ts';

const TABLE = 'AWS::DynamoDB::GlobalTable';

describe('table', () => {
  const { template } = synthesize(app);

  it('has the definition keys as string attributes', () => {
    template.hasResourceProperties(TABLE, {
      KeySchema: [
        { AttributeName: app.table.partitionKey, KeyType: 'HASH' },
        { AttributeName: app.table.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: app.table.partitionKey, AttributeType: 'S' },
        { AttributeName: app.table.sortKey, AttributeType: 'S' },
      ]),
    });
  });

  it.each(app.table.gsis)('has GSI $name on $partitionKey/$sortKey', (gsi) => {
    template.hasResourceProperties(TABLE, {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: gsi.name,
          KeySchema: [
            { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ]),
    });
  });

  it('has exactly the definition GSIs', () => {
    const [table] = Object.values(template.findResources(TABLE));
    expect(table?.Properties.GlobalSecondaryIndexes.map((g: { IndexName: string }) => g.IndexName)).toEqual(
      app.table.gsis.map((g) => g.name),
    );
  });

  it('expires items by the TTL attribute, streams new and old images, bills on demand', () => {
    template.hasResourceProperties(TABLE, {
      TimeToLiveSpecification: { AttributeName: app.table.ttlAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: app.table.stream },
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    });
  });

  it('keeps point-in-time recovery on', () => {
    template.hasResourceProperties(TABLE, {
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
    });
  });
});

describe('table across stages', () => {
  it.each(['prod', 'prod-eu'])('%s retains the table and protects it from deletion', (stage) => {
    const { template } = synthesize(app, stage);
    template.hasResource(TABLE, {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('dev deletes the table with the stack and leaves deletion protection off', () => {
    const { template } = synthesize(app, 'dev');
    template.hasResource(TABLE, {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] }),
    });
  });

  it('keeps prod logs a year and dev logs a month', () => {
    const retention = (stage: string) =>
      new Set(
        Object.values(synthesize(app, stage).template.findResources('AWS::Logs::LogGroup')).map(
          (r) => r.Properties.RetentionInDays,
        ),
      );
    expect(retention('prod')).toEqual(new Set([365]));
    expect(retention('dev')).toEqual(new Set([30]));
  });
});
