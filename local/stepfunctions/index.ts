export type { StateMachineSource } from './prepare.ts';
export { type StepFunctionsEndpoint, type StepFunctionsOptions, start } from './server.ts';
export { DefinitionError } from './validate.ts';
