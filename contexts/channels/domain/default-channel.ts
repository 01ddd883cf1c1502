import { type Channel, DEFAULT_CHANNEL_ID } from './schemas.ts';

/**
 * The default channel as the code knows it without reading it: every product, currency and location.
 * It is seeded so the back office lists it, but a table without it (a fresh deploy before the seed)
 * behaves the same, which is why requests without a publishable key never read anything.
 */
export const implicitDefaultChannel = (at = '1970-01-01T00:00:00.000Z'): Channel => ({
  id: DEFAULT_CHANNEL_ID,
  name: 'Default',
  description: 'Every product, currency and stock location; used when no publishable key is sent',
  currencies: null,
  stockLocationIds: null,
  isDefault: true,
  version: 1,
  createdAt: at,
  updatedAt: at,
});
