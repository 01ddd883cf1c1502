import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import { DEFAULT_MAIL_FROM, stageFromContext, stageSettings } from '#infra/stage.ts';
import { logicalIdOf, PROD_MAIL, synthesize } from './support.ts';

const FUNCTION = 'AWS::Lambda::Function';
const senders = Object.entries(app.functions).filter(([, fn]) => fn.uses?.mail);

/** Every IAM statement granted to the role of definition function `name`. */
const statementsOf = (stage: string, name: string) => {
  const { template } = synthesize(app, stage);
  const role =
    template.toJSON().Resources[logicalIdOf(template, FUNCTION, name)].Properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, unknown>[]);
};

const sesStatements = (stage: string, name: string) =>
  statementsOf(stage, name).filter((s) => JSON.stringify(s.Action).includes('ses:'));

/** `arn:${Partition}:ses:${Region}:${AccountId}:<resource>` as the template writes it. */
const sesArn = (resource: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:${resource}`,
    ],
  ],
});

describe('mail (uses.mail)', () => {
  it('is used by the notifications consumer and the notifications admin', () => {
    expect(senders.map(([name]) => name)).toEqual(
      expect.arrayContaining(['notificationsConsumer', 'notificationsAdmin']),
    );
  });

  it.each(senders)('%s may send only as the stage sender, from its identity', (name) => {
    expect(sesStatements('dev', name)).toEqual([
      {
        Effect: 'Allow',
        Action: ['ses:SendEmail', 'ses:SendRawEmail'],
        Resource: sesArn('identity/example.com'),
        Condition: { StringEquals: { 'ses:FromAddress': DEFAULT_MAIL_FROM } },
      },
    ]);
  });

  it.each(senders)('%s may also use the stage configuration set on prod', (name) => {
    expect(sesStatements('prod', name)).toEqual([
      {
        Effect: 'Allow',
        Action: ['ses:SendEmail', 'ses:SendRawEmail'],
        Resource: [sesArn('identity/shop.example.com'), sesArn('configuration-set/commerce-prod')],
        Condition: { StringEquals: { 'ses:FromAddress': PROD_MAIL.mailFrom } },
      },
    ]);
  });

  it.each(senders)('%s finds the sender in MAIL_FROM (and the configuration set on prod)', (name) => {
    synthesize(app, 'dev').template.hasResourceProperties(FUNCTION, {
      Description: app.functions[name]?.description,
      Environment: {
        Variables: Match.objectLike({ MAIL_FROM: DEFAULT_MAIL_FROM, MAIL_CONFIGURATION_SET: Match.absent() }),
      },
    });
    synthesize(app, 'prod').template.hasResourceProperties(FUNCTION, {
      Description: app.functions[name]?.description,
      Environment: {
        Variables: Match.objectLike({
          MAIL_FROM: PROD_MAIL.mailFrom,
          MAIL_CONFIGURATION_SET: PROD_MAIL.mailConfigurationSet,
        }),
      },
    });
  });

  it('gives no other function SES rights or a sender', () => {
    const { template } = synthesize(app, 'dev');
    for (const [name, fn] of Object.entries(app.functions).filter(([, f]) => !f.uses?.mail)) {
      expect(sesStatements('dev', name)).toEqual([]);
      const variables =
        template.toJSON().Resources[logicalIdOf(template, FUNCTION, name)].Properties.Environment.Variables;
      expect(variables.MAIL_FROM, fn.description).toBeUndefined();
    }
  });
});

describe('stage mail settings', () => {
  it('sends from orders@example.com on a stage that names no sender, its domain the identity', () => {
    expect(stageSettings('dev').mail).toEqual({ from: 'orders@example.com', identity: 'example.com' });
  });

  it('refuses a production stage without a sender rather than sending from a placeholder', () => {
    expect(() => stageSettings('prod')).toThrow(/mailFrom/);
  });

  it('reads the sender, identity and configuration set from -c', () => {
    const stage = stageFromContext(
      new App({
        context: {
          stage: 'prod',
          mailFrom: 'shop@mail.example.org',
          mailIdentity: 'shop@mail.example.org',
          mailConfigurationSet: 'shop-events',
        },
      }),
    );
    expect(stage.mail).toEqual({
      from: 'shop@mail.example.org',
      identity: 'shop@mail.example.org',
      configurationSet: 'shop-events',
    });
  });

  it.each([
    ['an address without a domain', { mailFrom: 'orders' }, /Invalid mailFrom/],
    ['a display name', { mailFrom: 'Shop <orders@example.com>' }, /Invalid mailFrom/],
    ['an identity of another domain', { mailIdentity: 'other.example' }, /Invalid mailIdentity/],
    ['a configuration set name SES refuses', { mailConfigurationSet: 'a b' }, /mailConfigurationSet/],
  ])('refuses %s', (_, options, error) => {
    expect(() => stageSettings('dev', options)).toThrow(error);
  });
});
