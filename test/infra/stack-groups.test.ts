import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { flattenTemplates, type StackTemplates } from '#infra/flatten-templates.ts';
import { describeTemplate } from '#infra/inventory.ts';
import {
  CONTEXT_GROUPS,
  DEFAULT_GROUP,
  groupOfContext,
  planStacks,
  STREAMS_GROUP,
  stateMachineGroupOrder,
} from '#infra/stack-groups.ts';
import type { AppDefinition, StateMachineDef } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { logicalIdOf, synthesize } from './support.ts';

const placement = (group: string) => ({ group });
const ROOT = { root: true };

describe('stack groups', () => {
  const plan = planStacks(app);

  it('gives a context missing from the table a stack of its own, named after it', () => {
    expect(groupOfContext('sales-channels')).toBe('SalesChannels');
    // webhooks is such a context of the application: its stack comes from the fallback, not the table.
    expect(app.contexts.filter((c) => !(c in CONTEXT_GROUPS))).toEqual(['webhooks']);
    expect(plan.functions.get('webhooksWorker')).toEqual(placement('Webhooks'));
    expect(plan.queues.get('webhooks')).toEqual(placement('Webhooks'));
    expect(plan.groups).toContain('Webhooks');
  });

  it('places each function and state machine with its context’s group', () => {
    expect(plan.functions.get('catalogStore')).toEqual(placement('Catalog'));
    expect(plan.functions.get('stripeWebhook')).toEqual(placement('Checkout'));
    expect(plan.stateMachines.get('checkout')).toEqual(placement('Checkout'));
    expect(plan.stateMachines.get('orderCancellation')).toEqual(placement('PostPurchase'));
  });

  it('places every function a checkout state machine invokes in the saga’s group', () => {
    for (const name of ['checkout', 'checkoutPayment']) {
      const invoked = Object.values(app.stateMachines[name]?.substitutions ?? {}).flatMap((s) =>
        'function' in s ? [s.function] : [],
      );
      expect(invoked.length).toBeGreaterThan(0);
      for (const fn of invoked) expect(plan.functions.get(fn), fn).toEqual(placement('Checkout'));
    }
  });

  it('places every pipe and its target in the streams group', () => {
    for (const [name, pipe] of Object.entries(app.pipes)) {
      expect(plan.pipes.get(name)).toEqual(placement(STREAMS_GROUP));
      expect(plan.functions.get(pipe.target)).toEqual(placement(STREAMS_GROUP));
    }
  });

  it('places queues with their consumers and rules with their queues', () => {
    for (const [name, queue] of Object.entries(app.queues))
      expect(plan.queues.get(name), name).toEqual(plan.functions.get(queue.consumer));
    for (const [name, rule] of Object.entries(app.rules))
      expect(plan.rules.get(name), name).toEqual(plan.queues.get(rule.queue));
  });

  it('refuses a rule whose queue the definition does not define', () => {
    const broken: AppDefinition = {
      ...fixtureDefinition,
      rules: { lost: { description: 'no queue', pattern: { source: ['x'] }, queue: 'missing' } },
    };
    expect(() => planStacks(broken)).toThrow('Rule "lost" targets queue "missing"');
  });

  it('keeps user pool triggers in the root stack', () => {
    expect(plan.functions.get('customerPostConfirmation')).toEqual(ROOT);
  });

  it('places the entries of a definition without contexts in one default group, pipes aside', () => {
    const fixture = planStacks(fixtureDefinition);
    expect(fixture.groups).toEqual([DEFAULT_GROUP, STREAMS_GROUP]);
  });
});

