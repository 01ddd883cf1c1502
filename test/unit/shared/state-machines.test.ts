import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { substitute } from '#local/state-machines.ts';
import { parseDefinition, validateAsl } from '#local/stepfunctions/validate.ts';

const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

describe('state machine definitions', () => {
  it.each(Object.entries(app.stateMachines))('%s is valid ASL once substituted', (name, sm) => {
    const asl = parseDefinition(
      name,
      substitute(readFileSync(sm.definitionFile, 'utf8'), sm.substitutions, arn),
    );
    expect(() => validateAsl(name, asl)).not.toThrow();
  });

  it('refuses a placeholder the definition does not substitute', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an ASL placeholder, not a template
    expect(() => substitute('{"a":"${Missing}"}', {}, arn)).toThrow(/Missing/);
  });

  it('puts function ARNs and literals in place', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ASL placeholders, not a template
    expect(substitute('${F} ${L}', { F: { function: 'f' }, L: { literal: '5' } }, arn)).toBe(`${arn('f')} 5`);
  });
});
