import { DEFINITION_NAME_KEY, SCHEDULE_TARGETS_KEY } from './naming.ts';

/** A resource of a synthesized CloudFormation template, as JSON. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly Metadata?: Readonly<Record<string, unknown>>;
}

/** A synthesized CloudFormation template (e.g. `Template.fromStack(stack).toJSON()`). */
export interface TemplateJson {
  readonly Resources?: Readonly<Record<string, TemplateResource>>;
  readonly Parameters?: Readonly<Record<string, unknown>>;
  readonly Outputs?: Readonly<Record<string, { readonly Value?: unknown }>>;
}

/**
 * What a synthesized template serves, in the definition's own terms (definition names, route keys,
 * patterns), so a test can compare it with what the local cloud serves from the same definition.
 */
export interface TemplateInventory {
  readonly functions: string[];
  readonly routes: { routeKey: string; function: string | undefined; authorizationType: string }[];
  /** The HTTP API's CORS configuration (CloudFormation `CorsConfiguration`), if it has one. */
  readonly cors:
    | {
        allowOrigins: string[];
        allowMethods: string[];
        allowHeaders: string[];
        exposeHeaders: string[];
        maxAge: number | undefined;
        allowCredentials: boolean;
      }
    | undefined;
  readonly rules: { name: string; pattern: unknown; queue: string | undefined }[];
  readonly queues: {
    name: string;
    consumer: string | undefined;
    batchSize: number | undefined;
    maxReceiveCount: number | undefined;
    visibilityTimeoutSeconds: number | undefined;
  }[];
  readonly schedules: { name: string; rate: string | undefined; function: string | undefined }[];
  readonly stateMachines: {
    name: string;
    type: string | undefined;
    /** `DefinitionSubstitutions` in the definition's terms: a function, another machine, or a literal. */
    substitutions: Record<string, TemplateSubstitution>;
  }[];
  readonly pipes: {
    name: string;
    filter: unknown;
    target: string | undefined;
    batchSize: number | undefined;
  }[];
}

