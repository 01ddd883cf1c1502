import { describe, expect, it } from 'vitest';
import { DefinitionError, start } from '#local/stepfunctions/index.ts';
import { accountId, approvalDefinition, functionArns, recordingInvoke, region } from './helpers.ts';

const startWith = (definition: string) =>
  start({
    region,
    accountId,
    stateMachines: [
      { name: 'approval', definition: approvalDefinition(5), type: 'STANDARD' },
      { name: 'pricing', definition, type: 'STANDARD' },
    ],
    functionArns,
    invoke: recordingInvoke().invoke,
  });

describe('local Step Functions: definitions it cannot run', () => {
  it('refuses a JSONata state machine at start, naming it and saying why', async () => {
    const jsonata = {
      QueryLanguage: 'JSONata',
      StartAt: 'Total',
      States: { Total: { Type: 'Pass', Output: '{% $sum($states.input.lines.amount) %}', End: true } },
    };
    const refusal = startWith(JSON.stringify(jsonata));
    await expect(refusal).rejects.toBeInstanceOf(DefinitionError);
    await expect(refusal).rejects.toThrow(/"pricing".*JSONata.*JSONPath only.*aws-local-stepfunctions/s);
  });

  it('refuses a Task whose resource is not a Lambda function', async () => {
    const sqs = {
      StartAt: 'Notify',
      States: {
        Notify: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: 'hi' },
          End: true,
        },
      },
    };
    await expect(startWith(JSON.stringify(sqs))).rejects.toThrow(
      /"pricing".*"Notify".*sqs:sendMessage.*only Lambda/s,
    );
  });
});
