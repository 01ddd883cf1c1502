import { buildApp } from 'fauxqs';

/** A running fauxqs endpoint. */
export interface SqsServer {
  /** `http://127.0.0.1:<port>`: the endpoint SDK clients point at. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts fauxqs in this process. `buildApp` rather than `startFauxqs`, because the latter always listens
 * on 0.0.0.0 and the local cloud must not be reachable from the network.
 */
export const startServer = async (port: number, region: string): Promise<SqsServer> => {
  const app = buildApp({ logger: false, defaultRegion: region });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('fauxqs is not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
    },
  };
};
