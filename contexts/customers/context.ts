import type { ContextDef } from '#platform/definition/types.ts';
import { customerKeyPrefixes } from './data/keys.ts';
import { customerGroupSchema } from './domain/groups.ts';
import { addressSchema, customerSchema, profileSchema } from './domain/schemas.ts';
import { customerEvents } from './events.ts';
import { customerOperations } from './operations/customer.ts';

/** The signed-in customer (profile and addresses, created on first use or by the sign-up trigger) and customer groups (docs/customers.md). */
export const customersContext = {
  name: 'customers',
  description:
    'The signed-in customer (profile and addresses, created on first use or by the sign-up trigger) and customer groups (docs/customers.md).',
  keyPrefixes: customerKeyPrefixes,
  events: customerEvents,
  // Cognito calls this after a customer confirms sign-up; it creates the same profile record that a
  // first authenticated API call would (there is no sign-up locally, so only AWS calls it).
  userPoolTriggers: { postConfirmation: 'customerPostConfirmation' },
  tags: [{ name: 'customers', description: 'The signed-in customer: profile and addresses' }],
  components: {
    Customer: customerSchema,
    Profile: profileSchema,
    Address: addressSchema,
    CustomerGroup: customerGroupSchema,
  },
  functions: {
    customers: {
      entry: 'contexts/customers/lambda/customer.ts',
      description: 'Customer: own profile and address book (/me, /me/addresses); admin: customer groups',
      memoryMb: 256,
      // A membership request is up to 50 sequential transactions.
      timeoutSeconds: 10,
      uses: { table: 'readWrite', secrets: ['cursorKey'] },
      operations: customerOperations,
    },
    customerPostConfirmation: {
      // Not routed: the Cognito user pool's post-confirmation trigger (wired in infra/auth.ts).
      entry: 'contexts/customers/lambda/post-confirmation.ts',
      description: 'Cognito post-confirmation trigger: creates the customer profile with the sign-up email',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
  },
} satisfies ContextDef;
