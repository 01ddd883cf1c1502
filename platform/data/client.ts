import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let client: DynamoDBDocumentClient | undefined;

/**
 * The document client for the single table, created once per Lambda instance. The endpoint comes from
 * the SDK's own configuration (`AWS_ENDPOINT_URL_DYNAMODB` locally), so this code is the same in AWS.
 */
export const documentClient = (): DynamoDBDocumentClient => {
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return client;
};
