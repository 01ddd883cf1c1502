import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct, type IConstruct } from 'constructs';

export interface AlarmTopicProps {
  /** Encrypts the messages (alarm texts name queues and workflows); CloudWatch is allowed to use it. */
  readonly encryptionKey: IKey;
  /** Subscribed by e-mail when given (`-c alarmEmail=`); SNS asks the address to confirm first. */
  readonly email?: string;
}

/**
 * The stage's one SNS topic for alarms: every alarm of the stack, nested stacks included, notifies it
 * when it goes into ALARM and back to OK. Ops subscribe what pages them (e-mail from the stage context,
 * or a chat or incident tool on the topic's ARN, a stack output).
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Commerce alarms',
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    // CloudWatch publishes to an encrypted topic only with the key's use granted to it.
    props.encryptionKey.grant(
      new ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /** Routes every alarm under `scope` (its nested stacks included) to the topic, on ALARM and on OK. */
  notifyFrom(scope: IConstruct): Alarm[] {
    const alarms = scope.node.findAll().filter((c): c is Alarm => c instanceof Alarm);
    const action = new SnsAction(this.topic);
    for (const alarm of alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    return alarms;
  }
}
