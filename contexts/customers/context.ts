import type { ContextDef } from '#platform/definition/types.ts';
import { customerKeyPrefixes } from './data/keys.ts';
import { addressSchema, customerSchema, profileSchema } from './domain/schemas.ts';

/** The signed-in customer: profile and addresses, created on first use or by the sign-up trigger (docs/customers.md). */
export const customersContext = {
  name: 'customers',
  description:
    'The signed-in customer: profile and addresses, created on first use or by the sign-up trigger (docs/customers.md).',
  keyPrefixes: customerKeyPrefixes,
  // Cognito calls this after a customer confirms sign-up; it creates the same profile record that a
  // first authenticated API call would (there is no sign-up locally, so only AWS calls it).
  userPoolTriggers: { postConfirmation: 'customerPostConfirmation' },
  tags: [{ name: 'customers', description: 'The signed-in customer: profile and addresses' }],
  components: { Customer: customerSchema, Profile: profileSchema, Address: addressSchema },
  functions: {
    getMe: {
      entry: 'contexts/customers/lambda/get-me.ts',
      description: 'Customer: own profile with addresses, created on the first call',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    updateMe: {
      entry: 'contexts/customers/lambda/update-me.ts',
      description: 'Customer: change own profile (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    listAddresses: {
      entry: 'contexts/customers/lambda/list-addresses.ts',
      description: 'Customer: own addresses',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    addAddress: {
      entry: 'contexts/customers/lambda/add-address.ts',
      description: 'Customer: add an address (limit 20, Idempotency-Key honoured)',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    updateAddress: {
      entry: 'contexts/customers/lambda/update-address.ts',
      description: 'Customer: change an own address (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    deleteAddress: {
      entry: 'contexts/customers/lambda/delete-address.ts',
      description: 'Customer: delete an own address',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
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
  routes: [
    { method: 'GET', path: '/me', function: 'getMe', access: 'customer' },
    { method: 'PATCH', path: '/me', function: 'updateMe', access: 'customer' },
    { method: 'GET', path: '/me/addresses', function: 'listAddresses', access: 'customer' },
    { method: 'POST', path: '/me/addresses', function: 'addAddress', access: 'customer' },
    { method: 'PATCH', path: '/me/addresses/{addressId}', function: 'updateAddress', access: 'customer' },
    { method: 'DELETE', path: '/me/addresses/{addressId}', function: 'deleteAddress', access: 'customer' },
  ],
} satisfies ContextDef;
