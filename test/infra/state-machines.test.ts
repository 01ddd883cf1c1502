import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { fromProjectRoot } from '#infra/project.ts';
import { checkSubstitutions } from '#infra/state-machines.ts';
import type { StateMachineDef } from '#platform/definition/types.ts';
import { logicalIdOf, synthesize } from './support.ts';

const SM = 'AWS::StepFunctions::StateMachine';
const machines: [string, StateMachineDef][] = Object.entries(app.stateMachines);

describe('state machines', () => {
  const { template } = synthesize(app);
  const propsOf = (name: string) => template.toJSON().Resources[logicalIdOf(template, SM, name)].Properties;

  it.each(machines)('%s runs the ASL file as written, of the definition type', (name, sm) => {
    expect(propsOf(name).DefinitionString).toBe(readFileSync(fromProjectRoot(sm.definitionFile), 'utf8'));
    expect(propsOf(name).StateMachineType).toBe(sm.type);
  });

  it.each(machines)(
    '%s substitutes function ARNs, state machine ARNs and literals through DefinitionSubstitutions',
    (name, sm) => {
      const expected = Object.fromEntries(
        Object.entries(sm.substitutions).map(([key, s]) => [
          key,
          'function' in s
            ? { 'Fn::GetAtt': [logicalIdOf(template, 'AWS::Lambda::Function', s.function), 'Arn'] }
            : 'stateMachine' in s
              ? { Ref: logicalIdOf(template, SM, s.stateMachine) }
              : s.literal,
        ]),
      );
      expect(propsOf(name).DefinitionSubstitutions).toStrictEqual(expected);
    },
  );

  it.each(machines)('%s logs every state, with its data only if the definition opts in', (name, sm) => {
    expect(propsOf(name).LoggingConfiguration).toMatchObject({
      Level: 'ALL',
      IncludeExecutionData: sm.logExecutionData ?? false,
    });
  });

  // Task tokens (payment saga, approval), cart tokens and client secrets (checkout) and free-text reasons
  // (cancellation) pass through these machines' data: none of it may reach a log group.
  it.each(machines)(
    '%s keeps its execution data (task tokens, secrets, personal data) out of its logs',
    (name) => {
      expect(propsOf(name).LoggingConfiguration.IncludeExecutionData).toBe(false);
    },
  );

  it.each(machines)('%s raises an alarm when an execution fails', (name) => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) =>
        a.Properties.MetricName === 'ExecutionsFailed' &&
        a.Properties.Dimensions?.[0]?.Value?.Ref === logicalIdOf(template, SM, name),
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it.each(['checkout', 'checkoutPayment'])(
    'keeps the %s data (cart token, client secret, task token) out of its logs',
    (name) => {
      expect(propsOf(name).LoggingConfiguration.IncludeExecutionData).toBe(false);
    },
  );

  it.each(machines)('%s may invoke exactly the functions it substitutes', (name, sm) => {
    const role = propsOf(name).RoleArn['Fn::GetAtt'][0];
    const statements = Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }),
    ).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const invoke = statements.filter((s: { Action: unknown }) => s.Action === 'lambda:InvokeFunction');
    const functions = Object.values(sm.substitutions).flatMap((s) => ('function' in s ? [s.function] : []));
    expect(invoke).toEqual([
      {
        Action: 'lambda:InvokeFunction',
        Effect: 'Allow',
        Resource:
          functions.length === 1
            ? {
                'Fn::GetAtt': [logicalIdOf(template, 'AWS::Lambda::Function', functions[0] as string), 'Arn'],
              }
            : functions.map((f) => ({
                'Fn::GetAtt': [logicalIdOf(template, 'AWS::Lambda::Function', f), 'Arn'],
              })),
      },
    ]);
  });

  it.each(machines)('%s traces with X-Ray', (name) => {
    expect(propsOf(name)).toMatchObject({ TracingConfiguration: { Enabled: true } });
  });
});

describe('checkSubstitutions', () => {
  /** `${name}`, the placeholder syntax of DefinitionSubstitutions. */
  const ph = (name: string) => ['$', '{', name, '}'].join('');

  it('accepts placeholders and substitutions that match', () => {
    expect(() => checkSubstitutions('f', `{"a":"${ph('A')}","b":${ph('B')}}`, { A: 1, B: 2 })).not.toThrow();
  });

  it('refuses a placeholder without substitution', () => {
    expect(() => checkSubstitutions('f', `{"a":"${ph('A')}"}`, {})).toThrow(/without substitution \[A\]/);
  });

  it('refuses a substitution the file never uses', () => {
    expect(() => checkSubstitutions('f', '{}', { A: 1 })).toThrow(/unused substitutions \[A\]/);
  });
});
