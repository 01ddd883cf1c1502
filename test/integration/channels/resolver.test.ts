import { describe, expect, it } from 'vitest';
import { ChannelRepository } from '#contexts/channels/data/channel-repository.ts';
import { ChannelResolver } from '#contexts/channels/data/channel-resolver.ts';
import { PublishableKeyRepository } from '#contexts/channels/data/key-repository.ts';
import { InvalidPublishableKeyError } from '#contexts/channels/domain/errors.ts';
import { createTestTable, useLocalDynamo } from '../../support/cloud.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

const channelTable = async () => {
  useLocalDynamo();
  const table = await createTestTable();
  return { table, channels: new ChannelRepository(table), keys: new PublishableKeyRepository(table) };
};

const web = {
  id: 'web',
  name: 'Web',
  description: '',
  currencies: ['EUR' as const],
  stockLocationIds: ['berlin'],
};

describe('ChannelResolver', () => {
  it('resolves a live key to its channel', async () => {
    const { table, channels, keys } = await channelTable();
    await channels.create(web, at(0));
    const key = await keys.create('web', 'Web', at(1));
    await expect(new ChannelResolver(table).resolve(key.id)).resolves.toMatchObject({ id: 'web' });
  });

  it('refuses a deleted channel’s key once a channel is created again with its id', async () => {
    const { table, channels, keys } = await channelTable();
    const first = await channels.create(web, at(0));
    const old = await keys.create('web', 'Web', at(1));
    await channels.delete('web', first.version, at(2));
    await channels.create(web, at(3));
    const fresh = await keys.create('web', 'Web again', at(4));

    // A new resolver each time: nothing cached from before the change.
    await expect(new ChannelResolver(table).resolve(old.id)).rejects.toBeInstanceOf(
      InvalidPublishableKeyError,
    );
    await expect(new ChannelResolver(table).resolve(fresh.id)).resolves.toMatchObject({ id: 'web' });
  });

  it.each(['not-a-key', `pk_${'A'.repeat(32)}`, `pk_${'0'.repeat(31)}`])(
    'refuses a malformed key (%s) without reading',
    async (key) => {
      useLocalDynamo();
      // Any read of a table that does not exist would throw ResourceNotFoundException instead.
      const resolver = new ChannelResolver('no-such-table');
      const refused = await resolver.resolve(key).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(InvalidPublishableKeyError);
      expect(refused).toMatchObject({ statusCode: 401, code: 'invalid_publishable_key' });
    },
  );

  it('reads the key when it is well formed', async () => {
    useLocalDynamo();
    const read = new ChannelResolver('no-such-table').resolve(`pk_${'0'.repeat(32)}`);
    await expect(read).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
