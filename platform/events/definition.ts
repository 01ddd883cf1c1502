import type { z } from 'zod';

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
