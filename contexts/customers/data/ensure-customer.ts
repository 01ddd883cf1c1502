import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#platform/data/client.ts';
import { isConditionFailure } from '#platform/data/conditions.ts';
import type { Profile } from '../domain/schemas.ts';
import { newProfileItem, type ProfileSource, toProfile } from './items.ts';
import { customerKeys } from './keys.ts';

export interface EnsureCustomerInput {
  readonly customerId: string;
  /** Known at sign-up (Cognito's `userAttributes.email`); unknown to an access token, so null there. */
  readonly email: string | null;
  readonly source: ProfileSource;
}

/**
 * Creates the customer's profile if it does not exist yet: the one creation path shared by the first
 * authenticated call and Cognito's post-confirmation trigger. A conditional Put makes concurrent first
 * calls create exactly one record; the loser learns it lost and gets `undefined`. When the profile
 * exists without an email and this caller knows it, the email is filled in (never overwritten).
 */
export const ensureCustomer = async (
  table: string,
  input: EnsureCustomerInput,
): Promise<Profile | undefined> => {
  const item = newProfileItem(input.customerId, input.email, input.source, new Date().toISOString());
  try {
    await documentClient().send(
      new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return toProfile(item);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  if (input.email) await fillMissingEmail(table, input.customerId, input.email);
  return undefined;
};

const fillMissingEmail = async (table: string, customerId: string, email: string): Promise<void> => {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table,
        Key: customerKeys.profile(customerId),
        UpdateExpression: 'SET email = :email, updatedAt = :now, version = version + :one',
        // Only a profile that has no email yet: a retried trigger or a later call never overwrites one.
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(email) OR attribute_type(email, :null))',
        ExpressionAttributeValues: {
          ':email': email,
          ':now': new Date().toISOString(),
          ':one': 1,
          ':null': 'NULL',
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
