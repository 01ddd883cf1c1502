import { expect } from 'vitest';
import type { SentMessage } from '#local/ses/index.ts';
import { cloud } from './cloud.ts';

/** What the local cloud's mail sink holds for `to`, newest first (it is shared by the run: filter, never clear). */
export const mailTo = async (to: string): Promise<SentMessage[]> => {
  const res = await fetch(`${cloud().endpoints.ses}/_local/messages?to=${encodeURIComponent(to)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: SentMessage[] }).messages;
};
