import { app } from '#app/definition.ts';
import { startCloud } from '#local/cloud.ts';
import { withPaymentTimeout } from '#local/payment-timeout.ts';
import type { Shop } from './shop.ts';
import { portsOf } from './wire.ts';

/**
 * The local cloud as the checkout benchmarks measure it: DynamoDB behind the counting proxy, and a
 * payment wait long enough that no saga expires while they run. With the shop they drive and the ports
 * whose traffic they attribute.
 */
export const startBenchCloud = async () => {
  const cloud = await startCloud(withPaymentTimeout(app, 600), {
    port: 0,
    buildDir: '.local/bench-build',
    countDynamoRequests: true,
  });
  const shop: Shop = {
    api: cloud.info.apiUrl,
    adminToken: cloud.info.tokens.admin,
    stripe: cloud.info.stripe,
  };
  return { cloud, shop, ports: portsOf(cloud.info) };
};
