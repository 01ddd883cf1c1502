import type { PaymentGateway } from '../domain/gateway.ts';
import { stripeClient, stripeGateway } from './gateway.ts';
import { loadStripeKeys } from './keys.ts';

let current: { fingerprint: string; gateway: PaymentGateway } | undefined;

/**
 * The Stripe gateway with this deployment's keys (from Secrets Manager, cached 5 minutes). One SDK
 * client per instance, replaced when ops put new keys in, so its connections are reused between calls.
 */
export const paymentGateway = async (): Promise<PaymentGateway> => {
  const keys = await loadStripeKeys();
  const fingerprint = keys.secretKey;
  if (current?.fingerprint !== fingerprint)
    current = { fingerprint, gateway: stripeGateway(stripeClient(keys)) };
  return current.gateway;
};
