import type { Substitution } from '#app/types.ts';

/**
 * Applies an ASL file's `${Name}` substitutions as Step Functions' DefinitionSubstitutions does in AWS.
 * An unknown or missing placeholder is a definition error, so it fails loudly.
 */
export const substitute = (
  asl: string,
  substitutions: Readonly<Record<string, Substitution>>,
  functionArn: (name: string) => string,
): string =>
  asl.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const s = substitutions[name];
    if (!s) throw new Error(`ASL placeholder \${${name}} has no substitution in the definition`);
    return 'function' in s ? functionArn(s.function) : s.literal;
  });
