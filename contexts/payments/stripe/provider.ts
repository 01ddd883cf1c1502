import type { PaymentGateway } from '../domain/gateway.ts';
import { loadStripeKeys } from './keys.ts';

let current: { fingerprint: string; gateway: PaymentGateway } | undefined;

/**
 * The Stripe gateway with this deployment's keys (from Secrets Manager, cached 5 minutes). One Stripe
 * client per instance, replaced when ops put new keys in, so its connections are reused between calls.
 * The client is imported on first use: a function that may never call Stripe (the webhook only refunds a
 * payment no checkout took up) does not evaluate it at cold start.
 */
export const paymentGateway = async (): Promise<PaymentGateway> => {
  const keys = await loadStripeKeys();
  const fingerprint = keys.secretKey;
  if (current?.fingerprint !== fingerprint) {
    const { stripeClient, stripeGateway } = await import('./gateway.ts');
    current = { fingerprint, gateway: stripeGateway(stripeClient(keys)) };
  }
  return current.gateway;
};
