import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { describeTemplate } from '#infra/inventory.ts';
import { logicalIdOf, synthesize } from './support.ts';

describe('schedules', () => {
  const { template } = synthesize(app);

  it.each(Object.entries(app.schedules))('%s invokes its function at its rate', (name, schedule) => {
    const fn = logicalIdOf(template, 'AWS::Lambda::Function', schedule.function);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: schedule.rate,
      Targets: [{ Arn: { 'Fn::GetAtt': [fn, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } }],
    });
    expect(describeTemplate(template.toJSON()).schedules).toContainEqual({
      name,
      rate: schedule.rate,
      function: schedule.function,
    });
  });
});
