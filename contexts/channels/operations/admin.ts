import { createChannel } from './create-channel.ts';
import { createPublishableKey } from './create-key.ts';
import { deleteChannel } from './delete-channel.ts';
import { getChannel } from './get-channel.ts';
import { listChannels } from './list-channels.ts';
import { listPublishableKeys } from './list-keys.ts';
import { revokePublishableKey } from './revoke-key.ts';
import { updateChannel } from './update-channel.ts';

/** The operations of the `channelsAdmin` function: channels and their publishable keys. */
export const channelsAdminOperations = [
  listChannels,
  createChannel,
  getChannel,
  updateChannel,
  deleteChannel,
  listPublishableKeys,
  createPublishableKey,
  revokePublishableKey,
];
