import type { ScheduledEvent } from 'aws-lambda';

/**
 * Whether a Lambda event is a schedule rule's tick (EventBridge's `Scheduled Event` from `aws.events`),
 * for a function that a schedule invokes beside its other callers.
 */
export const isScheduledEvent = (event: unknown): event is ScheduledEvent =>
  typeof event === 'object' &&
  event !== null &&
  (event as Partial<ScheduledEvent>)['detail-type'] === 'Scheduled Event' &&
  (event as Partial<ScheduledEvent>).source === 'aws.events';
