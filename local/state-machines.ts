import type { Substitution } from '#platform/definition/types.ts';

/** How a substitution's names become ARNs in the cloud that runs the state machine. */
export interface ArnResolvers {
  readonly functionArn: (name: string) => string;
  readonly stateMachineArn: (name: string) => string;
}

/**
 * Applies an ASL file's `${Name}` substitutions as Step Functions' DefinitionSubstitutions does in AWS.
 * An unknown or missing placeholder is a definition error, so it fails loudly.
 */
export const substitute = (
  asl: string,
  substitutions: Readonly<Record<string, Substitution>>,
  arns: ArnResolvers,
): string =>
  asl.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const s = substitutions[name];
    if (!s) throw new Error(`ASL placeholder \${${name}} has no substitution in the definition`);
    if ('function' in s) return arns.functionArn(s.function);
    if ('stateMachine' in s) return arns.stateMachineArn(s.stateMachine);
    return s.literal;
  });
