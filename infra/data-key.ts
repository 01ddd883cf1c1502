import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface DataKeyProps {
  /**
   * What happens to the key when the stack is deleted. Anything encrypted with it (retained logs and
   * secrets) is unreadable without it, so retain it whenever those are retained.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The customer-managed KMS key of a stage, for the log groups (which can hold personal data: addresses,
 * e-mails in a logged request) and the generated secrets. CloudWatch Logs only encrypts with a key of
 * your own, and the PCI DSS pack requires it; one key per stage means one key policy lists who can read
 * them, CloudTrail records every use, and it rotates yearly. (The table uses the AWS-managed DynamoDB
 * key, see table.ts; queues use SSE-SQS, see queues.ts.)
 */
export class DataKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: DataKeyProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the commerce log groups and generated secrets',
      enableKeyRotation: true,
      removalPolicy,
      // A short window only where the data is thrown away with the key anyway.
      pendingWindow: removalPolicy === RemovalPolicy.DESTROY ? Duration.days(7) : Duration.days(30),
    });
    // CloudWatch Logs encrypts with the key itself, on behalf of log groups in this account and region
    // only (the encryption-context condition), as the CloudWatch Logs guide prescribes.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`,
          },
        },
      }),
    );
  }
}
