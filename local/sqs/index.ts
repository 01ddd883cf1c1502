export type { EventSource, ReceivedMessage } from './event.ts';
export { toSqsEvent, toSqsRecord } from './event.ts';
export type { LocalSqs, SqsOptions } from './start.ts';
export { start } from './start.ts';
