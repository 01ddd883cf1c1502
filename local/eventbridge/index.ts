export type { BusRule, DeliveryOptions, FailedDelivery } from './delivery.ts';
export type { EventBridgeEvent } from './event.ts';
export {
  type CompiledPattern,
  compilePattern,
  InvalidEventPatternError,
  matchesPattern,
  type PatternDialect,
  type PatternOptions,
  parsePattern,
  validatePattern,
} from './pattern.ts';
export { type LocalEventBridge, type StartOptions, start } from './server.ts';
