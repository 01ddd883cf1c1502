import { describe, expect, it } from 'vitest';
import { app } from '#app/definition.ts';
import type { TemplateJson } from '#infra/inventory.ts';
import type { AppDefinition } from '#platform/definition/types.ts';
import { fixtureDefinition } from './fixtures/definition.ts';
import presplit from './fixtures/presplit-route-ids.json' with { type: 'json' };
import { synthesize } from './support.ts';

/**
 * An existing stage upgrades to the split stack with one plain `cdk deploy` only if API Gateway never
 * sees two routes with one route key: the routes (and the integrations they point at) must stay in the
 * root stack under the logical ids of the single stack, so CloudFormation updates them in place. The
 * fixture lists those ids, taken once from the last single-stack commit (`presplit-route-ids.json`).
 */
const ROUTE = 'AWS::ApiGatewayV2::Route';
const INTEGRATION = 'AWS::ApiGatewayV2::Integration';

const idsOf = (template: TemplateJson, type: string): string[] =>
  Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type === type)
    .map(([id]) => id);

describe('route placement', () => {
  it.each<[string, AppDefinition]>([
    ['the application', app],
    ['a definition without contexts', fixtureDefinition],
  ])('builds every route and integration of %s in the root stack', (_, definition) => {
    const { stacks } = synthesize(definition);
    for (const nested of Object.values(stacks.nested)) {
      expect(idsOf(nested.template, ROUTE), nested.name).toEqual([]);
      expect(idsOf(nested.template, INTEGRATION), nested.name).toEqual([]);
    }
    expect(idsOf(stacks.template, ROUTE)).toHaveLength(definition.routes.length);
    expect(idsOf(stacks.template, INTEGRATION)).toHaveLength(
      new Set(definition.routes.map((r) => r.function)).size,
    );
  });

  it.each([
    ['route', ROUTE, presplit.routes],
    ['integration', INTEGRATION, presplit.integrations],
  ])('keeps every %s logical id of the single stack in the root stack', (_, type, before) => {
    const root = idsOf(synthesize(app).stacks.template, type);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((id) => !root.includes(id))).toEqual([]);
  });

  it('integrates each route with its function in a nested stack, through that stack’s output', () => {
    const { stacks } = synthesize(app);
    const nestedIds = new Set(Object.keys(stacks.nested));
    for (const [id, integration] of Object.entries(stacks.template.Resources ?? {})) {
      if (integration.Type !== INTEGRATION) continue;
      const uri = (integration.Properties as { IntegrationUri?: unknown }).IntegrationUri;
      expect(uri, id).toEqual({ 'Fn::GetAtt': [expect.any(String), expect.stringMatching(/^Outputs\./)] });
      const [stackId] = (uri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
      expect(nestedIds.has(stackId), id).toBe(true);
    }
  });
});
