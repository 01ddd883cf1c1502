import type { ContextDef } from '#platform/definition/types.ts';
import { channelKeyPrefixes } from './data/keys.ts';
import { channelSchema, publishableKeySchema } from './domain/schemas.ts';
import { channelsEvents } from './events.ts';
import { channelsAdminOperations } from './operations/admin.ts';

/** Sales channels (storefronts) and their publishable keys: what each storefront sees and sells (docs/channels.md). */
export const channelsContext = {
  name: 'channels',
  description:
    'Sales channels (storefronts) and their publishable keys: what each storefront sees and sells (docs/channels.md).',
  keyPrefixes: channelKeyPrefixes,
  events: channelsEvents,
  tags: [{ name: 'channels', description: 'Sales channels and publishable API keys' }],
  components: { Channel: channelSchema, PublishableKey: publishableKeySchema },
  functions: {
    channelsAdmin: {
      entry: 'contexts/channels/lambda/admin.ts',
      description: 'Admin: sales channels and their publishable keys',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
      operations: channelsAdminOperations,
    },
  },
} satisfies ContextDef;