/** One `${Name}` placeholder's value, as the definition writes substitutions. */
export type TemplateSubstitution =
  | { readonly function: string }
  | { readonly stateMachine: string }
  | { readonly literal: string }
  | { readonly unknown: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The logical id a `Ref`, `Fn::GetAtt` or `Fn::Join` (of one reference) points at. */
const referencedId = (value: unknown): string | undefined => {
  if (!isRecord(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  const join = value['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map(referencedId).find((id) => id);
  return undefined;
};

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** Lists what the template serves, each resource under its definition name (`commerce:name`). */
export const describeTemplate = (template: TemplateJson): TemplateInventory => {
  const resources = Object.entries(template.Resources ?? {});
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
  const props = (id: string | undefined) => (id ? (template.Resources?.[id]?.Properties ?? {}) : {});
  const nameOf = (id: string | undefined) =>
    str(id ? template.Resources?.[id]?.Metadata?.[DEFINITION_NAME_KEY] : undefined);
  const named = (type: string) =>
    ofType(type).flatMap(([id, r]) => {
      const name = nameOf(id);
      return name ? [{ id, name, p: r.Properties ?? {} }] : [];
    });
  const typeOf = (id: string | undefined) => (id ? template.Resources?.[id]?.Type : undefined);
  const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, r]) => r.Properties ?? {});

  return {
    functions: named('AWS::Lambda::Function')
      .map((f) => f.name)
      .sort(),
    routes: ofType('AWS::ApiGatewayV2::Route')
      .map(([, r]) => ({
        routeKey: String(r.Properties?.RouteKey),
        function: nameOf(referencedId(props(referencedId(r.Properties?.Target)).IntegrationUri)),
        authorizationType: str(r.Properties?.AuthorizationType) ?? 'NONE',
      }))
      .sort((a, b) => a.routeKey.localeCompare(b.routeKey)),
    cors: corsEntry(ofType('AWS::ApiGatewayV2::Api')[0]?.[1].Properties?.CorsConfiguration),
    rules: named('AWS::Events::Rule')
      .filter(({ p }) => p.EventPattern !== undefined)
      .map(({ name, p }) => ({
        name,
        pattern: p.EventPattern,
        queue: nameOf(
          referencedId(Array.isArray(p.Targets) && isRecord(p.Targets[0]) ? p.Targets[0].Arn : undefined),
        ),
      }))
      .sort(byName),
    queues: named('AWS::SQS::Queue')
      .map(({ id, name, p }) => {
        const mapping = mappings.find((m) => referencedId(m.EventSourceArn) === id);
        return {
          name,
          consumer: nameOf(referencedId(mapping?.FunctionName)),
          batchSize: num(mapping?.BatchSize),
          maxReceiveCount: isRecord(p.RedrivePolicy) ? num(p.RedrivePolicy.maxReceiveCount) : undefined,
          visibilityTimeoutSeconds: num(p.VisibilityTimeout),
        };
      })
      .sort(byName),
    // A schedule rule may invoke several schedules' functions: its metadata names them in target order.
    schedules: named('AWS::Events::Rule')
      .filter(({ p }) => p.ScheduleExpression !== undefined)
      .flatMap(({ id, name, p }) => {
        const listed = template.Resources?.[id]?.Metadata?.[SCHEDULE_TARGETS_KEY];
        const names = Array.isArray(listed) ? listed.map(String) : [name];
        const targets = Array.isArray(p.Targets) ? p.Targets : [];
        return names.map((schedule, i) => {
          const target = targets[i];
          return {
            name: schedule,
            rate: str(p.ScheduleExpression),
            function: nameOf(referencedId(isRecord(target) ? target.Arn : undefined)),
          };
        });
      })
      .sort(byName),
    stateMachines: named('AWS::StepFunctions::StateMachine')
      .map(({ name, p }) => ({
        name,
        type: str(p.StateMachineType),
        substitutions: Object.fromEntries(
          Object.entries(isRecord(p.DefinitionSubstitutions) ? p.DefinitionSubstitutions : {}).map(
            ([key, value]) => [key, substitutionOf(value, typeOf, nameOf)],
          ),
        ),
      }))
      .sort(byName),
    pipes: named('AWS::Pipes::Pipe')
      .map(({ name, p }) => pipeEntry(name, p, nameOf))
      .sort(byName),
  };
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

const corsEntry = (config: unknown): TemplateInventory['cors'] =>
  isRecord(config)
    ? {
        allowOrigins: strings(config.AllowOrigins),
        allowMethods: strings(config.AllowMethods),
        allowHeaders: strings(config.AllowHeaders),
        exposeHeaders: strings(config.ExposeHeaders),
        maxAge: num(config.MaxAge),
        allowCredentials: config.AllowCredentials === true,
      }
    : undefined;

const pipeEntry = (
  name: string,
  p: Readonly<Record<string, unknown>>,
  nameOf: (id: string | undefined) => string | undefined,
): TemplateInventory['pipes'][number] => {
  const source = isRecord(p.SourceParameters) ? p.SourceParameters : {};
  const filters = isRecord(source.FilterCriteria) ? source.FilterCriteria.Filters : undefined;
  const first = Array.isArray(filters) && isRecord(filters[0]) ? str(filters[0].Pattern) : undefined;
  const stream = isRecord(source.DynamoDBStreamParameters) ? source.DynamoDBStreamParameters : {};
  return {
    name,
    filter: first === undefined ? undefined : JSON.parse(first),
    target: nameOf(referencedId(p.Target)),
    batchSize: num(stream.BatchSize),
  };
};

/** A substituted value: a literal, or a reference to a function or a state machine of the definition. */
const substitutionOf = (
  value: unknown,
  typeOf: (id: string | undefined) => string | undefined,
  nameOf: (id: string | undefined) => string | undefined,
): TemplateSubstitution => {
  if (typeof value === 'string') return { literal: value };
  const id = referencedId(value);
  const name = nameOf(id);
  if (name && typeOf(id) === 'AWS::Lambda::Function') return { function: name };
  if (name && typeOf(id) === 'AWS::StepFunctions::StateMachine') return { stateMachine: name };
  return { unknown: value };
};
