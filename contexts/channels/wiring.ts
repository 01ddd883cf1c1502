import { LocationRepository } from '#contexts/inventory/data/location-repository.ts';
import { operationOf } from '#platform/http/operation.ts';
import { ChannelRepository } from './data/channel-repository.ts';
import { PublishableKeyRepository } from './data/key-repository.ts';

/** What the `channelsAdmin` function's operations use, wired once per Lambda instance over one table. */
export const channelsAdminServices = (table: string) => ({
  channels: new ChannelRepository(table),
  keys: new PublishableKeyRepository(table),
  locations: new LocationRepository(table),
});
export type ChannelsAdminServices = ReturnType<typeof channelsAdminServices>;

/** Declares an operation of the `channelsAdmin` function (typed with its services). */
export const channelsAdminOperation = operationOf<ChannelsAdminServices>();
