import type { z } from 'zod';
import { cartEvents } from '#contexts/carts/events.ts';
import { catalogEvents } from '#contexts/catalog/events.ts';
import { inventoryEvents } from '#contexts/inventory/events.ts';
import { orderEvents } from '#contexts/orders/events.ts';
import { promotionEvents } from '#contexts/pricing/events.ts';

/** A domain event as `docs/events.md` publishes it; `schema` is the schema of `detail.data`. */
export interface EventDefinition {
  /** `commerce.<context>`: the EventBridge `source`. */
  readonly source: `commerce.${string}`;
  /** PascalCase past tense: the EventBridge `detail-type` (`ProductCreated`). */
  readonly detailType: string;
  readonly schema: z.ZodType;
  /** `detail.schemaVersion` (1 unless said); a breaking change to `data` is a new version. */
  readonly schemaVersion?: number;
  /** When the event is emitted; defaults to the schema's own `.meta({ description })`. */
  readonly description?: string;
}

/**
 * Every domain event the backend emits. A context appends its list here (kept beside its schemas, e.g.
 * `contexts/catalog/events.ts`); `npm run contract` renders them into `docs/events.md`, and a unit test
 * fails while that file is stale.
 */
export const eventCatalog: readonly EventDefinition[] = [
  ...catalogEvents,
  ...inventoryEvents,
  ...promotionEvents,
  ...cartEvents,
  ...orderEvents,
];
