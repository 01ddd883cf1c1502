import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { substitute } from '#local/state-machines.ts';
import { parseDefinition, validateAsl } from '#local/stepfunctions/validate.ts';

const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const smArn = (name: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;
const arns = { functionArn: arn, stateMachineArn: smArn };

describe('state machine definitions', () => {
  it.each(Object.entries(app.stateMachines))('%s is valid ASL once substituted', (name, sm) => {
    const asl = parseDefinition(
      name,
      substitute(readFileSync(sm.definitionFile, 'utf8'), sm.substitutions, arns),
    );
    expect(() => validateAsl(name, asl)).not.toThrow();
  });

  it('refuses a placeholder the definition does not substitute', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an ASL placeholder, not a template
    expect(() => substitute('{"a":"${Missing}"}', {}, arns)).toThrow(/Missing/);
  });

  it('puts function ARNs, state machine ARNs and literals in place', () => {
    const substitutions = { F: { function: 'f' }, S: { stateMachine: 's' }, L: { literal: '5' } };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ASL placeholders, not a template
    expect(substitute('${F} ${S} ${L}', substitutions, arns)).toBe(`${arn('f')} ${smArn('s')} 5`);
  });
});
