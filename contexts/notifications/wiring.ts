import { OrderRepository } from '#contexts/orders/data/repository.ts';
import { operationOf } from '#platform/http/operation.ts';
import type { Mailer } from './domain/mailer.ts';

/** What the back office's notification operations use, wired once per Lambda instance over one table. */
export const notificationAdminServices = (table: string, mailer: Mailer, leaseMs: number) => ({
  table,
  orders: new OrderRepository(table),
  mailer,
  leaseMs,
});
export type NotificationAdminServices = ReturnType<typeof notificationAdminServices>;

/** Declares an operation of the `notificationsAdmin` function (typed with its services). */
export const notificationAdminOperation = operationOf<NotificationAdminServices>();
