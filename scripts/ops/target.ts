import { readFileSync } from 'node:fs';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { stackName } from '#infra/stage.ts';
import { localCredentials } from '#local/dynamodb/index.ts';
import type { OpsQueue } from './dead-letter-queues.ts';
import { deadLetterQueuesOf } from './dead-letter-queues.ts';
import { OpsError } from './output.ts';

/** One deployment the CLI works on: the local cloud, or a stage in AWS. */
export interface Target {
  readonly kind: 'local' | 'aws';
  readonly description: string;
  readonly apiUrl: string;
  readonly busName: string;
  readonly eventBridge: EventBridgeClient;
  readonly sqs: SQSClient;
  /** Every dead-letter queue of the deployment. */
  queues(): Promise<OpsQueue[]>;
  /** A bearer token for the admin API: the local cloud's, or `COMMERCE_ADMIN_TOKEN` in AWS. */
  adminToken(): string;
}

const localState = z.object({
  apiUrl: z.string(),
  region: z.string(),
  eventBusName: z.string(),
  endpoints: z.object({ eventbridge: z.string(), sqs: z.string() }),
  queues: z.record(z.string(), z.object({ url: z.string(), dlqUrl: z.string() })),
  tokens: z.object({ admin: z.string() }),
});

/** The running local cloud, from the state file `npm start` writes. */
export const localTarget = (stateFile: string): Target => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch {
    throw new OpsError(
      `Cannot read ${stateFile}: is the local cloud running (npm start)? Or name a stage: --stage dev`,
    );
  }
  const parsed = localState.safeParse(raw);
  if (!parsed.success)
    throw new OpsError(`${stateFile} is not a local cloud state file (npm start writes it)`);
  const state = parsed.data;
  const client = { region: state.region, credentials: localCredentials };
  return {
    kind: 'local',
    description: `the local cloud (${state.apiUrl})`,
    apiUrl: state.apiUrl,
    busName: state.eventBusName,
    eventBridge: new EventBridgeClient({ ...client, endpoint: state.endpoints.eventbridge }),
    sqs: new SQSClient({ ...client, endpoint: state.endpoints.sqs }),
    queues: async () =>
      Object.entries(state.queues).map(([name, q]) => ({ name, url: q.url, dlqUrl: q.dlqUrl })),
    adminToken: () => state.tokens.admin,
  };
};

/** Every resource of a stack and of its nested stacks, with the logical path that names it. */
const stackResources = async (
  cfn: CloudFormationClient,
  stack: string,
  path = '',
): Promise<(StackResourceSummary & { path: string })[]> => {
  const all: (StackResourceSummary & { path: string })[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cfn.send(new ListStackResourcesCommand({ StackName: stack, NextToken }));
    for (const r of page.StackResourceSummaries ?? []) {
      const here = `${path}${r.LogicalResourceId ?? ''}`;
      if (r.ResourceType === 'AWS::CloudFormation::Stack' && r.PhysicalResourceId)
        all.push(...(await stackResources(cfn, r.PhysicalResourceId, `${here}/`)));
      else all.push({ ...r, path: here });
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return all;
};

/** A deployed stage: the stack's outputs name the API and the bus; its resources list the queues. */
export const awsTarget = async (stage: string): Promise<Target> => {
  const cfn = new CloudFormationClient({});
  const name = stackName(stage);
  const stack = await cfn
    .send(new DescribeStacksCommand({ StackName: name }))
    .then((out) => out.Stacks?.[0])
    .catch((error: unknown) => {
      throw new OpsError(
        `Cannot describe the stack ${name} of stage ${stage}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  const outputOf = (key: string) => {
    const value = stack?.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
    if (!value) throw new OpsError(`The stack ${name} has no output ${key}: is it deployed?`);
    return value;
  };
  const sqs = new SQSClient({});
  return {
    kind: 'aws',
    description: `stage ${stage} (stack ${name})`,
    apiUrl: outputOf('ApiUrl').replace(/\/$/, ''),
    busName: outputOf('EventBusName'),
    eventBridge: new EventBridgeClient({}),
    sqs,
    queues: async () => {
      const urls = (await stackResources(cfn, name))
        .filter((r) => r.ResourceType === 'AWS::SQS::Queue' && r.PhysicalResourceId)
        .map((r) => ({ path: r.path, url: r.PhysicalResourceId as string }));
      const attributes = await Promise.all(
        urls.map(async (q) => {
          const out = await sqs.send(
            new GetQueueAttributesCommand({ QueueUrl: q.url, AttributeNames: ['QueueArn', 'RedrivePolicy'] }),
          );
          const redrive = out.Attributes?.RedrivePolicy;
          const target = redrive
            ? (JSON.parse(redrive) as { deadLetterTargetArn?: string }).deadLetterTargetArn
            : undefined;
          return { ...q, arn: out.Attributes?.QueueArn, deadLetterTargetArn: target };
        }),
      );
      return deadLetterQueuesOf(attributes);
    },
    adminToken: () => {
      const token = process.env.COMMERCE_ADMIN_TOKEN;
      if (!token)
        throw new OpsError(
          'Set COMMERCE_ADMIN_TOKEN to an admin access token (a Cognito sign-in of a staff user)',
        );
      return token;
    },
  };
};