describe('state machines across groups', () => {
  const machine = (substitutions: StateMachineDef['substitutions']): StateMachineDef => ({
    description: 'fixture',
    definitionFile: 'test/infra/fixtures/child.asl.json',
    type: 'STANDARD',
    substitutions,
  });
  const definition = (a: StateMachineDef, b: StateMachineDef): AppDefinition => ({
    ...fixtureDefinition,
    name: 'crossgroup',
    stateMachines: { ...fixtureDefinition.stateMachines, a, b },
    owners: { stateMachines: { a: 'alpha', b: 'beta' } },
  });

  it('builds a group after the groups whose machines it starts', () => {
    const def = definition(machine({ B: { stateMachine: 'b' } }), machine({}));
    expect(stateMachineGroupOrder(def, planStacks(def))).toEqual(['Beta', 'Alpha', 'App', 'Streams']);
  });

  it('builds a machine that starts one in another nested stack', () => {
    const starter = {
      ...machine({ ChildArn: { stateMachine: 'b' } }),
      definitionFile: 'test/infra/fixtures/start-child.asl.json',
    };
    const { template, stacks } = synthesize(definition(starter, machine({})));
    expect(
      Object.values(stacks.nested)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['Alpha', 'App', 'Beta', 'Streams']);
    expect(describeTemplate(template.toJSON()).stateMachines).toContainEqual({
      name: 'a',
      type: 'STANDARD',
      substitutions: { ChildArn: { stateMachine: 'b' } },
    });
  });

  it('refuses groups that start each other’s machines', () => {
    const def = definition(machine({ B: { stateMachine: 'b' } }), machine({}));
    const cyclic = {
      ...def,
      stateMachines: { ...def.stateMachines, b: machine({ A: { stateMachine: 'a' } }) },
    };
    expect(() => stateMachineGroupOrder(cyclic, planStacks(cyclic))).toThrow(/Alpha → Beta → Alpha/);
  });
});

describe('flattenTemplates', () => {
  it('resolves references across stacks to the resources themselves', () => {
    const { template } = synthesize(app);
    const fn = template.toJSON().Resources[logicalIdOf(template, 'AWS::Lambda::Function', 'catalogStore')];
    // The table's name reaches the nested stack as a parameter; flattened, it is the table's Ref again.
    expect(fn.Properties.Environment.Variables.TABLE_NAME).toEqual({
      Ref: Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))[0],
    });
  });

  it('follows a nested stack output read by the root stack', () => {
    const flat = flattenTemplates({
      template: {
        Resources: {
          Child: { Type: 'AWS::CloudFormation::Stack', Properties: { Parameters: { P: { Ref: 'Bus' } } } },
          Bus: { Type: 'AWS::Events::EventBus' },
          Route: { Type: 'X', Properties: { Target: { 'Fn::GetAtt': ['Child', 'Outputs.Out'] } } },
        },
      },
      nested: {
        Child: {
          name: 'Group',
          template: {
            Parameters: { P: { Type: 'String' } },
            Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Bus: { Ref: 'P' } } } },
            Outputs: { Out: { Value: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
          },
          nested: {},
        },
      },
    });
    expect(flat.Resources?.Route?.Properties).toEqual({ Target: { 'Fn::GetAtt': ['Group/Fn', 'Arn'] } });
    expect(flat.Resources?.['Group/Fn']?.Properties).toEqual({ Bus: { Ref: 'Bus' } });
  });

  const nestedTemplates = (passed: Record<string, unknown>, read: string): StackTemplates => ({
    template: {
      Resources: {
        Child: { Type: 'AWS::CloudFormation::Stack', Properties: { Parameters: passed } },
        Bus: { Type: 'AWS::Events::EventBus' },
        Route: { Type: 'X', Properties: { Target: { 'Fn::GetAtt': ['Child', `Outputs.${read}`] } } },
      },
    },
    nested: {
      Child: {
        name: 'Group',
        template: {
          Parameters: { P: { Type: 'String' } },
          Resources: {
            Fn: {
              Type: 'AWS::Lambda::Function',
              Properties: { Bus: { Ref: 'P' }, Region: { Ref: 'AWS::Region' } },
            },
          },
          Outputs: { Out: { Value: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
        },
        nested: {},
      },
    },
  });

  it('keeps pseudo parameters of a nested stack as they are', () => {
    const flat = flattenTemplates(nestedTemplates({ P: { Ref: 'Bus' } }, 'Out'));
    expect(flat.Resources?.['Group/Fn']?.Properties).toEqual({
      Bus: { Ref: 'Bus' },
      Region: { Ref: 'AWS::Region' },
    });
  });

  it('refuses a nested reference to a parameter the parent does not pass', () => {
    expect(() => flattenTemplates(nestedTemplates({}, 'Out'))).toThrow(
      'Nested stack Group refers to P, which its parent does not pass',
    );
  });

  it('refuses a read of an output the nested stack does not have', () => {
    expect(() => flattenTemplates(nestedTemplates({ P: { Ref: 'Bus' } }, 'Missing'))).toThrow(
      'nested stack Group has no output Missing',
    );
  });
});
