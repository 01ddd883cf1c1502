import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { logicalIdOf, onlyLogicalIdOf, synthesize } from './support.ts';

const rules = Object.entries(app.rules);
const queues = Object.entries(app.queues);
const pipes = Object.entries(app.pipes);

describe('event bus', () => {
  const { template } = synthesize(app);

  it('archives every event of the account on the bus', () => {
    template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [onlyLogicalIdOf(template, 'AWS::Events::EventBus'), 'Arn'] },
      EventPattern: { account: [{ Ref: 'AWS::AccountId' }] },
    });
  });

  it('has a generated, stage-specific name', () => {
    template.hasResourceProperties('AWS::Events::EventBus', { Name: Match.stringLikeRegexp('^Commercedev') });
  });
});

describe('rules', () => {
  const { template } = synthesize(app);

  it.each(rules)('%s carries the definition pattern exactly, on the bus, to its queue', (name, rule) => {
    const props = template.toJSON().Resources[logicalIdOf(template, 'AWS::Events::Rule', name)].Properties;
    expect(props.EventPattern).toStrictEqual(rule.pattern);
    expect(props.EventBusName).toEqual({ Ref: onlyLogicalIdOf(template, 'AWS::Events::EventBus') });
    expect(props.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [logicalIdOf(template, 'AWS::SQS::Queue', rule.queue), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
      }),
    ]);
  });
});

describe('queues', () => {
  const { template } = synthesize(app);

  it.each(queues)('%s has a DLQ after maxReceiveCount receives, SSE and TLS only', (name, queue) => {
    const id = logicalIdOf(template, 'AWS::SQS::Queue', name);
    const props = template.toJSON().Resources[id].Properties;
    expect(props).toMatchObject({
      VisibilityTimeout: queue.visibilityTimeoutSeconds,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { maxReceiveCount: queue.maxReceiveCount },
    });
    const dlq = props.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[dlq].Properties).toMatchObject({ MessageRetentionPeriod: 1209600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it.each(queues)('%s is consumed by its function in batches, reporting item failures', (name, queue) => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(template, 'AWS::SQS::Queue', name), 'Arn'] },
      FunctionName: { Ref: logicalIdOf(template, 'AWS::Lambda::Function', queue.consumer) },
      BatchSize: queue.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('pipes', () => {
  const { template } = synthesize(app);

  it.each(pipes)('%s filters the table stream with the definition filter', (name, pipe) => {
    const props = template.toJSON().Resources[logicalIdOf(template, 'AWS::Pipes::Pipe', name)].Properties;
    expect(props.Source).toEqual({
      'Fn::GetAtt': [onlyLogicalIdOf(template, 'AWS::DynamoDB::GlobalTable'), 'StreamArn'],
    });
    expect(props.SourceParameters.FilterCriteria.Filters).toHaveLength(1);
    expect(JSON.parse(props.SourceParameters.FilterCriteria.Filters[0].Pattern)).toStrictEqual(pipe.filter);
  });

  it.each(pipes)('%s invokes its target in batches, bounded retries then a DLQ', (name, pipe) => {
    const props = template.toJSON().Resources[logicalIdOf(template, 'AWS::Pipes::Pipe', name)].Properties;
    expect(props.Target).toEqual({
      'Fn::GetAtt': [logicalIdOf(template, 'AWS::Lambda::Function', pipe.target), 'Arn'],
    });
    expect(props.SourceParameters.DynamoDBStreamParameters).toMatchObject({
      StartingPosition: 'LATEST',
      BatchSize: pipe.batchSize,
      MaximumRetryAttempts: 10,
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
    });
  });

  it.each(pipes)('%s role may invoke only its target, read the stream and write its DLQ', (name, pipe) => {
    const pipeProps = template.toJSON().Resources[logicalIdOf(template, 'AWS::Pipes::Pipe', name)].Properties;
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: pipeProps.RoleArn['Fn::GetAtt'][0] }] },
      }),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const resources = new Set(statements.map((st: { Resource: unknown }) => JSON.stringify(st.Resource)));
    expect(resources).toEqual(
      new Set([
        JSON.stringify({
          'Fn::GetAtt': [onlyLogicalIdOf(template, 'AWS::DynamoDB::GlobalTable'), 'StreamArn'],
        }),
        JSON.stringify(pipeProps.SourceParameters.DynamoDBStreamParameters.DeadLetterConfig.Arn),
        JSON.stringify({
          'Fn::GetAtt': [logicalIdOf(template, 'AWS::Lambda::Function', pipe.target), 'Arn'],
        }),
      ]),
    );
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'lambda:InvokeFunction' }));
  });

  it('updates every function that writes the table, but the pipes’ targets, after the pipes', () => {
    const { stacks } = synthesize(app);
    const resources = template.toJSON().Resources;
    // A flattened id is `<nested stack>/<logical id>`; what comes after another stack waits for all of it.
    const nestedStackIds = new Map(Object.entries(stacks.nested).map(([id, n]) => [n.name, id]));
    const stackOf = (id: string) => (id.includes('/') ? id.split('/')[0] : undefined);
    const targets = new Set(pipes.map(([, pipe]) => pipe.target));
    const writers = Object.entries(app.functions).filter(
      ([name, fn]) => fn.uses?.table === 'readWrite' && !targets.has(name),
    );
    expect(writers.length).toBeGreaterThan(5);
    for (const [name] of writers) {
      const writer = logicalIdOf(template, 'AWS::Lambda::Function', name);
      for (const [pipeName] of pipes) {
        const pipe = logicalIdOf(template, 'AWS::Pipes::Pipe', pipeName);
        const [waiting, awaited] =
          stackOf(writer) === stackOf(pipe)
            ? [writer, pipe]
            : [nestedStackIds.get(stackOf(writer) ?? '') ?? writer, nestedStackIds.get(stackOf(pipe) ?? '')];
        expect(resources[waiting].DependsOn ?? [], `${name} after pipe ${pipeName}`).toContain(awaited);
      }
    }
  });
});
