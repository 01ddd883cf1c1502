/** JSON as it appears in an Amazon States Language document and in execution data. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every (sub-)machine of a definition: the root, each Parallel branch and each Map item processor,
 * at any depth. Each one has its own `States`, so checks and rewrites must visit all of them.
 */
export function machinesOf(definition: JsonObject): JsonObject[] {
  const machines = [definition];
  for (const [, state] of ownStates(definition)) {
    const branches = Array.isArray(state.Branches) ? state.Branches : [];
    const nested = [...branches, state.ItemProcessor, state.Iterator].filter(isObject);
    for (const machine of nested) machines.push(...machinesOf(machine));
  }
  return machines;
}

/** `[name, state]` of every state at any depth; ASL requires state names to be unique machine-wide. */
export function allStates(definition: JsonObject): Array<[string, JsonObject]> {
  return machinesOf(definition).flatMap(ownStates);
}

function ownStates(machine: JsonObject): Array<[string, JsonObject]> {
  const states = machine.States;
  if (!isObject(states)) return [];
  return Object.entries(states).filter((entry): entry is [string, JsonObject] => isObject(entry[1]));
}

/** Round-trips a value through JSON, as Lambda and Step Functions do with every payload they pass on. */
export function toJson(value: unknown): Json {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as Json);
}
