import { createRequire } from 'node:module';
import { allStates, isObject, type JsonObject } from './asl.ts';

/** A state machine the local cloud refuses to serve; thrown from `start()` so it fails loudly. */
export class DefinitionError extends Error {
  readonly stateMachine: string;
  constructor(stateMachine: string, reason: string) {
    super(`State machine "${stateMachine}" cannot run in the local cloud: ${reason}`);
    this.name = 'DefinitionError';
    this.stateMachine = stateMachine;
  }
}

// asl-validator is CommonJS without type declarations; this is the part of its API used here.
type AslValidator = (
  definition: unknown,
  options?: { readonly checkPaths: boolean; readonly checkArn: boolean },
) => { readonly isValid: boolean; errorsText(separator?: string): string };
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

export function parseDefinition(name: string, text: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DefinitionError(name, `its definition is not JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed)) throw new DefinitionError(name, 'its definition is not a JSON object');
  return parsed;
}

/**
 * aws-local-stepfunctions evaluates JSONPath only. A JSONata machine would run with its `{% %}`
 * expressions taken as literal strings, so it is refused before anything runs.
 */
export function refuseJsonata(name: string, definition: JsonObject): void {
  const where =
    definition.QueryLanguage === 'JSONata'
      ? 'at the top level'
      : allStates(definition).find(([, state]) => state.QueryLanguage === 'JSONata')?.[0];
  if (where === undefined) return;
  const place = where === 'at the top level' ? where : `in state "${where}"`;
  throw new DefinitionError(
    name,
    `it sets "QueryLanguage": "JSONata" ${place}, and the local cloud runs JSONPath only ` +
      '(aws-local-stepfunctions does not evaluate JSONata). Write the state machine in JSONPath.',
  );
}

/** The same checks the Step Functions console runs: schema, transitions, paths, resource ARNs. */
export function validateAsl(name: string, definition: JsonObject): void {
  // asl-validator writes a default QueryLanguage into every state, so it gets a copy.
  const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });
  if (!result.isValid) throw new DefinitionError(name, `it is not valid ASL:\n${result.errorsText('\n')}`);
}

const distributedMapFields = [
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
];

/**
 * Fields aws-local-stepfunctions accepts but ignores: running such a machine would silently behave
 * unlike AWS, so it is refused with the reason instead.
 */
export function refuseUnsupportedFields(name: string, definition: JsonObject): void {
  for (const [stateName, state] of allStates(definition)) {
    const reason = unsupportedField(state);
    if (reason) throw new DefinitionError(name, `state "${stateName}" uses ${reason}`);
  }
}

function unsupportedField(state: JsonObject): string | undefined {
  if ('Assign' in state) return 'workflow variables (Assign), which aws-local-stepfunctions does not support';
  const distributed = distributedMapFields.find((field) => field in state);
  const config = isObject(state.ProcessorConfig) ? state.ProcessorConfig : {};
  if (distributed || config.Mode === 'DISTRIBUTED') {
    return `a Distributed Map (${distributed ?? 'ProcessorConfig.Mode'}), which runs inline only locally`;
  }
  const dynamicTimeout = ['TimeoutSecondsPath', 'HeartbeatSecondsPath'].find((field) => field in state);
  if (dynamicTimeout) {
    return `${dynamicTimeout}; the local endpoint needs TimeoutSeconds/HeartbeatSeconds as numbers to expire task tokens`;
  }
  return undefined;
}
