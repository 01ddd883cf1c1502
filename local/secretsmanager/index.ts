export { type LocalSecretsManager, type StartOptions, start } from './server.ts';
