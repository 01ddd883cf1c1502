// Seeds the demo catalog into a deployed stage: `npm run seed -- --stage dev [--region eu-west-1]`.
// Uses your AWS credentials (the default provider chain) and the stack's TableName output.
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { stackName } from '#infra/stage.ts';
import { writeDefaultChannel } from './seed/channels.ts';
import { demoCatalog, demoCategories } from './seed/demo-catalog.ts';
import { writePricingDefaults } from './seed/pricing.ts';
import { writeDemoStock } from './seed/stock.ts';
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
const documents = DynamoDBDocumentClient.from(new DynamoDBClient(region));
const catalog = demoCatalog();
const items = await writeCatalog(documents, table, catalog, demoCategories(catalog));
// Stock only for variants without stock settings: counted stock survives a reseed.
const stocked = await writeDemoStock(documents, table, catalog);
// Shipping options and tax settings only where missing: an admin's changes survive a reseed.
const pricing = await writePricingDefaults(documents, table);
// The default channel only where missing: a rename survives a reseed (the code answers it anyway).
const channels = await writeDefaultChannel(documents, table);
console.log(
  `Seeded ${catalog.length} products (${items} items), stock for ${stocked} variants ${pricing} missing shipping/tax items and ${channels} default channel into ${table} (stack ${name}).`,
);
