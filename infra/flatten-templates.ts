import type { TemplateJson, TemplateResource } from './inventory.ts';

/** A synthesized stack's template and those of its nested stacks, by their logical id in it. */
export interface StackTemplates {
  readonly template: TemplateJson;
  readonly nested: Readonly<Record<string, NestedTemplates>>;
}

/** A nested stack's templates and the name its resources are listed under (`Platform`). */
export interface NestedTemplates extends StackTemplates {
  readonly name: string;
}

interface Scope {
  readonly prefix: string;
  readonly stack: StackTemplates;
  /** The nested stack's parameter values, in the parent's terms. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly parent?: Scope;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * One template holding the resources of a stack and of all its nested stacks, as if they were one stack:
 * a nested stack's resources are listed as `<name>/<logical id>`, and a reference that crosses stacks
 * (a nested stack parameter, a nested stack output read with `Fn::GetAtt`) is replaced by the reference
 * it carries, to the resource itself. What reads a template by references (`describeTemplate`, template
 * assertions) then reads the split stack as it read the single one. A nested reference to a parameter its
 * parent does not pass, or a read of an output the nested stack does not have, would name nothing: both
 * throw.
 */
export const flattenTemplates = (root: StackTemplates): TemplateJson => {
  const resources: Record<string, TemplateResource> = {};
  const visit = (scope: Scope): void => {
    for (const [id, resource] of Object.entries(scope.stack.template.Resources ?? {})) {
      const nested = scope.stack.nested[id];
      if (nested) {
        const properties = isRecord(resource.Properties) ? resource.Properties : {};
        visit({
          prefix: `${scope.prefix}${nested.name}/`,
          stack: nested,
          parameters: isRecord(properties.Parameters) ? properties.Parameters : {},
          parent: scope,
        });
      }
      resources[`${scope.prefix}${id}`] = resolve(scope, resource) as TemplateResource;
    }
  };
  visit({ prefix: '', stack: root, parameters: {} });
  return { ...root.template, Resources: resources };
};

/** `value` with every reference rewritten to the flattened ids. */
const resolve = (scope: Scope, value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((v) => resolve(scope, v));
  if (!isRecord(value)) return value;
  const resources = scope.stack.template.Resources ?? {};
  if (typeof value.Ref === 'string' && Object.keys(value).length === 1) {
    if (value.Ref in resources) return { Ref: `${scope.prefix}${value.Ref}` };
    // In a nested stack a Ref that is neither a resource nor a pseudo parameter (`AWS::Region`) is a
    // parameter its parent must pass: left as is, it would name nothing in the flattened template.
    if (scope.parent && !value.Ref.startsWith('AWS::')) {
      if (!(value.Ref in scope.parameters))
        throw new Error(
          `Nested stack ${scope.prefix.slice(0, -1)} refers to ${value.Ref}, which its parent does not pass`,
        );
      return resolve(scope.parent, scope.parameters[value.Ref]);
    }
    return value;
  }
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && typeof getAtt[1] === 'string') {
    const [id, attribute] = getAtt as [string, string];
    const nested = scope.stack.nested[id];
    if (nested && attribute.startsWith('Outputs.')) {
      const name = attribute.slice('Outputs.'.length);
      const output = nested.template.Outputs?.[name];
      if (!output)
        throw new Error(
          `${scope.prefix}${id}.${attribute} is read, but nested stack ${nested.name} has no output ${name}`,
        );
      const properties = resources[id]?.Properties;
      const parameters = isRecord(properties) && isRecord(properties.Parameters) ? properties.Parameters : {};
      return resolve(
        { prefix: `${scope.prefix}${nested.name}/`, stack: nested, parameters, parent: scope },
        output.Value,
      );
    }
    if (id in resources) return { 'Fn::GetAtt': [`${scope.prefix}${id}`, attribute] };
    return value;
  }
  const entries = Object.entries(value).map(([key, v]) => {
    if (key === 'DependsOn') {
      const ids = Array.isArray(v) ? v : [v];
      return [key, ids.map((d) => (typeof d === 'string' && d in resources ? `${scope.prefix}${d}` : d))];
    }
    return [key, resolve(scope, v)];
  });
  return Object.fromEntries(entries);
};
