import { Match } from 'aws-cdk-lib/assertions';
import { describe, it } from 'vitest';
import type { AppDefinition } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import { logicalIdOf, synthesize } from './support.ts';

describe('user pool', () => {
  it('calls the definition’s post-confirmation trigger', () => {
    const definition: AppDefinition = {
      ...fixtureDefinition,
      name: 'fixture-triggers',
      userPoolTriggers: { postConfirmation: 'worker' },
    };
    const { template } = synthesize(definition);
    const worker = logicalIdOf(template, 'AWS::Lambda::Function', 'worker');
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PostConfirmation: { 'Fn::GetAtt': [worker, 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [worker, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
    });
  });

  it('has no triggers when the definition names none', () => {
    const { template } = synthesize(fixtureDefinition);
    template.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: Match.absent() });
  });
});
