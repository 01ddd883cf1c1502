import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableDef } from '#platform/definition/types.ts';

export interface CommerceTableProps {
  readonly definition: TableDef;
  /**
   * Deletion protection is switched on together with RETAIN, so neither CloudFormation nor a console
   * click can drop the data.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const STREAM_VIEW: Record<TableDef['stream'], StreamViewType> = {
  NEW_AND_OLD_IMAGES: StreamViewType.NEW_AND_OLD_IMAGES,
};

/** The single table: keys, overloaded GSIs, TTL and stream exactly as the definition states. */
export class CommerceTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: CommerceTableProps) {
    super(scope, id);
    const def = props.definition;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const str = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: str(def.partitionKey),
      sortKey: str(def.sortKey),
      globalSecondaryIndexes: def.gsis.map((g) => ({
        indexName: g.name,
        partitionKey: str(g.partitionKey),
        sortKey: str(g.sortKey),
      })),
      timeToLiveAttribute: def.ttlAttribute,
      dynamoStream: STREAM_VIEW[def.stream],
      // On-demand: traffic of a shop is spiky (campaigns, drops) and idle at night.
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // KMS with the AWS-managed `aws/dynamodb` key (usage is in CloudTrail). A customer-managed key is
      // not an option here: TableV2 is a global table and renders a CMK per replica region, which a
      // region-agnostic stack (same template, any region, synthesized offline) cannot do.
      encryption: TableEncryptionV2.awsManagedKey(),
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
    });
  }
}
