import { describe, expect, it, vi } from 'vitest';
import { withSecret } from '#platform/config/secrets.ts';

describe('withSecret', () => {
  it('reads nothing until first use, then builds the services once per value', async () => {
    let value = 'key-1';
    const read = vi.fn(async () => value);
    const build = vi.fn((key: string) => ({ key }));
    const services = withSecret(read, build);
    expect(read).not.toHaveBeenCalled();

    const first = await services();
    expect(await services()).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);

    // A rotated value (seen once the reader's cache expires) rebuilds the services with it.
    value = 'key-2';
    expect(await services()).toEqual({ key: 'key-2' });
    expect(build).toHaveBeenCalledTimes(2);
  });
});
