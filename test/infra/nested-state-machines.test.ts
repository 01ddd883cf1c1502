import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { addNagPacks, nagPacks } from '#infra/nag/packs.ts';
import { stackName, stageSettings } from '#infra/stage.ts';
import type { AppDefinition, StateMachineDef } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { logicalIdOf, SKIP_BUNDLING, synthesize } from './support.ts';

const SM = 'AWS::StepFunctions::StateMachine';

const child: StateMachineDef = {
  description: 'fixture standard machine, started by another',
  definitionFile: 'test/infra/fixtures/child.asl.json',
  type: 'STANDARD',
  substitutions: {},
};
const parent: StateMachineDef = {
  description: 'fixture express machine that starts the child',
  definitionFile: 'test/infra/fixtures/start-child.asl.json',
  type: 'EXPRESS',
  substitutions: { ChildArn: { stateMachine: 'child' } },
};

/** The fixture plus a machine that starts another, listed before it (creation must reorder them). */
const nested: AppDefinition = {
  ...fixtureDefinition,
  name: 'nested',
  stateMachines: { ...fixtureDefinition.stateMachines, parent, child },
};

describe('a state machine that starts another (stateMachine substitution)', () => {
  const { template } = synthesize(nested);
  const propsOf = (name: string) => template.toJSON().Resources[logicalIdOf(template, SM, name)].Properties;
  const statesStatementsOf = (name: string) =>
    Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: propsOf(name).RoleArn['Fn::GetAtt'][0] }] },
      }),
    )
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: { Action: string | string[] }) => [s.Action].flat().some((a) => a.startsWith('states:')));

  it("substitutes the other machine's ARN through DefinitionSubstitutions", () => {
    expect(propsOf('parent').DefinitionSubstitutions).toStrictEqual({
      ChildArn: { Ref: logicalIdOf(template, SM, 'child') },
    });
  });

  it('may start exactly that machine, and nothing else of Step Functions', () => {
    expect(statesStatementsOf('parent')).toStrictEqual([
      {
        Action: 'states:StartExecution',
        Effect: 'Allow',
        Resource: { Ref: logicalIdOf(template, SM, 'child') },
      },
    ]);
  });

  it('grants the started machine nothing of Step Functions', () => {
    expect(statesStatementsOf('child')).toStrictEqual([]);
  });

  it('passes cdk-nag with the grant', () => {
    const app = new App({ context: SKIP_BUNDLING });
    new CommerceStack(app, stackName('dev'), { definition: nested, stage: stageSettings('dev') });
    addNagPacks(app);
    const findings = nagPacks(app).flatMap((pack) =>
      pack.validateScope(app).violations.map((v) => v.ruleName),
    );
    expect(findings).toEqual([]);
  });

  it('refuses at synth a definition whose machines start each other in a cycle', () => {
    const cyclic: AppDefinition = {
      ...nested,
      name: 'cyclic',
      stateMachines: {
        parent,
        child: { ...child, substitutions: { ParentArn: { stateMachine: 'parent' } } },
      },
    };
    const app = new App({ context: SKIP_BUNDLING });
    expect(
      () => new CommerceStack(app, stackName('dev'), { definition: cyclic, stage: stageSettings('dev') }),
    ).toThrow('State machines substitute each other in a cycle: parent → child → parent');
  });
});
