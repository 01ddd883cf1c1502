export type { SentMessage } from './message.ts';
export { type LocalSes, type SesOptions, start } from './server.ts';
