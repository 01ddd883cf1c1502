import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

/** A real SDK client pointed at the local endpoint, configured as the local cloud configures its own. */
export const eventBridgeClient = (endpoint: string): EventBridgeClient =>
  new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
