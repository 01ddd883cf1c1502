// Seeds the demo catalog into a deployed stage: `npm run seed -- --stage dev [--region eu-west-1]`.
// Uses your AWS credentials (the default provider chain) and the stack's TableName output.
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { stackName } from '#infra/stage.ts';
import { demoCatalog, demoCategories } from './seed/demo-catalog.ts';
import { writeCatalog } from './seed/write.ts';

const { values } = parseArgs({ options: { stage: { type: 'string' }, region: { type: 'string' } } });
if (!values.stage) {
  console.error('Usage: npm run seed -- --stage <stage> [--region <region>]');
  process.exit(2);
}
const region = values.region ? { region: values.region } : {};
const name = stackName(values.stage);
const { Stacks } = await new CloudFormationClient(region).send(
  new DescribeStacksCommand({ StackName: name }),
);
const table = Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'TableName')?.OutputValue;
if (!table) {
  console.error(`Stack ${name} has no TableName output: is the stage deployed?`);
  process.exit(1);
}
const catalog = demoCatalog();
const items = await writeCatalog(
  DynamoDBDocumentClient.from(new DynamoDBClient(region)),
  table,
  catalog,
  demoCategories(catalog),
);
console.log(`Seeded ${catalog.length} products (${items} items) into ${table} (stack ${name}).`);
