import type { EventBridgeEvent as LambdaEventBridgeEvent } from 'aws-lambda';

/** An event as EventBridge delivers it to targets: the envelope from `@types/aws-lambda`. */
export type EventBridgeEvent = LambdaEventBridgeEvent<string, Record<string, unknown>>;

/** EventBridge stamps `time` to the second, without milliseconds: `2017-12-22T18:43:48Z`. */
export const awsTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface EnvelopeFields {
  readonly id: string;
  readonly source: string;
  readonly detailType: string;
  readonly time: Date;
  readonly account: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Record<string, unknown>;
}

/** The event envelope, its keys in the order AWS writes them. */
export const buildEvent = (fields: EnvelopeFields): EventBridgeEvent => ({
  version: '0',
  id: fields.id,
  'detail-type': fields.detailType,
  source: fields.source,
  account: fields.account,
  time: awsTime(fields.time),
  region: fields.region,
  resources: [...fields.resources],
  detail: fields.detail,
});
