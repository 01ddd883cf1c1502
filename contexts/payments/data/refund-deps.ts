import type { OrderRepository } from '#contexts/orders/data/repository.ts';
import type { PaymentGateway } from '../domain/gateway.ts';

/** What refunding needs: the table, the orders, and the Stripe gateway (loaded on first use). */
export interface RefundDeps {
  readonly table: string;
  readonly orders: OrderRepository;
  readonly gateway: () => Promise<PaymentGateway>;
}
