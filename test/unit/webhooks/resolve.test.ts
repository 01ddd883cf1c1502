import { describe, expect, it, vi } from 'vitest';
import { checkTarget, type Lookup } from '#contexts/webhooks/data/resolve.ts';
import { TargetCheckUnavailableError, TargetRefusedError } from '#contexts/webhooks/domain/errors.ts';

const aws = { allowLoopback: false };
const url = new URL('https://hooks.example.com/in');

/** A resolver that fails with `code`, as `node:dns/promises` does. */
const failing =
  (code: string): Lookup =>
  async () => {
    throw Object.assign(new Error(`getaddrinfo ${code} hooks.example.com`), { code });
  };

const answering =
  (...addresses: string[]): Lookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const refusalOf = async (lookup: Lookup): Promise<unknown> =>
  checkTarget(url, aws, lookup).then(
    () => undefined,
    (error: unknown) => error,
  );

describe('checkTarget', () => {
  it.each(['ENOTFOUND', 'ENODATA', 'EAI_NONAME'])(
    'refuses a host the resolver says is unknown (%s)',
    async (code) => {
      const error = await refusalOf(failing(code));
      expect(error).toBeInstanceOf(TargetRefusedError);
      expect(error).toMatchObject({ statusCode: 400, code: 'webhook_url_unresolvable' });
    },
  );

  it('refuses a host that resolves to no address', async () => {
    expect(await refusalOf(answering())).toMatchObject({ statusCode: 400, code: 'webhook_url_unresolvable' });
  });

  it.each(['EAI_AGAIN', 'ETIMEOUT', 'ECONNREFUSED'])(
    'answers 503 when the resolver cannot answer (%s), refusing nothing',
    async (code) => {
      const error = await refusalOf(failing(code));
      expect(error).toBeInstanceOf(TargetCheckUnavailableError);
      expect(error).toMatchObject({ statusCode: 503, code: 'webhook_url_check_unavailable' });
      expect((error as TargetCheckUnavailableError).toJSON()).toMatchObject({
        status: 503,
        code: 'webhook_url_check_unavailable',
      });
    },
  );

  it('refuses a host when one of its addresses is private', async () => {
    expect(await refusalOf(answering('93.184.216.34', '10.0.0.7'))).toMatchObject({
      statusCode: 400,
      code: 'webhook_url_private_address',
    });
  });

  it('answers every address of a public host, in the resolver order', async () => {
    const lookup = vi.fn(answering('2606:2800:220:1::1', '93.184.216.34'));
    await expect(checkTarget(url, aws, lookup)).resolves.toEqual([
      { address: '2606:2800:220:1::1', family: 6 },
      { address: '93.184.216.34', family: 4 },
    ]);
    expect(lookup).toHaveBeenCalledWith('hooks.example.com', { all: true, verbatim: true });
  });

  it('does not look up an address literal', async () => {
    const lookup = vi.fn(failing('EAI_AGAIN'));
    await expect(checkTarget(new URL('https://8.8.8.8/hook'), aws, lookup)).resolves.toEqual([
      { address: '8.8.8.8', family: 4 },
    ]);
    expect(lookup).not.toHaveBeenCalled();
  });
});
